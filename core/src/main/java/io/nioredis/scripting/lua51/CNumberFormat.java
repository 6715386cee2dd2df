package io.nioredis.scripting.lua51;

import io.nioredis.text.DoubleFormat;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * C printf's %e, %f and %g for doubles, rounded from the exact binary value with round-half-even as glibc
 * does (Java's Formatter rounds half-up from the shortest decimal and so differs on ties). Lua 5.1 turns
 * numbers into text with "%.14g" (tostring, "..", arguments to redis.call), cjson with "%.14g" too.
 */
public final class CNumberFormat {

    private CNumberFormat() {}

    /** Lua 5.1's LUAI_NUMFFORMAT "%.14g". */
    public static String lua(double v) {
        if (v == (long) v && Math.abs(v) < 1e14 && !(v == 0 && 1 / v < 0)) {
            return Long.toString((long) v);
        }
        return g(v, 14, false);
    }

    /**
     * inf and nan as glibc prints them. On x86 the NaN of arithmetic (0/0, inf - inf, sqrt(-1)) has its
     * sign bit set and prints as "-nan"; luaj's arithmetic gives Java's canonical positive NaN instead, so
     * that one prints as "-nan" too, and only a NaN read from text ({@link Tonumber#PARSED_NAN}) as "nan".
     */
    static String special(double v) {
        if (Double.isNaN(v)) {
            long bits = Double.doubleToRawLongBits(v);
            return bits < 0 || bits == 0x7ff8000000000000L ? "-nan" : "nan";
        }
        return v < 0 ? "-inf" : "inf";
    }

    /** The bits C code on x86 holds for this number: NaNs as {@link #special} tells them apart. */
    public static long x86Bits(double v) {
        if (!Double.isNaN(v)) {
            return Double.doubleToRawLongBits(v);
        }
        return special(v).startsWith("-") ? 0xfff8000000000000L : 0x7ff8000000000000L;
    }

    /** %.{precision}g; alternate keeps trailing zeros and the point ('#' flag). */
    public static String g(double v, int precision, boolean alternate) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return special(v);
        }
        int p = precision == 0 ? 1 : precision;
        int exponent = decimalExponent(v, p);
        String text = exponent < -4 || exponent >= p ? e(v, p - 1) : f(v, p - 1 - exponent);
        return alternate ? withPoint(text) : stripZeros(text);
    }

    /** The '#' flag: a point even where no digit follows it ("3." for %#.0f of 3, "3.e+00" for %#.0e). */
    static String withPoint(String text) {
        if (text.indexOf('.') >= 0 || text.endsWith("inf") || text.endsWith("nan")) {
            return text;
        }
        int exp = text.indexOf('e');
        return exp < 0 ? text + "." : text.substring(0, exp) + "." + text.substring(exp);
    }

    /** %.{precision}e */
    static String e(double v, int precision) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return special(v);
        }
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        StringBuilder out = new StringBuilder();
        if (negative) {
            out.append('-');
        }
        int exponent = 0;
        String digits;
        if (v == 0) {
            digits = "0".repeat(precision + 1);
        } else {
            BigDecimal rounded = new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
            exponent = rounded.precision() - rounded.scale() - 1;
            digits = rounded.unscaledValue().toString();
            if (digits.length() < precision + 1) {
                digits = digits + "0".repeat(precision + 1 - digits.length());
            } else {
                digits = digits.substring(0, precision + 1);
            }
        }
        out.append(digits.charAt(0));
        if (precision > 0) {
            out.append('.').append(digits, 1, precision + 1);
        }
        out.append(exponent < 0 ? "e-" : "e+");
        int abs = Math.abs(exponent);
        if (abs < 10) {
            out.append('0');
        }
        return out.append(abs).toString();
    }

    /** %.{precision}f: glibc's rounding (DoubleFormat), with Lua's own NaN signs. */
    static String f(double v, int precision) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return special(v);
        }
        return DoubleFormat.fixed(v, precision);
    }

    /** The exponent %g decides on: that of the value once rounded to p significant digits. */
    private static int decimalExponent(double v, int p) {
        if (v == 0) {
            return 0;
        }
        BigDecimal rounded = new BigDecimal(Math.abs(v)).round(new MathContext(p, RoundingMode.HALF_EVEN));
        return rounded.precision() - rounded.scale() - 1;
    }

    private static String stripZeros(String text) {
        int exp = text.indexOf('e');
        String mantissa = exp < 0 ? text : text.substring(0, exp);
        String suffix = exp < 0 ? "" : text.substring(exp);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            if (mantissa.charAt(end - 1) == '.') {
                end--;
            }
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + suffix;
    }
}
