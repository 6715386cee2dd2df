package io.nioredis.rdb;

import java.nio.charset.StandardCharsets;

/**
 * Redis's strict decimal integers ({@code string2ll}): an optional '-', no '+', no leading zeros, no
 * "-0", no spaces, within a signed 64-bit range. Only bytes of this exact form are stored as integers
 * in RDB strings, listpacks and intsets, so that decoding gives back the very same bytes.
 */
final class IntegerText {
    private IntegerText() {}

    static boolean isCanonical(byte[] b) {
        return isCanonical(b, 0, b.length);
    }

    /** As {@link #isCanonical(byte[])} for {@code len} bytes from {@code off}, copying nothing. */
    static boolean isCanonical(byte[] b, int off, int len) {
        if (len == 0 || len > 20) {
            return false;
        }
        int end = off + len;
        int i = off;
        boolean negative = b[off] == '-';
        if (negative) {
            i++;
            if (len == 1) {
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

    /** The value of bytes already known to be {@link #isCanonical canonical}. */
    static long parseCanonical(byte[] b) {
        return parseCanonical(b, 0, b.length);
    }

    static long parseCanonical(byte[] b, int off, int len) {
        int i = b[off] == '-' ? off + 1 : off;
        long v = 0;
        for (; i < off + len; i++) {
            v = v * 10 - (b[i] - '0');
        }
        return b[off] == '-' ? v : -v;
    }

    static byte[] toBytes(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
