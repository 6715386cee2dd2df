package io.nioredis.value.bitmap;

/**
 * BITPOS key bit [start [end [BYTE|BIT]]] over a string's bytes, as Redis 7.0 answers it.
 *
 * <p>The odd rules kept on purpose: without an explicit end the string counts as padded with zeros on the right,
 * so looking for 0 in a string of all ones answers the first bit past the range; with an explicit end it
 * answers -1. An empty range answers -1 for either bit (even for a present but empty string). A missing key is
 * the caller's case (Redis answers 0 for bit 0 and -1 for bit 1 there).
 */
public final class BitPosition {

    /** BITPOS key bit: the whole string, zero padded on the right. */
    public static long find(byte[] value, int base, int length, int bit) {
        return find(value, base, length, bit, 0, length - 1L, false, false);
    }

    /** BITPOS key bit start: from byte {@code start} to the end, zero padded on the right. */
    public static long find(byte[] value, int base, int length, int bit, long start) {
        return find(value, base, length, bit, start, length - 1L, false, false);
    }

    /**
     * BITPOS key bit start end [BYTE|BIT].
     *
     * @param endGiven false when the command gave no end (then {@code end} should be the last byte, and a missing
     *                 0 is reported as the first position past the range, as Redis does)
     */
    public static long find(byte[] value, int base, int length, int bit, long start, long end, boolean endGiven,
                            boolean bitUnit) {
        long total = bitUnit ? (long) length << 3 : length;
        if (start < 0) {
            start = total + start;
        }
        if (end < 0) {
            end = total + end;
        }
        if (start < 0) {
            start = 0;
        }
        if (end < 0) {
            end = 0;
        }
        if (end >= total) {
            end = total - 1;
        }
        int firstMask = 0;
        int lastMask = 0;
        if (bitUnit && start <= end) {
            // Masks of the bits outside the range in the first and last byte, as Redis builds them.
            firstMask = ~((1 << (8 - (int) (start & 7))) - 1) & 0xff;
            lastMask = (1 << (7 - (int) (end & 7))) - 1;
            start >>= 3;
            end >>= 3;
        }
        if (start > end) {
            return -1;
        }
        // Redis looks at the first byte, the middle bytes and the last byte in turn, and answers relative to
        // the part where it stopped: 'from' and 'bytes' follow that part.
        int from = base + (int) start;
        long bytes = end - start + 1;
        long pos = -1;
        scan:
        {
            if (firstMask != 0) {
                int first = bit == 1 ? value[from] & ~firstMask & 0xff : (value[from] | firstMask) & 0xff;
                if (lastMask != 0 && bytes == 1) {
                    first = bit == 1 ? first & ~lastMask : first | lastMask;
                }
                pos = inByte(first, bit);
                if (bytes == 1 || (pos != -1 && pos != 8)) {
                    break scan;
                }
                from++;
                bytes--;
            }
            long middle = bytes - (lastMask != 0 ? 1 : 0);
            if (middle > 0) {
                pos = inBytes(value, from, (int) middle, bit);
                if (bytes == middle || (pos != -1 && pos != middle << 3)) {
                    break scan;
                }
                from += (int) middle;
                bytes -= middle;
            }
            int last = value[base + (int) end] & 0xff;
            pos = inByte(bit == 1 ? last & ~lastMask : (last | lastMask) & 0xff, bit);
        }
        if (endGiven && bit == 0 && pos == bytes << 3) {
            return -1;
        }
        return pos == -1 ? -1 : pos + ((long) (from - base) << 3);
    }

    /**
     * Redis's redisBitpos: the first position of {@code bit} in bytes [from, from + count); when absent, -1 for a 1
     * and {@code count * 8} for a 0 (the string is taken as zero padded on the right).
     */
    static long inBytes(byte[] value, int from, int count, int bit) {
        int i = from;
        int end = from + count;
        long skipWord = bit == 1 ? 0L : -1L;
        while (i + 8 <= end && Words.get(value, i) == skipWord) {
            i += 8;
        }
        int skipByte = bit == 1 ? 0 : 0xff;
        while (i < end && (value[i] & 0xff) == skipByte) {
            i++;
        }
        if (i == end) {
            return bit == 1 ? -1 : (long) count << 3;
        }
        return ((long) (i - from) << 3) + inByte(value[i] & 0xff, bit);
    }

    /** The first position (0 = most significant) of {@code bit} in one byte: -1 or 8 when absent, as above. */
    private static long inByte(int b, int bit) {
        int bits = bit == 1 ? b : ~b & 0xff;
        if (bits == 0) {
            return bit == 1 ? -1 : 8;
        }
        return Integer.numberOfLeadingZeros(bits) - 24;
    }

    private BitPosition() {
    }
}
