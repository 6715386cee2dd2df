package io.nioredis.scripting;

/**
 * Redis's redisLrand48 (rand.c): the 48-bit linear congruential generator of lrand48, which Redis uses for
 * math.random so scripts get the same sequence everywhere. Redis 7 reseeds it with 0 before every script.
 */
final class RedisRandom {

    static final int MAX = Integer.MAX_VALUE;

    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long MASK = (1L << 48) - 1;

    private long state;

    RedisRandom() {
        seed(0);
    }

    /** redisSrand48: the seed's 32 bits above the constant 0x330E. */
    void seed(int seed) {
        state = (((long) seed & 0xFFFFFFFFL) << 16 | 0x330E) & MASK;
    }

    /** redisLrand48: the next 31-bit value. */
    int next() {
        state = (state * MULTIPLIER + 0xB) & MASK;
        return (int) (state >>> 17);
    }

    /** The number math.random bases its answers on: in [0, 1). */
    double nextFraction() {
        return (double) (next() % MAX) / (double) MAX;
    }
}
