package io.nioredis.scripting.libs;

import io.nioredis.scripting.lua51.CNumberFormat;
import io.nioredis.scripting.lua51.Tonumber;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * lua_cmsgpack 0.4 as Redis ships it: pack(...) concatenates the MessagePack of each argument (integers
 * in the smallest form, other numbers as float32 when exact else float64, a table as an array when its
 * keys are exactly 1..n, else a map; nesting deeper than 16 packs as nil); unpack, unpack_one and
 * unpack_limit read them back. Map members come out in luaj's table order.
 */
public final class CmsgpackLib {

    private static final int MAX_NESTING = 16;

    private CmsgpackLib() {}

    public static LuaTable create() {
        LuaTable cmsgpack = new LuaTable();
        cmsgpack.set("pack", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() == 0) {
                    throw new LuaError("bad argument #0 to 'pack' (MessagePack pack needs input.)");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                for (int i = 1; i <= args.narg(); i++) {
                    encode(args.arg(i), out, 0);
                }
                return LuaValue.valueOf(out.toByteArray());
            }
        });
        cmsgpack.set("unpack", new Unpack(0, false));
        cmsgpack.set("unpack_one", new Unpack(1, true));
        cmsgpack.set("unpack_limit", new Unpack(-1, true));
        cmsgpack.set("_NAME", "cmsgpack");
        cmsgpack.set("_VERSION", "lua-cmsgpack 0.4.0");
        cmsgpack.set("_COPYRIGHT", "Copyright (C) 2012, Salvatore Sanfilippo");
        cmsgpack.set("_DESCRIPTION", "MessagePack C implementation for Lua");
        return cmsgpack;
    }

    static void encode(LuaValue v, ByteArrayOutputStream out, int level) {
        switch (v.type()) {
            case LuaValue.TSTRING -> {
                LuaString s = v.checkstring();
                int n = s.length();
                if (n < 32) {
                    out.write(0xa0 | n);
                } else if (n <= 0xff) {
                    out.write(0xd9);
                    out.write(n);
                } else if (n <= 0xffff) {
                    out.write(0xda);
                    big(out, n, 2);
                } else {
                    out.write(0xdb);
                    big(out, n, 4);
                }
                byte[] bytes = new byte[n];
                s.copyInto(0, bytes, 0, n);
                out.writeBytes(bytes);
            }
            case LuaValue.TBOOLEAN -> out.write(v.toboolean() ? 0xc3 : 0xc2);
            case LuaValue.TNUMBER -> number(v.todouble(), out);
            case LuaValue.TTABLE -> {
                if (level >= MAX_NESTING) {
                    out.write(0xc0);
                } else {
                    table((LuaTable) v, out, level + 1);
                }
            }
            default -> out.write(0xc0);
        }
    }

    /**
     * mp_encode_lua_number: an integer when the C cast to int64_t gives the number back (so not 2^63, which
     * x86 casts to -2^63), else float32 when exact, else float64; NaN is never equal to itself, so float64,
     * with the bits x86 gives it.
     */
    private static void number(double d, ByteArrayOutputStream out) {
        long cast = Tonumber.truncate(d);
        if (!Double.isInfinite(d) && (double) cast == d) {
            integer(cast, out);
        } else if ((double) (float) d == d) {
            out.write(0xca);
            big(out, Float.floatToIntBits((float) d) & 0xFFFFFFFFL, 4);
        } else {
            out.write(0xcb);
            big(out, CNumberFormat.x86Bits(d), 8);
        }
    }

    private static void integer(long n, ByteArrayOutputStream out) {
        if (n >= 0) {
            if (n <= 127) {
                out.write((int) n);
            } else if (n <= 0xff) {
                out.write(0xcc);
                out.write((int) n);
            } else if (n <= 0xffff) {
                out.write(0xcd);
                big(out, n, 2);
            } else if (n <= 0xffffffffL) {
                out.write(0xce);
                big(out, n, 4);
            } else {
                out.write(0xcf);
                big(out, n, 8);
            }
        } else if (n >= -32) {
            out.write((int) n & 0xff);
        } else if (n >= -128) {
            out.write(0xd0);
            out.write((int) n & 0xff);
        } else if (n >= -32768) {
            out.write(0xd1);
            big(out, n, 2);
        } else if (n >= Integer.MIN_VALUE) {
            out.write(0xd2);
            big(out, n, 4);
        } else {
            out.write(0xd3);
            big(out, n, 8);
        }
    }

    private static void table(LuaTable t, ByteArrayOutputStream out, int level) {
        int count = 0;
        double max = 0;
        boolean array = true;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = t.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            count++;
            if (k.type() != LuaValue.TNUMBER || k.todouble() != Math.floor(k.todouble()) || k.todouble() < 1) {
                array = false;
            } else {
                max = Math.max(max, k.todouble());
            }
        }
        if (array && count == max) {
            header(out, count, 0x90, 0xdc, 0xdd);
            for (int i = 1; i <= count; i++) {
                encode(t.rawget(i), out, level);
            }
            return;
        }
        header(out, count, 0x80, 0xde, 0xdf);
        k = LuaValue.NIL;
        while (true) {
            Varargs next = t.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            encode(k, out, level);
            encode(next.arg(2), out, level);
        }
    }

    private static void header(ByteArrayOutputStream out, int n, int fix, int sixteen, int thirtyTwo) {
        if (n < 16) {
            out.write(fix | n);
        } else if (n <= 0xffff) {
            out.write(sixteen);
            big(out, n, 2);
        } else {
            out.write(thirtyTwo);
            big(out, n, 4);
        }
    }

    private static void big(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = bytes - 1; i >= 0; i--) {
            out.write((int) (v >>> (8 * i)) & 0xff);
        }
    }

    /**
     * unpack (limit 0: everything, values only), unpack_one (limit 1) and unpack_limit (limit from the
     * second argument): the latter two answer the offset to continue from (-1 at the end) first, unless
     * both the limit and the offset are 0, which is unpack.
     */
    private static final class Unpack extends VarArgFunction {
        private final int limit;
        private final boolean withOffset;

        Unpack(int limit, boolean withOffset) {
            this.limit = limit;
            this.withOffset = withOffset;
        }

        /** mp_unpack_full: a limit and an offset of 0 decode everything and answer no offset. */
        @Override
        public Varargs invoke(Varargs args) {
            LuaString data = args.checkstring(1);
            int max = limit >= 0 ? limit : (int) Tonumber.truncate(Tonumber.checkNumber(args, 2, "unpack_limit"));
            int offset = withOffset ? args.optint(limit >= 0 ? 2 : 3, 0) : 0;
            if (offset < 0 || max < 0) {
                // lua_cmsgpack prints the input's length where it means the limit
                throw new LuaError("Invalid request to unpack with offset of " + offset + " and limit of "
                        + data.length() + ".");
            }
            if (offset > data.length()) {
                throw new LuaError("Start offset " + offset + " greater than input length " + data.length() + ".");
            }
            boolean all = max == 0 && offset == 0;
            Reader reader = new Reader(data, offset);
            List<LuaValue> values = new ArrayList<>();
            while (reader.pos < data.length() && (all || values.size() < max)) {
                values.add(reader.value());
            }
            if (!all) {
                values.add(0, LuaValue.valueOf(reader.pos >= data.length() ? -1 : reader.pos));
            }
            return LuaValue.varargsOf(values.toArray(new LuaValue[0]));
        }
    }

    private static final class Reader {
        final LuaString data;
        int pos;

        Reader(LuaString data, int pos) {
            this.data = data;
            this.pos = pos;
        }

        int u8() {
            if (pos >= data.length()) {
                throw missing();
            }
            return data.luaByte(pos++);
        }

        long bigEndian(int bytes) {
            long v = 0;
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | u8();
            }
            return v;
        }

        /** A type byte lua_cmsgpack does not know. */
        static LuaError bad() {
            return new LuaError("Bad data format in input.");
        }

        /** The input ends inside a value. */
        static LuaError missing() {
            return new LuaError("Missing bytes in input.");
        }

        LuaValue value() {
            int c = u8();
            if (c <= 0x7f) {
                return LuaValue.valueOf(c);
            } else if (c >= 0xe0) {
                return LuaValue.valueOf(c - 256);
            } else if ((c & 0xe0) == 0xa0) {
                return bytes(c & 0x1f);
            } else if ((c & 0xf0) == 0x90) {
                return array(c & 0x0f);
            } else if ((c & 0xf0) == 0x80) {
                return map(c & 0x0f);
            }
            switch (c) {
                case 0xc0: return LuaValue.NIL;
                case 0xc2: return LuaValue.FALSE;
                case 0xc3: return LuaValue.TRUE;
                case 0xc4: case 0xd9: return bytes((int) bigEndian(1));
                case 0xc5: case 0xda: return bytes((int) bigEndian(2));
                case 0xc6: case 0xdb: return bytes((int) bigEndian(4));
                case 0xca: return LuaValue.valueOf(Float.intBitsToFloat((int) bigEndian(4)));
                case 0xcb: return LuaValue.valueOf(Double.longBitsToDouble(bigEndian(8)));
                case 0xcc: return LuaValue.valueOf(bigEndian(1));
                case 0xcd: return LuaValue.valueOf(bigEndian(2));
                case 0xce: return LuaValue.valueOf((double) bigEndian(4));
                case 0xcf: {
                    long v = bigEndian(8);
                    return LuaValue.valueOf(v < 0 ? (double) (v >>> 1) * 2 + (v & 1) : (double) v);
                }
                case 0xd0: return LuaValue.valueOf((byte) bigEndian(1));
                case 0xd1: return LuaValue.valueOf((short) bigEndian(2));
                case 0xd2: return LuaValue.valueOf((int) bigEndian(4));
                case 0xd3: return LuaValue.valueOf((double) bigEndian(8));
                case 0xdc: return array((int) bigEndian(2));
                case 0xdd: return array((int) bigEndian(4));
                case 0xde: return map((int) bigEndian(2));
                case 0xdf: return map((int) bigEndian(4));
                default: throw bad();
            }
        }

        LuaValue bytes(int n) {
            if (n < 0 || pos + n > data.length()) {
                throw missing();
            }
            LuaValue s = data.substring(pos, pos + n);
            pos += n;
            return s;
        }

        LuaValue array(int n) {
            LuaTable t = new LuaTable();
            for (int i = 1; i <= n; i++) {
                t.rawset(i, value());
            }
            return t;
        }

        LuaValue map(int n) {
            LuaTable t = new LuaTable();
            for (int i = 0; i < n; i++) {
                LuaValue k = value();
                LuaValue v = value();
                if (!k.isnil()) {
                    t.rawset(k, v);
                }
            }
            return t;
        }
    }
}
