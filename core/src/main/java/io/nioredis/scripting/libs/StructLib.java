package io.nioredis.scripting.libs;

import java.io.ByteArrayOutputStream;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Roberto Ierusalimschy's struct library as Redis ships it: pack, unpack and size over a format of
 * endianness ('&lt;' '&gt;' '='), alignment ('!n'), padding ('x'), integers (b B h H l L T iN IN), floats
 * (f d), zero-terminated strings (s) and fixed strings (cN). Native order is little-endian; alignment is
 * 1 until '!' sets it.
 */
public final class StructLib {

    private static final int MAX_ALIGN = 8;
    /**
     * lua_struct's MAXINTSIZE. Its integers are 64 bits: bytes past the eighth pack as 0 and unpack into
     * nothing but the sign test, as its C shifts do on x86.
     */
    private static final int MAX_INT_SIZE = 32;

    private StructLib() {}

    public static LuaTable create() {
        LuaTable struct = new LuaTable();
        struct.set("pack", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return pack(args);
            }
        });
        struct.set("unpack", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return unpack(args);
            }
        });
        struct.set("size", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return size(args);
            }
        });
        return struct;
    }

    /** Reading position in a format, with the current endianness and alignment. */
    private static final class Format {
        final LuaString text;
        final String function;
        int pos;
        boolean little = true;
        int align = 1;

        Format(LuaString text, String function) {
            this.text = text;
            this.function = function;
        }

        boolean more() {
            return pos < text.length();
        }

        int next() {
            return text.luaByte(pos++);
        }

        int number(int fallback) {
            if (!more() || !Character.isDigit(text.luaByte(pos))) {
                return fallback;
            }
            int n = 0;
            while (more() && Character.isDigit(text.luaByte(pos))) {
                n = n * 10 + text.luaByte(pos++) - '0';
            }
            return n;
        }

        /** The size of option c, or -1 for options without data; reads a size that follows it. */
        int sizeOf(int c) {
            switch (c) {
                case 'B', 'b', 'x':
                    return 1;
                case 'H', 'h':
                    return 2;
                case 'L', 'l', 'T':
                    return 8;
                case 'f':
                    return 4;
                case 'd':
                    return 8;
                case 'c':
                    return number(1);
                case 'i', 'I': {
                    int size = number(4);
                    if (size > MAX_INT_SIZE) {
                        throw new LuaError("integral size " + size + " is larger than limit of " + MAX_INT_SIZE);
                    }
                    return size;
                }
                case 's', ' ':
                    return 0;
                case '<':
                    little = true;
                    return 0;
                case '>':
                    little = false;
                    return 0;
                case '=':
                    little = true;
                    return 0;
                case '!': {
                    int a = number(MAX_ALIGN);
                    if ((a & (a - 1)) != 0) {
                        throw new LuaError("bad argument #1 to '" + function + "' (alignment " + a + " is not a power of 2)");
                    }
                    align = a;
                    return 0;
                }
                default:
                    throw new LuaError("bad argument #1 to '" + function + "' (invalid format option '" + (char) c + "')");
            }
        }

        int padding(int c, int size, int total) {
            if (c == 'c' || c == 's' || c == 'x' || size <= 1) {
                return 0;
            }
            int a = Math.min(size, align);
            return (a - (total & (a - 1))) & (a - 1);
        }
    }

    private static Varargs pack(Varargs args) {
        Format f = new Format(string(args, 1, "pack"), "pack");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int arg = 2;
        while (f.more()) {
            int c = f.next();
            int size = f.sizeOf(c);
            int pad = f.padding(c, size, out.size());
            for (int i = 0; i < pad; i++) {
                out.write(0);
            }
            switch (c) {
                case 'b', 'B', 'h', 'H', 'l', 'L', 'T', 'i', 'I' -> {
                    long v = (long) number(args, arg++);
                    writeInt(out, v, size, f.little);
                }
                case 'x' -> out.write(0);
                case 'f' -> writeInt(out, Float.floatToIntBits((float) number(args, arg++)) & 0xFFFFFFFFL, 4, f.little);
                case 'd' -> writeInt(out, Double.doubleToLongBits(number(args, arg++)), 8, f.little);
                case 'c', 's' -> {
                    LuaString s = string(args, arg++, "pack");
                    int length = s.length();
                    if (c == 'c' && size != 0) {
                        if (length < size) {
                            throw new LuaError("bad argument #" + arg + " to 'pack' (string too short)"); // struct.c checks arg after arg++
                        }
                        length = size;
                    }
                    byte[] bytes = new byte[length];
                    s.copyInto(0, bytes, 0, length);
                    out.writeBytes(bytes);
                    if (c == 's') {
                        out.write(0);
                    }
                }
                default -> { }
            }
        }
        return LuaValue.valueOf(out.toByteArray());
    }

    private static void writeInt(ByteArrayOutputStream out, long v, int size, boolean little) {
        for (int i = 0; i < size; i++) {
            int shift = little ? i : size - 1 - i;
            out.write(shift < 8 ? (int) (v >>> (8 * shift)) & 0xFF : 0);
        }
    }

    private static Varargs unpack(Varargs args) {
        Format f = new Format(string(args, 1, "unpack"), "unpack");
        LuaString data = string(args, 2, "unpack");
        int pos = args.optint(3, 1) - 1;
        if (pos < 0) {
            throw new LuaError("bad argument #3 to 'unpack' (offset must be 1 or greater)");
        }
        java.util.List<LuaValue> values = new java.util.ArrayList<>();
        double previous = 0;
        boolean hasPrevious = false;
        while (f.more()) {
            int c = f.next();
            int size = f.sizeOf(c);
            pos += f.padding(c, size, pos);
            if (c != 's' && pos + size > data.length()) {
                throw new LuaError("bad argument #2 to 'unpack' (data string too short)");
            }
            switch (c) {
                case 'b', 'h', 'l', 'i' -> {
                    long v = readInt(data, pos, size, f.little);
                    long mask = -1L << ((size * 8 - 1) & 63); // getinteger's sign test; x86 takes shifts mod 64
                    if ((v & mask) != 0) {
                        v |= mask;
                    }
                    previous = v;
                    hasPrevious = true;
                    values.add(LuaValue.valueOf((double) v));
                }
                case 'B', 'H', 'L', 'T', 'I' -> {
                    long v = readInt(data, pos, size, f.little);
                    double d = v < 0 ? (double) (v >>> 1) * 2 + (v & 1) : v;
                    previous = d;
                    hasPrevious = true;
                    values.add(LuaValue.valueOf(d));
                }
                case 'f' -> values.add(LuaValue.valueOf(Float.intBitsToFloat((int) readInt(data, pos, 4, f.little))));
                case 'd' -> values.add(LuaValue.valueOf(Double.longBitsToDouble(readInt(data, pos, 8, f.little))));
                case 'c' -> {
                    if (size == 0) {
                        if (!hasPrevious) {
                            throw new LuaError("format 'c0' needs a previous size");
                        }
                        size = (int) previous;
                        hasPrevious = false;
                        values.remove(values.size() - 1);
                        if (pos + size > data.length()) {
                            throw new LuaError("bad argument #2 to 'unpack' (data string too short)");
                        }
                    }
                    values.add(data.substring(pos, pos + size));
                }
                case 's' -> {
                    int end = pos;
                    while (end < data.length() && data.luaByte(end) != 0) {
                        end++;
                    }
                    if (end >= data.length()) {
                        throw new LuaError("unfinished string in data");
                    }
                    values.add(data.substring(pos, end));
                    size = end - pos + 1;
                }
                default -> { }
            }
            pos += size;
        }
        values.add(LuaValue.valueOf(pos + 1));
        return LuaValue.varargsOf(values.toArray(new LuaValue[0]));
    }

    private static long readInt(LuaString data, int pos, int size, boolean little) {
        long v = 0;
        for (int i = 0; i < size; i++) {
            int b = data.luaByte(little ? pos + size - 1 - i : pos + i);
            v = (v << 8) | b;
        }
        return v;
    }

    private static Varargs size(Varargs args) {
        Format f = new Format(string(args, 1, "size"), "size");
        int total = 0;
        while (f.more()) {
            int c = f.next();
            int size = f.sizeOf(c);
            total += f.padding(c, size, total);
            if (c == 's') {
                throw new LuaError("bad argument #1 to 'size' (option 's' has no fixed size)");
            }
            total += size;
        }
        return LuaValue.valueOf(total);
    }

    /** luaL_checknumber's test and text for pack's values (numeric strings pass). */
    private static double number(Varargs args, int index) {
        LuaValue v = args.arg(index);
        if (!v.isnumber()) {
            throw new LuaError("bad argument #" + index + " to 'pack' (number expected, got "
                    + (index > args.narg() ? "no value" : v.typename()) + ")");
        }
        return v.checkdouble();
    }

    /** luaL_checklstring's test and text (numbers pass, as their text). */
    private static LuaString string(Varargs args, int index, String function) {
        LuaValue v = args.arg(index);
        if (!v.isstring()) {
            throw new LuaError("bad argument #" + index + " to '" + function + "' (string expected, got "
                    + (index > args.narg() ? "no value" : v.typename()) + ")");
        }
        return v.checkstring();
    }
}
