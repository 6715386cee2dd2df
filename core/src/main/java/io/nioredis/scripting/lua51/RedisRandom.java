package io.nioredis.scripting.lua51;

/**
 * Redis's redisLrand48 (rand.c): the 48-bit linear congruential generator of lrand48, which Redis uses for
 * math.random. Redis 7.0.15 starts it at lrand48's default state when the server starts and does not
 * reseed it between scripts (measured: consecutive EVALs continue one sequence); math.randomseed reseeds.
 */
public final class RedisRandom {

    static final int MAX = Integer.MAX_VALUE;

    private static final long MULTIPLIER = 0x5DEECE66DL;
    private static final long MASK = (1L << 48) - 1;

    private long state;

    /** rand.c's initial X2 X1 X0 = 0x1234, 0xABCD, 0x330E. */
    public RedisRandom() {
        state = 0x1234ABCD330EL;
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
