package io.nioredis.scripting.lua51;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Lua 5.1's tonumber (luaB_tonumber) over glibc's strtod and strtoul, as Redis's Lua reads numbers: leading
 * and trailing white space, hexadecimal integers and floats ("0x1p4"), inf, infinity and nan in any case,
 * the text ending at a NUL byte as a C string does, and with a base other than 10 strtoul's unsigned
 * arithmetic ("-1" in base 2 is 2^64 - 1). luaj's own reads none of these as C does and throws an index
 * error on "0x".
 */
public final class Tonumber extends VarArgFunction {
    /**
     * The NaN that strtod("nan") gives: positive, with a payload that no arithmetic produces, so that it
     * prints as "nan" while the NaN of 0/0 prints as "-nan" ({@link CNumberFormat}), as on x86.
     */
    static final double PARSED_NAN = Double.longBitsToDouble(0x7ff8000000000001L);

    @Override
    public Varargs invoke(Varargs args) {
        int base = args.isnoneornil(2) ? 10 : (int) args.checkdouble(2);
        LuaValue v = args.arg1();
        if (base == 10) {
            return numberOrNil(v);
        }
        if (!v.isstring()) {
            throw new LuaError("bad argument #1 to 'tonumber' (string expected, got "
                    + StringFormatFunction.typeName(v) + ")");
        }
        if (base < 2 || base > 36) {
            throw new LuaError("bad argument #2 to 'tonumber' (base out of range)");
        }
        LuaString s = v instanceof LuaNumber ? LuaValue.valueOf(CNumberFormat.lua(v.todouble())) : v.checkstring();
        return strtoulWhole(cString(s), base);
    }

    /** lua_tonumber: a number as it is, a string as strtod reads it, nil for anything else. */
    static LuaValue numberOrNil(LuaValue v) {
        if (v instanceof LuaNumber) {
            return v;
        }
        if (!(v instanceof LuaString text)) {
            return NIL;
        }
        double d = str2d(text);
        return isNumber(d) ? valueOf(d) : NIL;
    }

    /**
     * luaL_checknumber for argument {@code index} of library function {@code function}: the number, or Lua
     * 5.1's "bad argument #2 to 'rep' (number expected, got string)".
     */
    public static double checkNumber(Varargs args, int index, String function) {
        LuaValue n = numberOrNil(args.arg(index));
        if (n.isnil()) {
            throw new LuaError("bad argument #" + index + " to '" + function + "' (number expected, got "
                    + (index > args.narg() ? "no value" : StringFormatFunction.typeName(args.arg(index))) + ")");
        }
        return n.todouble();
    }

    /** False for what {@link #str2d} returns when the text is not a number. */
    private static boolean isNumber(double parsed) {
        return parsed == parsed || Double.doubleToRawLongBits(parsed) != 0x7ff8000000000000L;
    }

    /** The bytes up to the first NUL, as C sees a Lua string. */
    private static byte[] cString(LuaString s) {
        int n = 0;
        while (n < s.m_length && s.m_bytes[s.m_offset + n] != 0) {
            n++;
        }
        byte[] b = new byte[n];
        System.arraycopy(s.m_bytes, s.m_offset, b, 0, n);
        return b;
    }

    /**
     * luaO_str2d: the whole text (white space around it allowed) as one strtod number; Java's canonical NaN
     * (0x7ff8000000000000, which no parse returns) when it is not one.
     */
    static double str2d(LuaString text) {
        byte[] b = cString(text);
        int start = skipSpace(b, 0);
        int end = Strtod.end(b, start, b.length);
        if (end == start || skipSpace(b, end) != b.length) {
            return Double.NaN;
        }
        return Strtod.value(b, start, end);
    }

    /** strtoul of the whole text in a base, white space around it allowed, as a number; nil if not one. */
    private static LuaValue strtoulWhole(byte[] b, int base) {
        int i = skipSpace(b, 0);
        boolean negative = false;
        if (i < b.length && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        if (base == 16 && i + 2 < b.length && b[i] == '0' && (b[i + 1] == 'x' || b[i + 1] == 'X')
                && Character.digit(b[i + 2], 16) >= 0) {
            i += 2;
        }
        long n = 0;
        boolean overflow = false;
        int digits = 0;
        for (; i < b.length; i++, digits++) {
            int d = Character.digit(b[i], base);
            if (d < 0) {
                break;
            }
            long high = Math.multiplyHigh(n, base) + ((n >> 63) & base); // the unsigned product's upper word
            long product = n * base;
            long sum = product + d;
            if (high != 0 || Long.compareUnsigned(sum, product) < 0) {
                overflow = true;
            }
            n = sum;
        }
        if (digits == 0 || skipSpace(b, i) != b.length) {
            return NIL;
        }
        long value = overflow ? -1L : negative ? -n : n; // strtoul: ULONG_MAX on overflow, whatever the sign
        return valueOf(unsignedToDouble(value));
    }

    /** (lua_Number) of an unsigned long: rounded to the nearest double, as the C conversion does. */
    static double unsignedToDouble(long v) {
        if (v >= 0) {
            return v;
        }
        return ((double) ((v >>> 1) | (v & 1))) * 2.0;
    }

    private static int skipSpace(byte[] b, int i) {
        while (i < b.length && (b[i] == ' ' || (b[i] >= '\t' && b[i] <= '\r'))) {
            i++;
        }
        return i;
    }

    /**
     * Redis's (long long) cast of a Lua number: on x86-64 a NaN or a value out of range converts to
     * LLONG_MIN (Java's cast would saturate instead), so a script returning 1/0 answers
     * -9223372036854775808 as in Redis; string.format's integer conversions cast the same way.
     */
    public static long truncate(double d) {
        if (Double.isNaN(d) || d >= 0x1p63 || d < -0x1p63) {
            return Long.MIN_VALUE;
        }
        return (long) d;
    }
}
