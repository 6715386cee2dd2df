package io.nioredis.value.bitmap;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Eight bytes of a byte array read as one long, so that popcount, skipping and bitwise operations go a word at
 * a time (the JIT compiles these to single loads). The byte order is irrelevant to the callers: they count
 * bits, compare with all-zeros/all-ones, or combine words bitwise.
 */
final class Words {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    static long get(byte[] bytes, int index) {
        return (long) LONGS.get(bytes, index);
    }

    static void set(byte[] bytes, int index, long word) {
        LONGS.set(bytes, index, word);
    }

    /** The number of set bits in bytes [from, from + count). */
    static long popcount(byte[] bytes, int from, int count) {
        long bits = 0;
        int i = from;
        int end = from + count;
        for (; i + 8 <= end; i += 8) {
            bits += Long.bitCount(get(bytes, i));
        }
        for (; i < end; i++) {
            bits += Integer.bitCount(bytes[i] & 0xff);
        }
        return bits;
    }

    private Words() {
    }
}
