package io.nioredis.value.hll;

/**
 * MurmurHash2, 64-bit version (MurmurHash64A), as Redis uses it to hash HyperLogLog elements. Redis reads the
 * 8-byte blocks little-endian on every architecture, so the result does not depend on the machine; this
 * implementation does the same.
 */
public final class MurmurHash64A {
    /** The seed Redis's hllPatLen passes for every element. */
    public static final long HLL_SEED = 0xadc83b19L;

    private static final long M = 0xc6a4a7935bd1e995L;
    private static final int R = 47;

    private MurmurHash64A() {}

    /** The hash of {@code data[off, off+len)} with a 32-bit unsigned {@code seed} (only its low 32 bits are used). */
    public static long hash(byte[] data, int off, int len, long seed) {
        long h = (seed & 0xffffffffL) ^ (len * M);
        int blocksEnd = off + (len & ~7);
        int i = off;
        for (; i < blocksEnd; i += 8) {
            long k = (data[i] & 0xffL)
                    | (data[i + 1] & 0xffL) << 8
                    | (data[i + 2] & 0xffL) << 16
                    | (data[i + 3] & 0xffL) << 24
                    | (data[i + 4] & 0xffL) << 32
                    | (data[i + 5] & 0xffL) << 40
                    | (data[i + 6] & 0xffL) << 48
                    | (data[i + 7] & 0xffL) << 56;
            k *= M;
            k ^= k >>> R;
            k *= M;
            h ^= k;
            h *= M;
        }
        switch (len & 7) {
            case 7: h ^= (data[i + 6] & 0xffL) << 48; // fall through
            case 6: h ^= (data[i + 5] & 0xffL) << 40; // fall through
            case 5: h ^= (data[i + 4] & 0xffL) << 32; // fall through
            case 4: h ^= (data[i + 3] & 0xffL) << 24; // fall through
            case 3: h ^= (data[i + 2] & 0xffL) << 16; // fall through
            case 2: h ^= (data[i + 1] & 0xffL) << 8; // fall through
            case 1:
                h ^= data[i] & 0xffL;
                h *= M;
                break;
            default:
                break;
        }
        h ^= h >>> R;
        h *= M;
        h ^= h >>> R;
        return h;
    }
}
