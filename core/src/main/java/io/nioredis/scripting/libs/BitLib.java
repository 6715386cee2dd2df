package io.nioredis.scripting.libs;

import io.nioredis.scripting.lua51.StringFormatFunction;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/** LuaBitOp 1.0 (the {@code bit} table Redis ships): 32-bit operations on numbers, signed results. */
public final class BitLib {

    private BitLib() {}

    public static LuaTable create() {
        LuaTable bit = new LuaTable();
        for (String name : new String[] {"tobit", "bnot", "band", "bor", "bxor", "lshift", "rshift", "arshift", "rol",
                "ror", "bswap", "tohex"}) {
            bit.set(name, new Op(name));
        }
        return bit;
    }

    /** LuaBitOp's barg: the number's low 32 bits after rounding, by the 2^52+2^51 addition trick. */
    static int toBit(Varargs args, int index, String name) {
        LuaValue v = args.arg(index);
        if (!v.isnumber()) {
            throw new LuaError("bad argument #" + index + " to '" + name + "' (number expected, got "
                    + (index > args.narg() ? "no value" : StringFormatFunction.typeName(v)) + ")");
        }
        double shifted = v.todouble() + 6755399441055744.0;
        return (int) Double.doubleToRawLongBits(shifted);
    }

    private static final class Op extends VarArgFunction {
        private final String op;

        Op(String op) {
            this.op = op;
        }

        @Override
        public Varargs invoke(Varargs args) {
            int x = toBit(args, 1, op);
            int result;
            switch (op) {
                case "tobit" -> result = x;
                case "bnot" -> result = ~x;
                case "band", "bor", "bxor" -> {
                    result = x;
                    for (int i = 2; i <= args.narg(); i++) {
                        int y = toBit(args, i, op);
                        result = op.equals("band") ? result & y : op.equals("bor") ? result | y : result ^ y;
                    }
                }
                case "lshift" -> result = x << (toBit(args, 2, op) & 31);
                case "rshift" -> result = x >>> (toBit(args, 2, op) & 31);
                case "arshift" -> result = x >> (toBit(args, 2, op) & 31);
                case "rol" -> result = Integer.rotateLeft(x, toBit(args, 2, op) & 31);
                case "ror" -> result = Integer.rotateRight(x, toBit(args, 2, op) & 31);
                case "bswap" -> result = Integer.reverseBytes(x);
                case "tohex" -> {
                    int n = args.isnoneornil(2) ? 8 : toBit(args, 2, op);
                    boolean upper = n < 0;
                    if (upper) {
                        n = -n;
                    }
                    if (n > 8) {
                        n = 8;
                    }
                    String digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
                    char[] out = new char[n];
                    for (int i = n - 1; i >= 0; i--) {
                        out[i] = digits.charAt(x & 15);
                        x >>>= 4;
                    }
                    return LuaValue.valueOf(new String(out));
                }
                default -> throw new IllegalStateException(op);
            }
            return LuaValue.valueOf(result);
        }
    }
}
