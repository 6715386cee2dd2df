package io.nioredis.value.hll;

/**
 * The dense encoding's 16384 registers, 6 bits each, packed from the least significant bit of each byte
 * upwards and spilling into the next byte (Redis's HLL_DENSE_GET_REGISTER / HLL_DENSE_SET_REGISTER).
 * Every method takes the offset of the first register byte, i.e. the value's offset plus the header size.
 *
 * <p>Redis reads one byte past the last register (the sds terminator); a register that sits in a single
 * byte never needs that byte, so here the second byte is touched only when the register straddles two.
 */
final class DenseRegisters {
    /** Bytes taken by the registers: 16384 * 6 / 8. */
    static final int BYTES = HyperLogLog.REGISTERS * HyperLogLog.REGISTER_BITS / 8;

    private DenseRegisters() {}

    static int get(byte[] a, int registers, int index) {
        int bit = index * HyperLogLog.REGISTER_BITS;
        int at = registers + (bit >>> 3);
        int shift = bit & 7;
        int b0 = a[at] & 0xff;
        if (shift <= 2) {
            return (b0 >>> shift) & HyperLogLog.REGISTER_MAX;
        }
        int b1 = a[at + 1] & 0xff;
        return ((b0 >>> shift) | (b1 << (8 - shift))) & HyperLogLog.REGISTER_MAX;
    }

    static void set(byte[] a, int registers, int index, int value) {
        int bit = index * HyperLogLog.REGISTER_BITS;
        int at = registers + (bit >>> 3);
        int shift = bit & 7;
        a[at] = (byte) ((a[at] & ~(HyperLogLog.REGISTER_MAX << shift)) | (value << shift));
        if (shift > 2) {
            int rest = 8 - shift;
            a[at + 1] = (byte) ((a[at + 1] & ~(HyperLogLog.REGISTER_MAX >>> rest)) | (value >>> rest));
        }
    }

    /** Redis's hllDenseSet: raises the register to {@code count} if it is lower; true if it changed. */
    static boolean raise(byte[] a, int registers, int index, int count) {
        if (count > get(a, registers, index)) {
            set(a, registers, index, count);
            return true;
        }
        return false;
    }

    /** Adds the number of registers holding each value to {@code histogram} (64 slots). */
    static void histogram(byte[] a, int registers, int[] histogram) {
        // Four registers in every three bytes; unrolled as Redis's hllDenseRegHisto does for speed.
        int end = registers + BYTES;
        for (int p = registers; p < end; p += 3) {
            int b0 = a[p] & 0xff;
            int b1 = a[p + 1] & 0xff;
            int b2 = a[p + 2] & 0xff;
            histogram[b0 & 63]++;
            histogram[(b0 >>> 6 | b1 << 2) & 63]++;
            histogram[(b1 >>> 4 | b2 << 4) & 63]++;
            histogram[b2 >>> 2]++;
        }
    }

    /** Redis's hllMerge for a dense value: {@code max[i] = MAX(max[i], register i)}. */
    static void mergeInto(byte[] max, byte[] a, int registers) {
        int end = registers + BYTES;
        int i = 0;
        for (int p = registers; p < end; p += 3) {
            int b0 = a[p] & 0xff;
            int b1 = a[p + 1] & 0xff;
            int b2 = a[p + 2] & 0xff;
            raiseRaw(max, i++, b0 & 63);
            raiseRaw(max, i++, (b0 >>> 6 | b1 << 2) & 63);
            raiseRaw(max, i++, (b1 >>> 4 | b2 << 4) & 63);
            raiseRaw(max, i++, b2 >>> 2);
        }
    }

    private static void raiseRaw(byte[] max, int i, int value) {
        if (value > max[i]) {
            max[i] = (byte) value;
        }
    }
}
