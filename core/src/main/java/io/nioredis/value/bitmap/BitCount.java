package io.nioredis.value.bitmap;

/**
 * BITCOUNT key [start end [BYTE|BIT]] over a string's bytes, with Redis 7.0's index rules: negative indexes count
 * from the end, both ends are clamped into the string, and an empty or inverted range counts zero.
 */
public final class BitCount {

    /** BITCOUNT key: the set bits of the whole string. */
    public static long count(byte[] value, int from, int length) {
        return Words.popcount(value, from, length);
    }

    /**
     * BITCOUNT key start end [BYTE|BIT].
     *
     * @param bitUnit true for the BIT unit (start and end are bit indexes), false for BYTE (the default)
     */
    public static long count(byte[] value, int from, int length, long start, long end, boolean bitUnit) {
        if (start < 0 && end < 0 && start > end) {
            return 0;
        }
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
        if (start > end) {
            return 0;
        }
        if (!bitUnit) {
            return Words.popcount(value, from + (int) start, (int) (end - start + 1));
        }
        // Count whole bytes, then take away the bits of the first and last byte that lie outside the range.
        int before = (int) (start & 7);
        int after = 7 - (int) (end & 7);
        int firstByte = from + (int) (start >> 3);
        int lastByte = from + (int) (end >> 3);
        long count = Words.popcount(value, firstByte, lastByte - firstByte + 1);
        count -= Integer.bitCount((value[firstByte] & 0xff) >>> (8 - before));
        count -= Integer.bitCount(value[lastByte] & ((1 << after) - 1));
        return count;
    }

    private BitCount() {
    }
}
