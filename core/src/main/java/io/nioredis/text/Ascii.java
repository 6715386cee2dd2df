package io.nioredis.text;

/**
 * Number parsing and formatting straight on bytes, so the request path never builds a String.
 * Parsing follows Redis's {@code string2ll}: an optional '-', no '+', no leading zeros, no spaces.
 */
public final class Ascii {
    private Ascii() {}

    /** True if the bytes are exactly a signed 64-bit integer in Redis's strict form. */
    public static boolean isLong(byte[] b, int off, int len) {
        if (len == 0 || len > 20) {
            return false;
        }
        int i = off;
        int end = off + len;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
            if (i == end) {
                return false;
            }
        }
        if (b[i] == '0') {
            return len == 1;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            // Accumulate negatively so that Long.MIN_VALUE is representable.
            if (v < (Long.MIN_VALUE + d) / 10) {
                return false;
            }
            v = v * 10 - d;
        }
        return negative || v != Long.MIN_VALUE;
    }

    /** The value of bytes that {@link #isLong} accepted; anything else gives an unspecified result. */
    public static long parseLong(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = b[i] == '-';
        if (negative) {
            i++;
        }
        long v = 0;
        for (; i < end; i++) {
            v = v * 10 - (b[i] - '0');
        }
        return negative ? v : -v;
    }

    /** Number of ASCII characters {@code v} takes in decimal. */
    public static int decimalLength(long v) {
        if (v == Long.MIN_VALUE) {
            return 20;
        }
        int len = 1;
        if (v < 0) {
            len++;
            v = -v;
        }
        long bound = 10;
        for (int digits = 1; digits < 19; digits++) {
            if (v < bound) {
                return len + digits - 1;
            }
            bound *= 10;
        }
        return len + 18;
    }

    /** Writes {@code v} in decimal at {@code at}; returns the index after the last digit. */
    public static int writeLong(byte[] b, int at, long v) {
        int end = at + decimalLength(v);
        int i = end;
        if (v < 0) {
            b[at] = '-';
            // Work with negative remainders so Long.MIN_VALUE needs no special case.
            do {
                b[--i] = (byte) ('0' - (v % 10));
                v /= 10;
            } while (v != 0);
        } else {
            do {
                b[--i] = (byte) ('0' + (v % 10));
                v /= 10;
            } while (v != 0);
        }
        return end;
    }

    /** ASCII case-insensitive comparison of a byte range with a lower-case constant. */
    public static boolean equalsIgnoreCase(byte[] b, int off, int len, byte[] lowerCase) {
        if (len != lowerCase.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            int c = b[off + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != lowerCase[i]) {
                return false;
            }
        }
        return true;
    }

    public static byte toLower(byte c) {
        return c >= 'A' && c <= 'Z' ? (byte) (c + ('a' - 'A')) : c;
    }
}
