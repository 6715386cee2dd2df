package io.nioredis.value.hll;

import java.util.Arrays;

/**
 * The register-wise maximum of several HLLs (one byte per register), which PFCOUNT of several keys estimates
 * and PFMERGE writes into its destination. Reusable: {@link #clear} and fill again, nothing is allocated.
 */
public final class HyperLogLogUnion {
    private final byte[] registers = new byte[HyperLogLog.REGISTERS];
    private boolean sawDense;

    public void clear() {
        Arrays.fill(registers, (byte) 0);
        sawDense = false;
    }

    /**
     * Merges one valid HLL value (see {@link HyperLogLog#isValid}); false if its sparse opcodes are corrupt,
     * after which the union holds a partial merge and the command replies Redis's "Corrupted HLL object" error.
     */
    public boolean add(byte[] a, int off, int len) {
        if (HyperLogLog.isDense(a, off)) {
            sawDense = true;
        }
        return HyperLogLog.mergeInto(registers, a, off, len);
    }

    /** Whether a dense value was merged: PFMERGE then makes its destination dense. */
    public boolean sawDense() {
        return sawDense;
    }

    /** PFCOUNT key [key ...]: the cardinality of the union. */
    public long estimate() {
        return HyperLogLog.estimateRegisters(registers);
    }

    int register(int index) {
        return registers[index];
    }
}
