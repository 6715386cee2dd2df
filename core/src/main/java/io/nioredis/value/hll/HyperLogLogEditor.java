package io.nioredis.value.hll;

/**
 * Edits one HLL value for PFADD and PFMERGE, as Redis's hllSparseSet / hllDenseSet do, without allocating per
 * element. A dense value is edited in place in the caller's array. A sparse value is copied into this editor's
 * growable buffer, because Redis grows it in place by up to 3 bytes per element; it is promoted to a new dense
 * array when a register would exceed 32 or the value would exceed hll-sparse-max-bytes. When the command is done,
 * {@link #editedInPlace()} says whether the caller must store {@code array()[offset(), offset() + length())} as
 * the key's new value.
 *
 * <p>One editor per thread, reused: {@link #open} or {@link #openNew} starts a new edit.
 */
public final class HyperLogLogEditor {
    public static final int UPDATED = 1;
    public static final int UNCHANGED = 0;
    public static final int CORRUPTED = -1;

    /** Sparse working copy; the byte at {@code length} is always 0, like an sds string's terminator. */
    private byte[] buffer = new byte[256];
    private final byte[] sequence = new byte[5];

    private byte[] array;
    private int offset;
    private int length;
    private int sparseMaxBytes;
    private boolean inCallerArray;

    /**
     * Starts editing a valid HLL value ({@link HyperLogLog#isValid}) under the given hll-sparse-max-bytes. A dense
     * value is changed in {@code a} itself, so the caller must own that array alone (Redis's dbUnshareStringValue).
     */
    public void open(byte[] a, int off, int len, int sparseMaxBytes) {
        this.sparseMaxBytes = sparseMaxBytes;
        if (HyperLogLog.isDense(a, off)) {
            array = a;
            offset = off;
            length = len;
            inCallerArray = true;
        } else {
            ensureCapacity(len + 8, 0);
            System.arraycopy(a, off, buffer, 0, len);
            buffer[len] = 0;
            useBuffer(len);
        }
    }

    /** Starts editing a new empty HLL, as PFADD and PFMERGE create for a missing key. */
    public void openNew(int sparseMaxBytes) {
        this.sparseMaxBytes = sparseMaxBytes;
        int len = HyperLogLog.emptyLength();
        HyperLogLog.writeEmpty(buffer, 0);
        buffer[len] = 0;
        useBuffer(len);
    }

    private void useBuffer(int len) {
        array = buffer;
        offset = 0;
        length = len;
        inCallerArray = false;
    }

    /**
     * PFADD of one element: {@link #UPDATED} if a register grew, {@link #UNCHANGED}, or {@link #CORRUPTED} for
     * corrupt sparse opcodes (Redis replies the error but keeps what earlier elements changed).
     */
    public int add(byte[] element, int off, int len) {
        long hash = MurmurHash64A.hash(element, off, len, MurmurHash64A.HLL_SEED);
        return set(HyperLogLog.registerIndex(hash), HyperLogLog.patternLength(hash));
    }

    /**
     * PFMERGE's write into its destination, which this editor has open (the destination, when it exists, must
     * also have been added to the union, as Redis merges it as a source). The destination becomes dense if any
     * merged value was dense; otherwise it stays sparse until it outgrows hll-sparse-max-bytes, which is what a
     * real Redis 7.0.15 stores (older 7.0 sources made it dense always). Its cache is invalidated.
     * Returns {@link #UPDATED} or {@link #CORRUPTED}.
     */
    public int merge(HyperLogLogUnion union) {
        if (union.sawDense() && !HyperLogLog.isDense(array, offset) && !promote()) {
            return CORRUPTED;
        }
        for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
            int value = union.register(i);
            if (value != 0) {
                set(i, value); // Redis ignores a failure here: the destination was already checked as a source.
            }
        }
        invalidateCache();
        return UPDATED;
    }

    /** Marks the cached cardinality stale; PFADD does it once at the end if any element changed a register. */
    public void invalidateCache() {
        HyperLogLog.invalidateCache(array, offset);
    }

    public boolean isDense() {
        return HyperLogLog.isDense(array, offset);
    }

    /** True if the value still lives in the array given to {@link #open}; otherwise store {@link #array()}. */
    public boolean editedInPlace() {
        return inCallerArray;
    }

    public byte[] array() {
        return array;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /** A copy of the value, exactly {@link #length()} bytes. */
    public byte[] toByteArray() {
        byte[] copy = new byte[length];
        System.arraycopy(array, offset, copy, 0, length);
        return copy;
    }

    /** Raises register {@code index} to {@code count} if lower (hllDenseSet / hllSparseSet). */
    int set(int index, int count) {
        if (HyperLogLog.isDense(array, offset)) {
            return DenseRegisters.raise(array, offset + HyperLogLog.HEADER_SIZE, index, count) ? UPDATED : UNCHANGED;
        }
        return sparseSet(index, count);
    }

    private int sparseSet(int index, int count) {
        if (count > SparseRegisters.VAL_MAX_VALUE) {
            return promoteAndSet(index, count);
        }
        // The worst case grows the value by 3 bytes (XZERO split into XZERO-VAL-XZERO), plus the terminator.
        ensureCapacity(length + 6, length + 1);
        byte[] b = buffer;
        int end = length;

        // Step 1: find the opcode covering the register.
        int p = HyperLogLog.HEADER_SIZE;
        int first = 0;
        int prev = -1;
        int span = 0;
        while (p < end) {
            int op = b[p] & 0xff;
            int oplen = 1;
            if (SparseRegisters.isZero(op)) {
                span = SparseRegisters.zeroLength(op);
            } else if (SparseRegisters.isVal(op)) {
                span = SparseRegisters.valLength(op);
            } else {
                span = SparseRegisters.xzeroLength(op, b[p + 1] & 0xff);
                oplen = 2;
            }
            if (index <= first + span - 1) {
                break;
            }
            prev = p;
            p += oplen;
            first += span;
        }
        if (span == 0 || p >= end) {
            return CORRUPTED;
        }
        int op = b[p] & 0xff;
        boolean isXzero = SparseRegisters.isXzero(op);
        boolean isZero = SparseRegisters.isZero(op);
        int next = isXzero ? p + 2 : p + 1;
        if (next >= end) {
            next = -1;
        }

        // Step 2: the easy cases update one opcode in place.
        if (SparseRegisters.isVal(op)) {
            if (SparseRegisters.valValue(op) >= count) {
                return UNCHANGED;
            }
            if (SparseRegisters.valLength(op) == 1) {
                b[p] = SparseRegisters.val(count, 1);
                return updated(prev);
            }
        }
        if (isZero && SparseRegisters.zeroLength(op) == 1) {
            b[p] = SparseRegisters.val(count, 1);
            return updated(prev);
        }

        // The general case: split the opcode into up to three (zeros or old value, our VAL, zeros or old value).
        byte[] seq = sequence;
        int n = 0;
        int last = first + span - 1;
        if (isZero || isXzero) {
            if (index != first) {
                n = writeZeros(seq, n, index - first);
            }
            seq[n++] = SparseRegisters.val(count, 1);
            if (index != last) {
                n = writeZeros(seq, n, last - index);
            }
        } else {
            int current = SparseRegisters.valValue(op);
            if (index != first) {
                seq[n++] = SparseRegisters.val(current, index - first);
            }
            seq[n++] = SparseRegisters.val(count, 1);
            if (index != last) {
                seq[n++] = SparseRegisters.val(current, last - index);
            }
        }

        // Step 3: replace the old opcode with the sequence, or promote if the value would grow too large.
        int delta = n - (isXzero ? 2 : 1);
        if (delta > 0 && length + delta > sparseMaxBytes) {
            return promoteAndSet(index, count);
        }
        if (delta != 0 && next >= 0) {
            System.arraycopy(b, next, b, next + delta, end - next);
        }
        length += delta;
        b[length] = 0;
        System.arraycopy(seq, 0, b, p, n);
        return updated(prev);
    }

    private static int writeZeros(byte[] seq, int n, int len) {
        if (len > SparseRegisters.ZERO_MAX_LEN) {
            seq[n] = SparseRegisters.xzeroHigh(len);
            seq[n + 1] = SparseRegisters.xzeroLow(len);
            return n + 2;
        }
        seq[n] = SparseRegisters.zero(len);
        return n + 1;
    }

    /**
     * Step 4: adjacent VAL opcodes with the same value may now be joined (up to 4 registers each). Redis looks
     * at most 5 opcodes from the one before the change.
     */
    private int updated(int prev) {
        byte[] b = buffer;
        int p = prev >= 0 ? prev : HyperLogLog.HEADER_SIZE;
        int scan = 5;
        while (p < length && scan-- > 0) {
            int op = b[p] & 0xff;
            if (SparseRegisters.isXzero(op)) {
                p += 2;
                continue;
            }
            if (SparseRegisters.isZero(op)) {
                p++;
                continue;
            }
            if (p + 1 < length && SparseRegisters.isVal(b[p + 1] & 0xff)) {
                int nextOp = b[p + 1] & 0xff;
                int value = SparseRegisters.valValue(op);
                if (value == SparseRegisters.valValue(nextOp)) {
                    int len = SparseRegisters.valLength(op) + SparseRegisters.valLength(nextOp);
                    if (len <= SparseRegisters.VAL_MAX_LEN) {
                        b[p + 1] = SparseRegisters.val(value, len);
                        System.arraycopy(b, p + 1, b, p, length - p);
                        length--;
                        b[length] = 0;
                        continue; // try to join the joined opcode with the one after it
                    }
                }
            }
            p++;
        }
        HyperLogLog.invalidateCache(b, 0);
        return UPDATED;
    }

    private int promoteAndSet(int index, int count) {
        if (!promote()) {
            return CORRUPTED;
        }
        // A promotion happens only because this register must grow, so the dense set always changes it.
        DenseRegisters.raise(array, HyperLogLog.HEADER_SIZE, index, count);
        return UPDATED;
    }

    private boolean promote() {
        byte[] dense = SparseRegisters.toDense(array, offset, length);
        if (dense == null) {
            return false;
        }
        array = dense;
        offset = 0;
        length = dense.length;
        inCallerArray = false;
        return true;
    }

    /** Grows the sparse buffer to at least {@code capacity}, keeping its first {@code keep} bytes. */
    private void ensureCapacity(int capacity, int keep) {
        if (buffer.length < capacity) {
            byte[] grown = new byte[Math.max(capacity, buffer.length * 2)];
            System.arraycopy(buffer, 0, grown, 0, keep);
            if (array == buffer) {
                array = grown;
            }
            buffer = grown;
        }
    }
}
