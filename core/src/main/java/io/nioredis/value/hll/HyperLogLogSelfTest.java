package io.nioredis.value.hll;

import java.util.Random;

/**
 * PFSELFTEST: Redis's self test of the register packing and the estimator, which is hard to test from
 * outside. Same checks and same messages as pfselftestCommand; the command replies +OK for null.
 */
public final class HyperLogLogSelfTest {
    private static final int CYCLES = 1000;
    private static final int ELEMENTS = 10_000_000;

    private HyperLogLogSelfTest() {}

    /** Runs the test with {@code random} as Redis uses rand(); null on success, else the error reply text. */
    public static String run(Random random, int sparseMaxBytes) {
        String failure = checkRegisterAccess(random);
        return failure != null ? failure : checkApproximationError(random, sparseMaxBytes, ELEMENTS);
    }

    /** Test 1: every register keeps the value set, and setting one leaves its neighbours alone. */
    static String checkRegisterAccess(Random random) {
        byte[] dense = new byte[HyperLogLog.DENSE_SIZE];
        byte[] expected = new byte[HyperLogLog.REGISTERS];
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
                int r = random.nextInt() & HyperLogLog.REGISTER_MAX;
                expected[i] = (byte) r;
                DenseRegisters.set(dense, HyperLogLog.HEADER_SIZE, i, r);
            }
            for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
                int value = DenseRegisters.get(dense, HyperLogLog.HEADER_SIZE, i);
                if (value != expected[i]) {
                    return "TESTFAILED Register " + i + " should be " + expected[i] + " but is " + value;
                }
            }
        }
        return null;
    }

    /**
     * Test 2: the same elements go into a dense and a sparse HLL; at 1, 10, 100... they must agree, the sparse
     * one must still be sparse while small, and the error must stay within 6 standard errors.
     */
    static String checkApproximationError(Random random, int sparseMaxBytes, int elements) {
        byte[] dense = new byte[HyperLogLog.DENSE_SIZE];
        System.arraycopy(HyperLogLog.create(), 0, dense, 0, 4);
        HyperLogLogEditor sparse = new HyperLogLogEditor();
        sparse.openNew(sparseMaxBytes);
        double relativeError = 1.04 / Math.sqrt(HyperLogLog.REGISTERS);
        long checkpoint = 1;
        long seed = random.nextLong();
        byte[] element = new byte[8];
        for (int j = 1; j <= elements; j++) {
            long e = j ^ seed;
            for (int b = 0; b < 8; b++) {
                element[b] = (byte) (e >>> (8 * b));
            }
            long hash = MurmurHash64A.hash(element, 0, 8, MurmurHash64A.HLL_SEED);
            DenseRegisters.raise(dense, HyperLogLog.HEADER_SIZE,
                    HyperLogLog.registerIndex(hash), HyperLogLog.patternLength(hash));
            sparse.add(element, 0, 8);
            if (j != checkpoint) {
                continue;
            }
            if (j < sparseMaxBytes / 2 && sparse.isDense()) {
                return "TESTFAILED sparse encoding not used";
            }
            long denseCount = HyperLogLog.estimate(dense, 0, dense.length);
            if (denseCount != HyperLogLog.estimate(sparse.array(), sparse.offset(), sparse.length())) {
                return "TESTFAILED dense/sparse disagree";
            }
            long absoluteError = Math.abs(checkpoint - denseCount);
            long maxError = (long) Math.ceil(relativeError * 6 * checkpoint);
            // At 10 a collision can give an error much bigger than the bound; Redis allows 1 there.
            if (j == 10) {
                maxError = 1;
            }
            if (absoluteError > maxError) {
                return "TESTFAILED Too big error. card:" + checkpoint + " abserr:" + absoluteError;
            }
            checkpoint *= 10;
        }
        return null;
    }
}
