package io.nioredis.value.bitmap;

/**
 * Decimal integers as Redis's string2ll reads them: an optional '-', no '+', no leading zeros, no spaces, within
 * the signed 64-bit range. Check with {@link #isValid} before reading with {@link #parse}, since every long is a
 * possible value.
 */
final class StrictDecimal {

    static boolean isValid(byte[] s, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > 20) {
            return false;
        }
        if (len == 1 && s[from] == '0') {
            return true;
        }
        boolean negative = s[from] == '-';
        int i = negative ? from + 1 : from;
        if (i == to || s[i] < '1' || s[i] > '9') {
            return false;
        }
        // Accumulate negatively, as Long.parseLong does, so that both ends of the range are reached exactly.
        long limit = negative ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long limitBeforeDigit = limit / 10;
        long v = 0;
        for (; i < to; i++) {
            int d = s[i] - '0';
            if (d < 0 || d > 9 || v < limitBeforeDigit) {
                return false;
            }
            v *= 10;
            if (v < limit + d) {
                return false;
            }
            v -= d;
        }
        return true;
    }

    /** The value of a number {@link #isValid} accepted. */
    static long parse(byte[] s, int from, int to) {
        boolean negative = s[from] == '-';
        long v = 0;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            v = v * 10 - (s[i] - '0');
        }
        return negative ? v : -v;
    }

    /** The value, or {@code invalid} for a malformed number: for callers to whom that value means nothing. */
    static long parseOr(byte[] s, int from, int to, long invalid) {
        return isValid(s, from, to) ? parse(s, from, to) : invalid;
    }

    private StrictDecimal() {
    }
}
