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
        int len = b.length;
        if (len == 0 || len > 20) {
            return false;
        }
        int i = 0;
        boolean negative = b[0] == '-';
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
        for (; i < len; i++) {
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
        int i = b[0] == '-' ? 1 : 0;
        long v = 0;
        for (; i < b.length; i++) {
            v = v * 10 - (b[i] - '0');
        }
        return b[0] == '-' ? v : -v;
    }

    static byte[] toBytes(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }
}
