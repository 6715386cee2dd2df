package io.nioredis.value.hll;

/**
 * Read-only walks over the sparse encoding's run-length opcodes, each with Redis's corruption check: a run
 * may not reach past register 16383 and the runs must cover exactly 16384 registers.
 * <ul>
 *   <li>ZERO {@code 00xxxxxx}: 1..64 registers at 0;</li>
 *   <li>XZERO {@code 01xxxxxx yyyyyyyy}: 1..16384 registers at 0 (14-bit length, high bits first);</li>
 *   <li>VAL {@code 1vvvvvxx}: 1..4 registers at value 1..32.</li>
 * </ul>
 * Writing the sparse encoding is {@link HyperLogLogEditor}'s job.
 */
final class SparseRegisters {
    static final int VAL_MAX_VALUE = 32;
    static final int VAL_MAX_LEN = 4;
    static final int ZERO_MAX_LEN = 64;
    static final int XZERO_MAX_LEN = 16384;

    private SparseRegisters() {}

    static boolean isZero(int op) {
        return (op & 0xc0) == 0;
    }

    static boolean isXzero(int op) {
        return (op & 0xc0) == 0x40;
    }

    static boolean isVal(int op) {
        return (op & 0x80) != 0;
    }

    static int zeroLength(int op) {
        return (op & 0x3f) + 1;
    }

    /** {@code second} is the byte after the opcode; Redis reads the sds terminator (0) when the value ends there. */
    static int xzeroLength(int op, int second) {
        return (((op & 0x3f) << 8) | second) + 1;
    }

    static int valValue(int op) {
        return ((op >>> 2) & 0x1f) + 1;
    }

    static int valLength(int op) {
        return (op & 0x3) + 1;
    }

    static byte val(int value, int length) {
        return (byte) (((value - 1) << 2 | (length - 1)) | 0x80);
    }

    static byte zero(int length) {
        return (byte) (length - 1);
    }

    static byte xzeroHigh(int length) {
        return (byte) (((length - 1) >>> 8) | 0x40);
    }

    static byte xzeroLow(int length) {
        return (byte) (length - 1);
    }

    /** The byte at {@code i}, or 0 past {@code end} (where Redis finds the string's terminator). */
    static int byteAt(byte[] a, int i, int end) {
        return i < end ? a[i] & 0xff : 0;
    }

    /** Redis's hllSparseRegHisto; false if the opcodes are corrupt. */
    static boolean histogram(byte[] a, int off, int len, int[] histogram) {
        int end = off + len;
        int p = off + HyperLogLog.HEADER_SIZE;
        int idx = 0;
        while (p < end) {
            int op = a[p] & 0xff;
            int runlen;
            if (isZero(op)) {
                runlen = zeroLength(op);
                p++;
            } else if (isXzero(op)) {
                runlen = xzeroLength(op, byteAt(a, p + 1, end));
                p += 2;
            } else {
                runlen = valLength(op);
                if (runlen + idx > HyperLogLog.REGISTERS) {
                    return false;
                }
                histogram[valValue(op)] += runlen;
                idx += runlen;
                p++;
                continue;
            }
            if (runlen + idx > HyperLogLog.REGISTERS) {
                return false;
            }
            histogram[0] += runlen;
            idx += runlen;
        }
        return idx == HyperLogLog.REGISTERS;
    }

    /** Redis's hllMerge for a sparse value: {@code max[i] = MAX(max[i], register i)}; false if corrupt. */
    static boolean mergeInto(byte[] max, byte[] a, int off, int len) {
        int end = off + len;
        int p = off + HyperLogLog.HEADER_SIZE;
        int i = 0;
        while (p < end) {
            int op = a[p] & 0xff;
            int runlen;
            if (isZero(op)) {
                runlen = zeroLength(op);
                p++;
            } else if (isXzero(op)) {
                runlen = xzeroLength(op, byteAt(a, p + 1, end));
                p += 2;
            } else {
                runlen = valLength(op);
                int value = valValue(op);
                if (runlen + i > HyperLogLog.REGISTERS) {
                    return false;
                }
                for (int stop = i + runlen; i < stop; i++) {
                    if (value > max[i]) {
                        max[i] = (byte) value;
                    }
                }
                p++;
                continue;
            }
            if (runlen + i > HyperLogLog.REGISTERS) {
                return false;
            }
            i += runlen;
        }
        return i == HyperLogLog.REGISTERS;
    }

    /**
     * Redis's hllSparseToDense: a new dense value with the same header (magic, unused bytes and cached
     * cardinality are copied) and the encoding byte set to dense; null if the opcodes are corrupt.
     */
    static byte[] toDense(byte[] a, int off, int len) {
        byte[] dense = new byte[HyperLogLog.DENSE_SIZE];
        System.arraycopy(a, off, dense, 0, HyperLogLog.HEADER_SIZE);
        dense[HyperLogLog.ENCODING_OFFSET] = HyperLogLog.DENSE;
        int end = off + len;
        int p = off + HyperLogLog.HEADER_SIZE;
        int idx = 0;
        while (p < end) {
            int op = a[p] & 0xff;
            int runlen;
            if (isZero(op)) {
                runlen = zeroLength(op);
                p++;
            } else if (isXzero(op)) {
                runlen = xzeroLength(op, byteAt(a, p + 1, end));
                p += 2;
            } else {
                runlen = valLength(op);
                int value = valValue(op);
                if (runlen + idx > HyperLogLog.REGISTERS) {
                    return null;
                }
                for (int stop = idx + runlen; idx < stop; idx++) {
                    DenseRegisters.set(dense, HyperLogLog.HEADER_SIZE, idx, value);
                }
                p++;
                continue;
            }
            if (runlen + idx > HyperLogLog.REGISTERS) {
                return null;
            }
            idx += runlen;
        }
        return idx == HyperLogLog.REGISTERS ? dense : null;
    }

    /** PFDEBUG DECODE's text: "z:N" for ZERO, "Z:N" for XZERO, "v:value,N" for VAL, separated by spaces. */
    static String decode(byte[] a, int off, int len) {
        StringBuilder out = new StringBuilder();
        int end = off + len;
        int p = off + HyperLogLog.HEADER_SIZE;
        while (p < end) {
            int op = a[p] & 0xff;
            if (out.length() > 0) {
                out.append(' ');
            }
            if (isZero(op)) {
                out.append("z:").append(zeroLength(op));
                p++;
            } else if (isXzero(op)) {
                out.append("Z:").append(xzeroLength(op, byteAt(a, p + 1, end)));
                p += 2;
            } else {
                out.append("v:").append(valValue(op)).append(',').append(valLength(op));
                p++;
            }
        }
        return out.toString();
    }
}
