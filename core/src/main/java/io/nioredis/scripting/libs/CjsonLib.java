package io.nioredis.scripting.libs;

import io.nioredis.scripting.lua51.CNumberFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaUserdata;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * lua_cjson 2.1 as Redis ships it (the {@code cjson} table): encode with "%.14g" numbers, "\/" escapes,
 * sparse-array rules and its error texts; decode to tables with cjson.null for JSON null. Object members
 * come out in luaj's table order, which is not Lua 5.1's.
 */
public final class CjsonLib {

    /** cjson.null: a light userdata NULL in Lua, one unique value here. */
    static final LuaValue NULL = new LuaUserdata(new Object());

    private static final int MAX_DEPTH = 1000;
    private static final int SPARSE_RATIO = 2;
    private static final int SPARSE_SAFE = 10;

    private CjsonLib() {}

    public static LuaTable create() {
        LuaTable cjson = new LuaTable();
        cjson.set("encode", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() != 1) {
                    throw new LuaError("bad argument #1 to 'encode' (expected 1 argument)");
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                encode(args.arg1(), out, 0);
                return LuaValue.valueOf(out.toByteArray());
            }
        });
        cjson.set("decode", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                if (args.narg() != 1) {
                    throw new LuaError("bad argument #1 to 'decode' (expected 1 argument)");
                }
                return new JsonDecoder(args.checkstring(1)).decodeDocument();
            }
        });
        cjson.set("null", NULL);
        cjson.set("_NAME", "cjson");
        cjson.set("_VERSION", "2.1.0");
        for (String setting : new String[] {"encode_keep_buffer", "encode_max_depth", "decode_max_depth",
                "encode_number_precision", "encode_sparse_array", "encode_invalid_numbers", "decode_invalid_numbers"}) {
            cjson.set(setting, new Setting());
        }
        cjson.set("new", new VarArgFunction() {
            @Override
            public Varargs invoke(Varargs args) {
                return create();
            }
        });
        return cjson;
    }

    /** Settings are accepted and answer their defaults; scripts use them to ask, rarely to change. */
    private static final class Setting extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            return args.narg() == 0 ? TRUE : args;
        }
    }

    static void encode(LuaValue v, ByteArrayOutputStream out, int depth) {
        switch (v.type()) {
            case LuaValue.TSTRING -> encodeString(v.checkstring(), out);
            case LuaValue.TNUMBER -> out.writeBytes(number(v.todouble()));
            case LuaValue.TBOOLEAN -> out.writeBytes(ascii(v.toboolean() ? "true" : "false"));
            case LuaValue.TNIL -> out.writeBytes(ascii("null"));
            case LuaValue.TTABLE -> encodeTable((LuaTable) v, out, depth + 1);
            default -> {
                if (v == NULL) {
                    out.writeBytes(ascii("null"));
                } else {
                    throw new LuaError("Cannot serialise " + v.typename() + ": type not supported");
                }
            }
        }
    }

    private static byte[] number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new LuaError("Cannot serialise number: must not be NaN or Inf");
        }
        return ascii(CNumberFormat.lua(d));
    }

    private static void encodeTable(LuaTable t, ByteArrayOutputStream out, int depth) {
        if (depth > MAX_DEPTH) {
            throw new LuaError("Cannot serialise, excessive nesting (" + depth + ")");
        }
        int length = arrayLength(t);
        if (length > 0) {
            out.write('[');
            for (int i = 1; i <= length; i++) {
                if (i > 1) {
                    out.write(',');
                }
                encode(t.rawget(i), out, depth);
            }
            out.write(']');
            return;
        }
        out.write('{');
        boolean first = true;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = t.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            if (!first) {
                out.write(',');
            }
            first = false;
            if (k.type() == LuaValue.TSTRING) {
                encodeString(k.checkstring(), out);
            } else if (k.type() == LuaValue.TNUMBER) {
                out.write('"');
                out.writeBytes(number(k.todouble()));
                out.write('"');
            } else {
                throw new LuaError("Cannot serialise " + k.typename() + ": table key must be a number or string");
            }
            out.write(':');
            encode(next.arg(2), out, depth);
        }
        out.write('}');
    }

    /** lua_array_length: the highest key when every key is a positive integer, -1 for an object. */
    private static int arrayLength(LuaTable t) {
        double max = 0;
        int items = 0;
        LuaValue k = LuaValue.NIL;
        while (true) {
            Varargs next = t.next(k);
            k = next.arg1();
            if (k.isnil()) {
                break;
            }
            if (k.type() != LuaValue.TNUMBER) {
                return -1;
            }
            double d = k.todouble();
            if (d != Math.floor(d) || d < 1) {
                return -1;
            }
            max = Math.max(max, d);
            items++;
        }
        if (max > SPARSE_SAFE && max > items * SPARSE_RATIO) {
            throw new LuaError("Cannot serialise table: excessively sparse array");
        }
        return (int) max;
    }

    private static void encodeString(LuaString s, ByteArrayOutputStream out) {
        out.write('"');
        for (int i = 0; i < s.length(); i++) {
            int c = s.luaByte(i);
            switch (c) {
                case '"' -> out.writeBytes(ascii("\\\""));
                case '\\' -> out.writeBytes(ascii("\\\\"));
                case '/' -> out.writeBytes(ascii("\\/"));
                case '\b' -> out.writeBytes(ascii("\\b"));
                case '\f' -> out.writeBytes(ascii("\\f"));
                case '\n' -> out.writeBytes(ascii("\\n"));
                case '\r' -> out.writeBytes(ascii("\\r"));
                case '\t' -> out.writeBytes(ascii("\\t"));
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.writeBytes(ascii(String.format("\\u%04x", c)));
                    } else {
                        out.write(c);
                    }
                }
            }
        }
        out.write('"');
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
