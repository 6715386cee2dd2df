package io.nioredis.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The x87 80-bit {@code long double} arithmetic that Redis's HINCRBYFLOAT (and INCRBYFLOAT) use on
 * x86-64: operands parsed as {@code strtold} parses them, the sum rounded to a 64-bit significand, and the
 * result printed as {@code ld2string(..., LD_STR_HUMAN)} does ({@code "%.17Lf"}, trailing zeros and a
 * trailing point dropped, "-0" turned into "0"). Values are held as the exact decimal expansion of the
 * binary value in a {@link BigDecimal}; this is a cold path, so clarity wins over allocation here.
 */
public final class LongDouble {
    private LongDouble() {}

    /** Stands for either infinity: a valid operand, but never a valid result. */
    public static final BigDecimal INFINITY = new BigDecimal("1e999999");

    private static final int SIGNIFICAND_BITS = 64;
    /** Largest binary exponent of a finite long double (values are below 2^16384). */
    private static final int MAX_EXPONENT = 16383;
    /** Subnormals are multiples of 2^-16445, the smallest positive long double. */
    private static final int SUBNORMAL_SHIFT = 16445;
    /** Redis's MAX_LONG_DOUBLE_CHARS: string2ld refuses anything this long or longer. */
    private static final int MAX_CHARS = 5 * 1024;
    private static final double LOG2_10 = Math.log(10) / Math.log(2);

    /**
     * Redis's string2ld: the value, {@link #INFINITY} for "inf"/"infinity", or null if the bytes are not a
     * float Redis accepts (empty, leading space, trailing garbage, NaN, overflow, underflow to zero).
     */
    public static BigDecimal parse(byte[] b, int off, int len) {
        if (len == 0 || len >= MAX_CHARS) {
            return null;
        }
        String s = new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i++;
        }
        String rest = s.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (rest.equals("inf") || rest.equals("infinity")) {
            return INFINITY;
        }
        BigDecimal exact = rest.startsWith("0x") ? parseHex(rest.substring(2)) : parseDecimal(rest);
        if (exact == null) {
            return null;
        }
        if (exact.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal rounded = round(negative ? exact.negate() : exact);
        // strtold reports ERANGE for overflow and for underflow to zero; string2ld refuses both.
        return rounded == INFINITY || rounded.signum() == 0 ? null : rounded;
    }

    /** The sum rounded to a long double; {@link #INFINITY} if it overflows. Operands must be finite. */
    public static BigDecimal add(BigDecimal a, BigDecimal b) {
        return round(a.add(b));
    }

    /** As Redis's ld2string with LD_STR_HUMAN. */
    public static String format(BigDecimal value) {
        String s = value.setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        s = s.substring(0, end);
        return s.equals("-0") ? "0" : s;
    }

    /** Digits, an optional point and fraction, an optional exponent: what strtold reads in decimal. */
    private static BigDecimal parseDecimal(String s) {
        int i = 0;
        int n = s.length();
        StringBuilder digits = new StringBuilder();
        int fractionDigits = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            digits.append(s.charAt(i++));
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                digits.append(s.charAt(i++));
                fractionDigits++;
            }
        }
        if (digits.length() == 0) {
            return null;
        }
        long exponent = 0;
        if (i < n && s.charAt(i) == 'e') {
            i++;
            boolean negativeExponent = false;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negativeExponent = s.charAt(i) == '-';
                i++;
            }
            if (i == n) {
                return null; // strtold stops before the 'e', leaving it unparsed
            }
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                exponent = Math.min(exponent * 10 + (s.charAt(i++) - '0'), 1_000_000);
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != n) {
            return null;
        }
        BigInteger unscaled = new BigInteger(digits.toString());
        if (unscaled.signum() == 0) {
            return BigDecimal.ZERO;
        }
        // The input is under 5 KiB, so anything beyond these decimal exponents overflows or underflows.
        long scale = fractionDigits - exponent;
        long adjusted = unscaled.toString().length() - 1 - scale;
        if (adjusted > 5000) {
            return INFINITY_MARK;
        }
        if (adjusted < -5000) {
            return UNDERFLOW_MARK;
        }
        return new BigDecimal(unscaled, (int) scale);
    }

    /** Hex digits with an optional point and a {@code p} binary exponent, as strtold reads after "0x". */
    private static BigDecimal parseHex(String s) {
        int i = 0;
        int n = s.length();
        BigInteger mantissa = BigInteger.ZERO;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            int d = Character.digit(c, 16);
            if (c == '.' && !point) {
                point = true;
            } else if (d >= 0 && c < 128) {
                mantissa = mantissa.shiftLeft(4).or(BigInteger.valueOf(d));
                digits++;
                if (point) {
                    fractionDigits++;
                }
            } else {
                break;
            }
        }
        if (digits == 0) {
            return null;
        }
        long exponent = 0;
        if (i < n && s.charAt(i) == 'p') {
            i++;
            boolean negativeExponent = false;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negativeExponent = s.charAt(i) == '-';
                i++;
            }
            if (i == n) {
                return null;
            }
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                exponent = Math.min(exponent * 10 + (s.charAt(i++) - '0'), 1_000_000);
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != n) {
            return null;
        }
        if (mantissa.signum() == 0) {
            return BigDecimal.ZERO;
        }
        long binaryExponent = exponent - 4L * fractionDigits;
        long top = mantissa.bitLength() - 1 + binaryExponent;
        if (top > MAX_EXPONENT + 1) {
            return INFINITY_MARK;
        }
        if (top < -SUBNORMAL_SHIFT - 2) {
            return UNDERFLOW_MARK;
        }
        return timesPowerOfTwo(new BigDecimal(mantissa), (int) binaryExponent);
    }

    /** Far beyond the range, so that {@link #round} turns them into infinity and zero. */
    private static final BigDecimal INFINITY_MARK = new BigDecimal(BigInteger.ONE, -5000);
    private static final BigDecimal UNDERFLOW_MARK = new BigDecimal(BigInteger.ONE, 5000);

    /** Rounds an exact value to the nearest long double (ties to even), or {@link #INFINITY}. */
    static BigDecimal round(BigDecimal x) {
        if (x.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal abs = x.abs();
        long adjusted = abs.precision() - abs.scale() - 1L;
        if (adjusted > 4933) {
            return INFINITY;
        }
        if (adjusted < -4952) {
            return BigDecimal.ZERO;
        }
        int e = (int) Math.floor(adjusted * LOG2_10);
        BigInteger significand;
        int shift;
        while (true) {
            shift = Math.min(SIGNIFICAND_BITS - 1 - e, SUBNORMAL_SHIFT);
            BigDecimal scaled = timesPowerOfTwo(abs, shift);
            int integerBits = scaled.toBigInteger().bitLength();
            if (integerBits == SIGNIFICAND_BITS || shift == SUBNORMAL_SHIFT && integerBits < SIGNIFICAND_BITS) {
                significand = scaled.setScale(0, RoundingMode.HALF_EVEN).toBigInteger();
                break;
            }
            e += integerBits == 0 ? -SIGNIFICAND_BITS : integerBits - SIGNIFICAND_BITS;
        }
        if (significand.signum() == 0) {
            return BigDecimal.ZERO;
        }
        if (significand.bitLength() - 1 - shift > MAX_EXPONENT) {
            return INFINITY;
        }
        BigDecimal value = timesPowerOfTwo(new BigDecimal(significand), -shift);
        return x.signum() < 0 ? value.negate() : value;
    }

    /** {@code x * 2^k}, exactly. */
    private static BigDecimal timesPowerOfTwo(BigDecimal x, int k) {
        if (k >= 0) {
            return x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(k)));
        }
        // x / 2^m = x * 5^m / 10^m
        return x.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-k))).scaleByPowerOfTen(k);
    }
}
