package io.nioredis.scripting.lua51;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * string.format as Lua 5.1's str_format: C printf conversions (luaj's uses Java's Formatter, whose %g and
 * rounding differ from C), %q quoting as Lua 5.1, %s through tostring.
 */
public final class StringFormatFunction extends VarArgFunction {

    private final LuaValue tostring;

    StringFormatFunction(LuaValue tostring) {
        this.tostring = tostring;
    }

    @Override
    public Varargs invoke(Varargs args) {
        LuaString format = args.checkstring(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(format.length() + 16);
        int argument = 1;
        int i = 0;
        int n = format.length();
        while (i < n) {
            int c = format.luaByte(i++);
            if (c != '%') {
                out.write(c);
                continue;
            }
            if (i < n && format.luaByte(i) == '%') {
                out.write('%');
                i++;
                continue;
            }
            argument++;
            if (args.narg() < argument) {
                // str_format checks that an argument is there before it reads the flags and the conversion.
                throw new LuaError("bad argument #" + argument + " to 'format' (no value)");
            }
            int specStart = i;
            while (i < n && "-+ #0".indexOf(format.luaByte(i)) >= 0) {
                i++;
            }
            if (i - specStart > 5) {
                throw new LuaError("invalid format (repeated flags)");
            }
            String flags = format.substring(specStart, i).tojstring();
            int width = -1;
            int digits = 0;
            while (i < n && Character.isDigit(format.luaByte(i))) {
                width = (width < 0 ? 0 : width * 10) + format.luaByte(i++) - '0';
                digits++;
            }
            int precision = -1;
            if (i < n && format.luaByte(i) == '.') {
                i++;
                precision = 0;
                int pdigits = 0;
                while (i < n && Character.isDigit(format.luaByte(i))) {
                    precision = precision * 10 + format.luaByte(i++) - '0';
                    pdigits++;
                }
                if (pdigits > 2) {
                    throw new LuaError("invalid format (width or precision too long)");
                }
            }
            if (digits > 2) {
                throw new LuaError("invalid format (width or precision too long)");
            }
            if (i >= n) {
                throw new LuaError("invalid option '%' to 'format'");
            }
            int conversion = format.luaByte(i++);
            byte[] body;
            switch (conversion) {
                case 'c' -> body = new byte[] {(byte) cInt(checkNumber(args, argument))};
                case 'd', 'i' -> body = ascii(integer(Tonumber.truncate(checkNumber(args, argument)), precision, flags));
                case 'u' -> body = ascii(unsignedDecimal(unsignedTruncate(checkNumber(args, argument)), precision));
                case 'o', 'x', 'X' -> body = ascii(radix(unsignedTruncate(checkNumber(args, argument)),
                        conversion == 'o' ? 8 : 16, precision, flags, conversion == 'X'));
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    double v = checkNumber(args, argument);
                    int p = precision < 0 ? 6 : precision;
                    boolean alternate = flags.indexOf('#') >= 0;
                    String text = switch (conversion) {
                        case 'e', 'E' -> CNumberFormat.e(v, p);
                        case 'f', 'F' -> CNumberFormat.f(v, p);
                        default -> CNumberFormat.g(v, p, alternate);
                    };
                    if (alternate) {
                        text = CNumberFormat.withPoint(text);
                    }
                    if (!text.startsWith("-")) {
                        if (flags.indexOf('+') >= 0) {
                            text = "+" + text;
                        } else if (flags.indexOf(' ') >= 0) {
                            text = " " + text;
                        }
                    }
                    if (Character.isUpperCase(conversion)) {
                        text = text.toUpperCase();
                    }
                    body = ascii(text);
                }
                case 'q' -> {
                    // addquoted writes straight into the result: Lua 5.1 ignores %q's width and flags.
                    byte[] quoted = quoted(stringArgument(args, argument));
                    out.write(quoted, 0, quoted.length);
                    continue;
                }
                case 's' -> {
                    LuaString s = stringArgument(args, argument);
                    int length = precision >= 0 ? Math.min(precision, s.length()) : s.length();
                    body = new byte[length];
                    s.copyInto(0, body, 0, length);
                }
                default -> throw new LuaError("invalid option '%" + (char) conversion + "' to 'format'");
            }
            if (conversion == 'c' && body[0] == 0) {
                // str_format copies sprintf's buffer up to strlen: a NUL character and what follows it vanish.
                for (int k = flags.indexOf('-') >= 0 ? 0 : width - 1; k > 0; k--) {
                    out.write(' ');
                }
                continue;
            }
            pad(out, body, width, flags, conversion, precision);
        }
        return LuaString.valueOf(out.toByteArray());
    }

    private static void pad(ByteArrayOutputStream out, byte[] body, int width, String flags, int conversion,
                            int precision) {
        int padding = Math.max(0, width - body.length);
        boolean left = flags.indexOf('-') >= 0;
        // C ignores the 0 flag of an integer conversion that has a precision.
        boolean integer = "diouxX".indexOf(conversion) >= 0;
        // glibc pads inf and nan with spaces, whatever the flags.
        boolean special = "eEfFgG".indexOf(conversion) >= 0 && body.length >= 3 && isSpecial(body);
        boolean zeros = flags.indexOf('0') >= 0 && !left && conversion != 's' && conversion != 'c' && conversion != 'q'
                && !(integer && precision >= 0) && !special;
        if (!left && !zeros) {
            for (int k = 0; k < padding; k++) {
                out.write(' ');
            }
        }
        if (zeros && padding > 0) {
            // The zeros go after a sign or a 0x prefix.
            int signLength = body.length > 0 && (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
            if ((conversion == 'x' || conversion == 'X') && body.length > 1 && body[0] == '0'
                    && (body[1] == 'x' || body[1] == 'X')) {
                signLength = 2;
            }
            out.write(body, 0, signLength);
            for (int k = 0; k < padding; k++) {
                out.write('0');
            }
            out.write(body, signLength, body.length - signLength);
            return;
        }
        out.write(body, 0, body.length);
        if (left) {
            for (int k = 0; k < padding; k++) {
                out.write(' ');
            }
        }
    }

    /** luaL_checklstring: a string, or a number in its "%.14g" text; anything else is an error. */
    private LuaString stringArgument(Varargs args, int index) {
        LuaValue v = args.arg(index);
        if (!v.isstring()) {
            throw new LuaError("bad argument #" + index + " to 'format' (string expected, got " + typeName(v) + ")");
        }
        return tostring.call(v).checkstring();
    }

    private static double checkNumber(Varargs args, int index) {
        return Tonumber.checkNumber(args, index, "format");
    }

    public static String typeName(LuaValue v) {
        return v.isnil() ? "nil" : v.typename();
    }

    private static String integer(long v, int precision, String flags) {
        String digits = Long.toString(Math.abs(v));
        if (v == Long.MIN_VALUE) {
            digits = digits.substring(1);
        }
        if (precision >= 0 && digits.length() < precision) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        if (precision == 0 && v == 0) {
            digits = "";
        }
        if (v < 0) {
            return "-" + digits;
        }
        if (flags.indexOf('+') >= 0) {
            return "+" + digits;
        }
        return flags.indexOf(' ') >= 0 ? " " + digits : digits;
    }

    private static boolean isSpecial(byte[] body) {
        int last = body[body.length - 1] | 0x20;
        int before = body[body.length - 2] | 0x20;
        return last == 'f' && before == 'n' || last == 'n' && before == 'a';
    }

    /**
     * C's (int) cast on x86: a NaN or a number outside int's range gives INT_MIN (whose low byte is 0, so
     * %c of 1e20 prints nothing), where Java's cast saturates.
     */
    private static int cInt(double v) {
        return v > -2147483649.0 && v < 2147483648.0 ? (int) v : Integer.MIN_VALUE;
    }

    /**
     * Lua 5.1's {@code (unsigned long)} cast of the number for %o, %u, %x and %X, as gcc compiles it for
     * x86-64: below 2^63 (NaN included) the signed conversion, whose out-of-range result is 2^63; from 2^63
     * the conversion of the number less 2^63 with the top bit flipped, so 2^64 and above come out as 0.
     */
    static long unsignedTruncate(double d) {
        if (!(d >= 0x1p63)) {
            return Tonumber.truncate(d);
        }
        double rest = d - 0x1p63;
        return (rest >= 0x1p63 ? Long.MIN_VALUE : (long) rest) ^ Long.MIN_VALUE;
    }

    /** %u: the bits as an unsigned number; C's + and space flags apply to signed conversions only. */
    private static String unsignedDecimal(long v, int precision) {
        return zeroPadded(Long.toUnsignedString(v), v, precision);
    }

    private static String radix(long v, int radix, int precision, String flags, boolean upper) {
        String digits = zeroPadded(radix == 16 ? Long.toHexString(v) : Long.toOctalString(v), v, precision);
        if (upper) {
            digits = digits.toUpperCase();
        }
        if (flags.indexOf('#') >= 0) {
            if (radix == 8 && !digits.startsWith("0")) {
                digits = "0" + digits; // # makes an octal number's first digit a 0, adding one only if needed
            } else if (radix == 16 && v != 0) {
                digits = (upper ? "0X" : "0x") + digits;
            }
        }
        return digits;
    }

    /** Digits widened to the precision with zeros; a precision of 0 prints nothing for 0, as in C. */
    private static String zeroPadded(String digits, long v, int precision) {
        if (precision == 0 && v == 0) {
            return "";
        }
        if (precision >= 0 && digits.length() < precision) {
            return "0".repeat(precision - digits.length()) + digits;
        }
        return digits;
    }

    private static byte[] quoted(LuaString s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 2);
        out.write('"');
        for (int k = 0; k < s.length(); k++) {
            int c = s.luaByte(k);
            switch (c) {
                case '"', '\\', '\n' -> {
                    out.write('\\');
                    out.write(c);
                }
                case '\r' -> out.writeBytes(ascii("\\r"));
                case 0 -> out.writeBytes(ascii("\\000"));
                default -> out.write(c);
            }
        }
        out.write('"');
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
