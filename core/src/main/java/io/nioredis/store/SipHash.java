package io.nioredis.store;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * SipHash-1-2, the keyed hash Redis uses for its dicts. With a random key per process an attacker who
 * cannot see the key cannot craft keys that collide, so chains stay short under hostile input; and it
 * reads the key eight bytes at a time, allocating nothing.
 */
public final class SipHash {
    private static final VarHandle LONG_LE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** One random key per process, as Redis seeds its dict hash at start-up; used by every dict. */
    public static final SipHash PROCESS = random();

    private final long k0;
    private final long k1;

    public SipHash(long k0, long k1) {
        this.k0 = k0;
        this.k1 = k1;
    }

    /** A fresh random key, as Redis seeds its dict hash at start-up. */
    public static SipHash random() {
        java.nio.ByteBuffer words = java.nio.ByteBuffer.wrap(RandomSeed.bytes(16));
        return new SipHash(words.getLong(0), words.getLong(8));
    }

    /**
     * SipHash-1-2 with its rounds written out: every key lookup, insert and rehash move goes through
     * here, and written out it needs no inlining with constant round counts to lose the round loops of
     * {@link #hashRounds}. A test holds the two equal.
     */
    public long hash(byte[] b, int off, int len) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int end = off + (len & ~7);
        for (int i = off; i < end; i += 8) {
            long m = (long) LONG_LE.get(b, i);
            v3 ^= m;
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            v0 ^= m;
        }
        long last = tail(b, end, len);
        v3 ^= last;
        v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
        v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        v0 ^= last;
        v2 ^= 0xff;
        v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
        v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
        v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
        v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
        v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /** The last block: the 0 to 7 bytes after {@code end}, with the length in the top byte. */
    private static long tail(byte[] b, int end, int len) {
        long last = ((long) len) << 56;
        switch (len & 7) {
            case 7: last |= (b[end + 6] & 0xffL) << 48; // fall through
            case 6: last |= (b[end + 5] & 0xffL) << 40; // fall through
            case 5: last |= (b[end + 4] & 0xffL) << 32; // fall through
            case 4: last |= (b[end + 3] & 0xffL) << 24; // fall through
            case 3: last |= (b[end + 2] & 0xffL) << 16; // fall through
            case 2: last |= (b[end + 1] & 0xffL) << 8; // fall through
            case 1: last |= (b[end] & 0xffL); // fall through
            default: break;
        }
        return last;
    }

    /** SipHash-2-4, the reference variant, so tests can check the rounds against published vectors. */
    static long hash24(long k0, long k1, byte[] b, int off, int len) {
        return hashRounds(k0, k1, b, off, len, 2, 4);
    }

    /** SipHash-c-d for any round counts: the reference the unrolled {@link #hash} is tested against. */
    static long hashRounds(long k0, long k1, byte[] b, int off, int len, int cRounds, int dRounds) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int end = off + (len & ~7);
        for (int i = off; i < end; i += 8) {
            long m = (long) LONG_LE.get(b, i);
            v3 ^= m;
            for (int r = 0; r < cRounds; r++) {
                v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
                v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
                v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
                v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= m;
        }
        long last = tail(b, end, len);
        v3 ^= last;
        for (int r = 0; r < cRounds; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        v0 ^= last;
        v2 ^= 0xff;
        for (int r = 0; r < dRounds; r++) {
            v0 += v1; v1 = Long.rotateLeft(v1, 13); v1 ^= v0; v0 = Long.rotateLeft(v0, 32);
            v2 += v3; v3 = Long.rotateLeft(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Long.rotateLeft(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Long.rotateLeft(v1, 17); v1 ^= v2; v2 = Long.rotateLeft(v2, 32);
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }
}
