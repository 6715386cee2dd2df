package io.nioredis.value.hll;

/**
 * Redis's hllCount estimate from a register histogram: Otmar Ertl's improved estimator ("New cardinality
 * estimation algorithms for HyperLogLog sketches", arXiv:1702.01284), which Redis uses since 5.0.
 * The arithmetic is kept in Redis's order, so the doubles, and hence the rounded result, are the same.
 */
final class CardinalityEstimator {
    /** 0.5 / ln(2), Redis's HLL_ALPHA_INF. */
    private static final double ALPHA_INF = 0.721347520444481703680;

    private CardinalityEstimator() {}

    /** {@code histogram[v]} is the number of registers holding {@code v}; it has 64 slots. */
    static long estimate(int[] histogram) {
        double m = HyperLogLog.REGISTERS;
        double z = m * tau((m - histogram[HyperLogLog.Q + 1]) / m);
        for (int j = HyperLogLog.Q; j >= 1; --j) {
            z += histogram[j];
            z *= 0.5;
        }
        z += m * sigma(histogram[0] / m);
        // llroundl: half away from zero, the same as Math.round for the non-negative values seen here.
        return Math.round(ALPHA_INF * m * m / z);
    }

    static double sigma(double x) {
        if (x == 1.0) {
            return Double.POSITIVE_INFINITY;
        }
        double zPrime;
        double y = 1;
        double z = x;
        do {
            x *= x;
            zPrime = z;
            z += x * y;
            y += y;
        } while (zPrime != z);
        return z;
    }

    static double tau(double x) {
        if (x == 0.0 || x == 1.0) {
            return 0.0;
        }
        double zPrime;
        double y = 1.0;
        double z = 1 - x;
        do {
            x = Math.sqrt(x);
            zPrime = z;
            y *= 0.5;
            double d = 1 - x;
            // Redis writes pow(1 - x, 2); glibc rounds it correctly, so it equals d * d rounded once.
            z -= d * d * y;
        } while (zPrime != z);
        return z / 3;
    }
}
