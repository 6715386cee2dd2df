package io.nioredis.scripting;

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
final class StringFormatFunction extends VarArgFunction {

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
            if (i >= n) {
                throw new LuaError("invalid option '%' to 'format'");
            }
            if (format.luaByte(i) == '%') {
                out.write('%');
                i++;
                continue;
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
            argument++;
            if (args.narg() < argument) {
                // str_format checks that an argument is there before it looks at the conversion.
                throw new LuaError("bad argument #" + argument + " to 'format' (no value)");
            }
            byte[] body;
            switch (conversion) {
                case 'c' -> body = new byte[] {(byte) checkNumber(args, argument)};
                case 'd', 'i' -> body = ascii(integer(LuaReplies.truncate(checkNumber(args, argument)), precision, flags));
                case 'u' -> body = ascii(integer(LuaReplies.truncate(checkNumber(args, argument)), precision, flags));
                case 'o' -> body = ascii(radix(LuaReplies.truncate(checkNumber(args, argument)), 8, precision, flags, false));
                case 'x' -> body = ascii(radix(LuaReplies.truncate(checkNumber(args, argument)), 16, precision, flags, false));
                case 'X' -> body = ascii(radix(LuaReplies.truncate(checkNumber(args, argument)), 16, precision, flags, true));
                case 'e', 'E', 'f', 'F', 'g', 'G' -> {
                    double v = checkNumber(args, argument);
                    int p = precision < 0 ? 6 : precision;
                    String text = switch (conversion) {
                        case 'e', 'E' -> CNumberFormat.e(v, p);
                        case 'f', 'F' -> CNumberFormat.f(v, p);
                        default -> CNumberFormat.g(v, p, flags.indexOf('#') >= 0);
                    };
                    if (!text.startsWith("-") && !Double.isNaN(v)) {
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
                case 'q' -> body = quoted(tostring.call(args.arg(argument)).checkstring());
                case 's' -> {
                    LuaString s = tostring.call(args.arg(argument)).checkstring();
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
            pad(out, body, width, flags, conversion);
        }
        return LuaString.valueOf(out.toByteArray());
    }

    private static void pad(ByteArrayOutputStream out, byte[] body, int width, String flags, int conversion) {
        int padding = Math.max(0, width - body.length);
        boolean left = flags.indexOf('-') >= 0;
        boolean zeros = flags.indexOf('0') >= 0 && !left && conversion != 's' && conversion != 'c' && conversion != 'q';
        if (!left && !zeros) {
            for (int k = 0; k < padding; k++) {
                out.write(' ');
            }
        }
        if (zeros && padding > 0) {
            int signLength = body.length > 0 && (body[0] == '-' || body[0] == '+' || body[0] == ' ') ? 1 : 0;
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

    private static double checkNumber(Varargs args, int index) {
        LuaValue v = args.arg(index);
        LuaValue number = v.tonumber();
        if (number.isnil()) {
            throw new LuaError("bad argument #" + index + " to 'format' (number expected, got " + typeName(v) + ")");
        }
        return number.todouble();
    }

    static String typeName(LuaValue v) {
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

    private static String radix(long v, int radix, int precision, String flags, boolean upper) {
        String digits = radix == 16 ? Long.toHexString(v) : Long.toOctalString(v);
        if (upper) {
            digits = digits.toUpperCase();
        }
        if (precision >= 0 && digits.length() < precision) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        if (flags.indexOf('#') >= 0 && v != 0) {
            digits = (radix == 16 ? (upper ? "0X" : "0x") : "0") + digits;
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
