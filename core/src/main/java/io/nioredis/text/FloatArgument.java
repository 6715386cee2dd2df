package io.nioredis.text;

import java.nio.charset.StandardCharsets;

/**
 * Parses score arguments the way Redis does, with C's {@code strtod} underneath: decimal and hexadecimal
 * forms, an optional sign, {@code inf}/{@code infinity} in any case. Invalid input comes back as NaN, which
 * no caller accepts as a value, so nothing is allocated to report it.
 *
 * <p>Two dialects: {@link #strict} is Redis's getDoubleFromObject (ZADD, ZINCRBY): no leading space, no
 * overflow to infinity, no underflow to zero. {@link #lenient} is what zslParseRange does for range ends:
 * leading space allowed, overflow becomes infinity, the empty string is 0, and a NUL byte ends the text.
 */
public final class FloatArgument {
    private static final long EXACT_LIMIT = 1L << 53;
    /** Up to 18 decimal digits always fit in a long. */
    private static final int DIGITS_EXACT_IN_LONG = 18;

    private FloatArgument() {}

    public static double strict(byte[] b, int off, int len) {
        if (len == 0) {
            return Double.NaN;
        }
        if (Ascii.isLong(b, off, len)) {
            long v = Ascii.parseLong(b, off, len);
            if (v > -EXACT_LIMIT && v < EXACT_LIMIT) {
                return v; // the common integer score, without building a String
            }
        }
        if (isSpace(b[off])) {
            return Double.NaN;
        }
        return parse(b, off, len, true);
    }

    public static double lenient(byte[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (b[off + i] == 0) {
                len = i;
                break;
            }
        }
        int i = off;
        int end = off + len;
        while (i < end && isSpace(b[i])) {
            i++;
        }
        if (i == end) {
            // strtod consumed nothing and stopped at the terminating NUL: Redis takes that as 0.
            return len == 0 ? 0 : Double.NaN;
        }
        return parse(b, i, end - i, false);
    }

    /**
     * SORT's reading of a score: {@link #lenient}, but any range error of strtod is refused, overflow to
     * infinity and underflow to zero or to a subnormal (which is inexact for any decimal that fits in a
     * value), as sortCommandGeneric checks {@code errno == ERANGE}.
     */
    public static double rangeChecked(byte[] b, int off, int len) {
        double v = lenient(b, off, len);
        if (Double.isNaN(v)) {
            return v;
        }
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (b[i] == 0) {
                end = i;
                break;
            }
        }
        boolean hex = false;
        boolean word = false;
        boolean nonZeroDigit = false;
        for (int i = off; i < end; i++) {
            byte c = b[i];
            if (c == 'x' || c == 'X') {
                hex = true;
            } else if (c == 'i' || c == 'I') {
                word = true; // inf, infinity
            } else if ((c == 'e' || c == 'E') && !hex) {
                break; // the exponent
            } else if (c == 'p' || c == 'P') {
                break;
            } else if (c >= '1' && c <= '9' || hex && Character.digit(c, 16) > 0) {
                nonZeroDigit = true;
            }
        }
        if (Double.isInfinite(v) && !word) {
            return Double.NaN;
        }
        if (v == 0 && nonZeroDigit) {
            return Double.NaN;
        }
        if (!hex && v != 0 && Math.abs(v) < Double.MIN_NORMAL) {
            return Double.NaN;
        }
        return v;
    }

    /** The whole text must be one strtod number; NaN if not (or if strict and out of range). */
    private static double parse(byte[] b, int off, int len, boolean strict) {
        int i = off;
        int end = off + len;
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        if (matchesWord(b, i, end, "infinity") || matchesWord(b, i, end, "inf")) {
            return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        boolean hex = end - i > 2 && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X') && isHexDigitOrDot(b, i + 2, end);
        double value = hex ? hexValue(b, i + 2, end) : decimalValue(b, i, end, strict);
        if (Double.isNaN(value)) {
            return value;
        }
        if (strict && Double.isInfinite(value)) {
            return Double.NaN; // ERANGE overflow
        }
        return negative ? -value : value;
    }

    private static double decimalValue(byte[] b, int i, int end, boolean strict) {
        if (end - i <= DIGITS_EXACT_IN_LONG && allDigits(b, i, end)) {
            // Digits alone, such as the zero-padded "000000123456" redis-benchmark sends: a long holds them
            // exactly, and its conversion rounds to the nearest double as strtod does, without a String.
            long v = 0;
            for (; i < end; i++) {
                v = v * 10 + (b[i] - '0');
            }
            return v;
        }
        int start = i;
        int digits = 0;
        boolean nonZero = false;
        while (i < end && isDigit(b[i])) {
            nonZero |= b[i] != '0';
            i++;
            digits++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && isDigit(b[i])) {
                nonZero |= b[i] != '0';
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (i < end && (b[i] == 'e' || b[i] == 'E')) {
            int e = i + 1;
            if (e < end && (b[e] == '+' || b[e] == '-')) {
                e++;
            }
            if (e < end && isDigit(b[e])) {
                while (e < end && isDigit(b[e])) {
                    e++;
                }
                i = e;
            }
        }
        if (i != end) {
            return Double.NaN;
        }
        double v = Double.parseDouble(new String(b, start, end - start, StandardCharsets.US_ASCII));
        if (strict && v == 0 && nonZero) {
            return Double.NaN; // ERANGE underflow to zero
        }
        return v;
    }

    private static boolean allDigits(byte[] b, int i, int end) {
        if (i == end) {
            return false;
        }
        for (; i < end; i++) {
            if (!isDigit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static double hexValue(byte[] b, int i, int end) {
        int start = i;
        int digits = 0;
        while (i < end && Character.digit(b[i], 16) >= 0) {
            i++;
            digits++;
        }
        if (i < end && b[i] == '.') {
            i++;
            while (i < end && Character.digit(b[i], 16) >= 0) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        int mantissaEnd = i;
        String exponent = "p0";
        if (i < end && (b[i] == 'p' || b[i] == 'P')) {
            int e = i + 1;
            if (e < end && (b[e] == '+' || b[e] == '-')) {
                e++;
            }
            if (e < end && isDigit(b[e])) {
                while (e < end && isDigit(b[e])) {
                    e++;
                }
                exponent = new String(b, i, e - i, StandardCharsets.US_ASCII);
                i = e;
            }
        }
        if (i != end) {
            return Double.NaN;
        }
        return Double.parseDouble("0x" + new String(b, start, mantissaEnd - start, StandardCharsets.US_ASCII)
                + exponent);
    }

    private static boolean isHexDigitOrDot(byte[] b, int i, int end) {
        return i < end && (Character.digit(b[i], 16) >= 0
                || (b[i] == '.' && i + 1 < end && Character.digit(b[i + 1], 16) >= 0));
    }

    private static boolean matchesWord(byte[] b, int i, int end, String word) {
        return end - i == word.length()
                && Ascii.equalsIgnoreCase(b, i, end - i, word.getBytes(StandardCharsets.US_ASCII));
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** C's isspace in the C locale. */
    public static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }
}
