package io.nioredis.rdb;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;

/**
 * Doubles as Redis 7.0 writes them as text: {@code d2string} (integral values as plain digits, the rest
 * as C's {@code %.17g}), and the reverse ({@code strtod}) for reading listpack scores and the old
 * string-encoded ZSET scores.
 */
final class DoubleText {
    /** Doubles strictly inside (-(2^52-1), 2^52) that are integral are printed as integers by Redis. */
    private static final double INTEGER_MIN = -4503599627370495d;
    private static final double INTEGER_MAX = 4503599627370496d;
    /** double2ll's safe range: (double) (LLONG_MAX / 2), which rounds to 2^62. */
    private static final double LONG_SAFE_LIMIT = 0x1p62;
    private static final MathContext SEVENTEEN_DIGITS = new MathContext(17, RoundingMode.HALF_EVEN);

    private DoubleText() {}

    /**
     * Redis 7.0 {@code double2ll}: true if the value is integral and within [-2^62, 2^62], so a long holds
     * it exactly. Sorted set listpacks store such scores as integers (zzlInsertAt), -0 included.
     */
    static boolean isSafeLong(double value) {
        return value >= -LONG_SAFE_LIMIT && value <= LONG_SAFE_LIMIT && (double) (long) value == value;
    }

    /** Redis 7.0 {@code d2string}. */
    static String d2string(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value < 0 ? "-inf" : "inf";
        }
        if (value == 0) {
            return 1.0 / value < 0 ? "-0" : "0";
        }
        return isSafeLong(value) ? Long.toString((long) value) : formatG17(value);
    }

    /** The body of {@code rdbSaveDoubleValue} for finite values: integers inside +-2^52 as digits, else %.17g. */
    static String integerOrG17(double value) {
        if (value > INTEGER_MIN && value < INTEGER_MAX && value == (double) (long) value) {
            return Long.toString((long) value);
        }
        return formatG17(value);
    }

    /** C's {@code printf("%.17g")} for a finite value: 17 significant digits, trailing zeros removed. */
    static String formatG17(double value) {
        if (value == 0) {
            return 1.0 / value < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(SEVENTEEN_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 17) {
            String digits = rounded.unscaledValue().abs().toString();
            int end = digits.length();
            while (end > 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            StringBuilder sb = new StringBuilder(24);
            if (rounded.signum() < 0) {
                sb.append('-');
            }
            sb.append(digits.charAt(0));
            if (end > 1) {
                sb.append('.').append(digits, 1, end);
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int abs = Math.abs(exponent);
            if (abs < 10) {
                sb.append('0');
            }
            return sb.append(abs).toString();
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    /**
     * {@code strtod} over the whole text, as Redis reads listpack scores: "inf", "-inf", "infinity" and
     * "nan" in any case, otherwise a decimal (or hex) floating point number.
     *
     * @throws NumberFormatException if the text is not a number
     */
    static double parse(byte[] text) {
        String s = new String(text, StandardCharsets.US_ASCII).trim();
        String unsigned = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
        boolean negative = s.startsWith("-");
        if (unsigned.equalsIgnoreCase("inf") || unsigned.equalsIgnoreCase("infinity")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equalsIgnoreCase("nan")) {
            return Double.NaN;
        }
        // Java accepts type suffixes ("1d", "2f") and "Infinity" that strtod would not read as a whole.
        if (s.isEmpty() || !Character.isDigit(s.charAt(s.length() - 1)) && s.charAt(s.length() - 1) != '.') {
            throw new NumberFormatException("not a number: " + s);
        }
        return Double.parseDouble(s);
    }

    static byte[] toBytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
