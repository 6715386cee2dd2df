package io.nioredis.bench;

import io.nioredis.text.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** The benchmark keys {@code key:<i>}, as bytes written into a scratch array or as Strings. */
final class Keys {
    static final byte[] PREFIX = "key:".getBytes(StandardCharsets.US_ASCII);
    /** Lookups cycle through this many pre-built keys, so that no key is built in the measured code. */
    static final int POOL = 4096;

    private Keys() {}

    /** Writes {@code key:<i>} at the start of {@code scratch}; returns its length. */
    static int write(byte[] scratch, long i) {
        System.arraycopy(PREFIX, 0, scratch, 0, PREFIX.length);
        return Ascii.writeLong(scratch, PREFIX.length, i);
    }

    static byte[] bytes(long i) {
        byte[] scratch = new byte[32];
        int len = write(scratch, i);
        return java.util.Arrays.copyOf(scratch, len);
    }

    static String string(long i) {
        return "key:" + i;
    }

    /** {@link #POOL} random numbers in {@code [from, from + range)}, repeats allowed, fixed by the seed. */
    static long[] sample(long from, long range, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] out = new long[POOL];
        for (int i = 0; i < POOL; i++) {
            out[i] = from + random.nextLong(range);
        }
        return out;
    }

    /** {@code count} distinct random numbers in {@code [from, from + range)}; needs {@code count <= range}. */
    static long[] distinct(long from, long range, int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        java.util.Set<Long> seen = new java.util.HashSet<>();
        long[] out = new long[count];
        for (int i = 0; i < count; ) {
            long n = from + random.nextLong(range);
            if (seen.add(n)) {
                out[i++] = n;
            }
        }
        return out;
    }
}
