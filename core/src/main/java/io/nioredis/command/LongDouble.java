package io.nioredis.command;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The x87 80-bit {@code long double} arithmetic that Redis's INCRBYFLOAT does on x86-64, emulated with
 * exact decimals: parsing as {@code strtold} (decimal, hex and infinity forms, rejecting what Redis's
 * getLongDoubleFromObject rejects), rounding to a 64-bit mantissa, and formatting as ld2string's
 * human-friendly mode ({@code "%.17Lf"} without trailing zeros). So {@code 1e18 + 0.3} gives
 * {@code 1000000000000000000.3125}, as it does in Redis. INCRBYFLOAT is not a hot path, so the exact
 * BigDecimal arithmetic is affordable.
 */
final class LongDouble {
    /** Redis's MAX_LONG_DOUBLE_CHARS: longer strings are not numbers to it. */
    static final int MAX_CHARS = 5 * 1024;
    private static final int MANTISSA_BITS = 64;
    /** The exponent of the smallest subnormal, 2^-16445. */
    private static final int MIN_QUANTUM_EXPONENT = -16445;
    /** Values at or above 2^16384 overflow to infinity. */
    private static final int MAX_EXPONENT = 16384;

    /** A positive or negative infinity, or null for a finite value held in {@link #value}. */
    final Double infinity;
    /** The exact value, a multiple of the long double grid; null when infinite. */
    final BigDecimal value;

    private LongDouble(Double infinity, BigDecimal value) {
        this.infinity = infinity;
        this.value = value;
    }

    boolean isInfinite() {
        return infinity != null;
    }

    /** Parses as Redis does, or returns null for "ERR value is not a valid float". */
    static LongDouble parse(byte[] b, int off, int len) {
        if (len == 0 || len > MAX_CHARS || isSpace(b[off])) {
            return null;
        }
        String s = new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        String lower = body.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return new LongDouble(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, null);
        }
        BigDecimal exact = lower.startsWith("0x") ? parseHex(lower.substring(2)) : parseDecimal(lower);
        if (exact == null) {
            return null;
        }
        if (negative) {
            exact = exact.negate();
        }
        LongDouble rounded = round(exact);
        // strtold reports ERANGE on overflow and on underflow to zero; Redis refuses both.
        if (rounded.isInfinite() || (rounded.value.signum() == 0 && exact.signum() != 0)) {
            return null;
        }
        return rounded;
    }

    /** The sum rounded to the long double grid; infinite if it overflows. */
    LongDouble plus(LongDouble other) {
        if (isInfinite() || other.isInfinite()) {
            double a = isInfinite() ? infinity : 0;
            double c = other.isInfinite() ? other.infinity : 0;
            return new LongDouble(a + c, null); // may be NaN, which the caller refuses as well
        }
        return round(value.add(other.value));
    }

    /** ld2string in LD_STR_HUMAN mode: {@code "%.17Lf"}, trailing zeros and dot dropped, "-0" as "0". */
    String format() {
        if (isInfinite()) {
            return infinity > 0 ? "inf" : "-inf";
        }
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

    private static BigDecimal parseDecimal(String s) {
        if (!s.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
            return null;
        }
        int e = s.indexOf('e');
        if (e >= 0) {
            String exponent = s.substring(e + 1);
            String digits = exponent.replaceFirst("^[+-]", "").replaceFirst("^0+(?=.)", "");
            if (digits.length() > 6) {
                // Far beyond the long double range: overflow or underflow, unless the mantissa is zero.
                BigDecimal mantissa = new BigDecimal(s.substring(0, e).replaceFirst("\\.$", ""));
                if (mantissa.signum() == 0) {
                    return BigDecimal.ZERO;
                }
                return exponent.startsWith("-") ? BigDecimal.ONE.scaleByPowerOfTen(-99999)
                        : BigDecimal.ONE.scaleByPowerOfTen(99999);
            }
        }
        return new BigDecimal(s.replaceFirst("\\.(?=e|$)", ""));
    }

    private static BigDecimal parseHex(String s) {
        if (!s.matches("([0-9a-f]+\\.?[0-9a-f]*|\\.[0-9a-f]+)(p[+-]?[0-9]+)?")) {
            return null;
        }
        int p = s.indexOf('p');
        String mantissa = p >= 0 ? s.substring(0, p) : s;
        int exponent = 0;
        if (p >= 0) {
            String digits = s.substring(p + 1).replaceFirst("^\\+", "");
            exponent = digits.length() > 7 ? (digits.startsWith("-") ? -99999 : 99999) : Integer.parseInt(digits);
        }
        int dot = mantissa.indexOf('.');
        if (dot >= 0) {
            exponent -= 4 * (mantissa.length() - dot - 1);
            mantissa = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        }
        return timesPowerOfTwo(new BigDecimal(new BigInteger(mantissa, 16)), exponent);
    }

    /** Rounds an exact value to the nearest long double, ties to even, as the FPU does. */
    static LongDouble round(BigDecimal x) {
        if (x.signum() == 0) {
            return new LongDouble(null, BigDecimal.ZERO);
        }
        BigDecimal abs = x.abs();
        int e = floorLog2(abs);
        if (e >= MAX_EXPONENT) {
            return new LongDouble(x.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, null);
        }
        int quantum = Math.max(e - (MANTISSA_BITS - 1), MIN_QUANTUM_EXPONENT);
        BigDecimal units = timesPowerOfTwo(abs, -quantum).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal rounded = timesPowerOfTwo(units, quantum);
        if (rounded.signum() != 0 && floorLog2(rounded) >= MAX_EXPONENT) {
            return new LongDouble(x.signum() > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY, null);
        }
        return new LongDouble(null, x.signum() < 0 ? rounded.negate() : rounded);
    }

    /** The largest e with 2^e <= x, for positive x. */
    private static int floorLog2(BigDecimal x) {
        // Estimate from the digits, then correct by comparing exactly.
        double log10 = x.unscaledValue().bitLength() * Math.log10(2) - x.scale();
        int e = (int) Math.floor(log10 / Math.log10(2));
        while (timesPowerOfTwo(BigDecimal.ONE, e).compareTo(x) > 0) {
            e--;
        }
        while (timesPowerOfTwo(BigDecimal.ONE, e + 1).compareTo(x) <= 0) {
            e++;
        }
        return e;
    }

    /** x * 2^n, exactly. */
    private static BigDecimal timesPowerOfTwo(BigDecimal x, int n) {
        if (n >= 0) {
            return x.multiply(new BigDecimal(BigInteger.ONE.shiftLeft(n)));
        }
        // 2^-n = 5^n / 10^n
        return x.multiply(new BigDecimal(BigInteger.valueOf(5).pow(-n))).scaleByPowerOfTen(n);
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }
}
