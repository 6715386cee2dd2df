package io.nioredis.scripting.lua51;

import java.nio.charset.StandardCharsets;

/**
 * glibc's strtod in the C locale, as Redis's Lua and its cjson read numbers: an optional sign, then a
 * decimal number, a hexadecimal one ("0x1.8p3"), inf, infinity or nan (with an optional "(chars)"), letters
 * in any case. Leading white space is the caller's business.
 */
public final class Strtod {
    private Strtod() {}

    /** The end of the longest prefix of {@code b[from, to)} that strtod reads; {@code from} if none. */
    public static int end(byte[] b, int from, int to) {
        int i = from;
        if (i < to && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        if (matches(b, i, to, "infinity")) {
            return i + 8;
        }
        if (matches(b, i, to, "inf")) {
            return i + 3;
        }
        if (matches(b, i, to, "nan")) {
            int close = i + 3 < to && b[i + 3] == '(' ? nCharSequenceEnd(b, i + 4, to) : -1;
            return close >= 0 ? close + 1 : i + 3;
        }
        if (i + 1 < to && b[i] == '0' && (b[i + 1] | 0x20) == 'x') {
            int hex = digitsEnd(b, i + 2, to, 16);
            if (hex > i + 2) {
                return exponentEnd(b, hex, to, 'p');
            }
        }
        int decimal = digitsEnd(b, i, to, 10);
        return decimal == i ? from : exponentEnd(b, decimal, to, 'e');
    }

    /** The value of {@code b[from, end)}, a prefix {@link #end} accepted. */
    public static double value(byte[] b, int from, int end) {
        int i = from;
        boolean negative = b[i] == '-';
        if (b[i] == '+' || b[i] == '-') {
            i++;
        }
        double v;
        int c = b[i] | 0x20;
        if (c == 'i') {
            v = Double.POSITIVE_INFINITY;
        } else if (c == 'n') {
            v = Tonumber.PARSED_NAN;
        } else if (end - i > 1 && (b[i + 1] | 0x20) == 'x') {
            String text = new String(b, i + 2, end - i - 2, StandardCharsets.US_ASCII);
            v = Double.parseDouble("0x" + (text.indexOf('p') >= 0 || text.indexOf('P') >= 0 ? text : text + "p0"));
        } else {
            v = Double.parseDouble(new String(b, i, end - i, StandardCharsets.US_ASCII));
        }
        return negative ? -v : v;
    }

    /** Past digits of a radix with at most one point among them, if there is at least one digit; else i. */
    private static int digitsEnd(byte[] b, int i, int to, int radix) {
        int start = i;
        int digits = 0;
        while (i < to && Character.digit(b[i], radix) >= 0) {
            i++;
            digits++;
        }
        if (i < to && b[i] == '.') {
            int j = i + 1;
            while (j < to && Character.digit(b[j], radix) >= 0) {
                j++;
                digits++;
            }
            i = j;
        }
        return digits == 0 ? start : i;
    }

    /** Past an exponent (e or p, a sign, decimal digits) if a whole one follows, else {@code i}. */
    private static int exponentEnd(byte[] b, int i, int to, char letter) {
        if (i < to && (b[i] | 0x20) == letter) {
            int e = i + 1;
            if (e < to && (b[e] == '+' || b[e] == '-')) {
                e++;
            }
            if (e < to && b[e] >= '0' && b[e] <= '9') {
                while (e < to && b[e] >= '0' && b[e] <= '9') {
                    e++;
                }
                return e;
            }
        }
        return i;
    }

    /** The index of the ')' closing nan's "(n-char-sequence)", or -1. */
    private static int nCharSequenceEnd(byte[] b, int i, int to) {
        while (i < to && (b[i] >= '0' && b[i] <= '9' || (b[i] | 0x20) >= 'a' && (b[i] | 0x20) <= 'z' || b[i] == '_')) {
            i++;
        }
        return i < to && b[i] == ')' ? i : -1;
    }

    private static boolean matches(byte[] b, int i, int to, String word) {
        if (to - i < word.length()) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if ((b[i + k] | 0x20) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
