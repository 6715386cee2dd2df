package io.nioredis.scripting.lua51;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * table.insert and table.remove as Lua 5.1's ltablib.c has them (luaj's are 5.2's): insert takes exactly
 * two or three arguments and grows the table to a position past its end, remove of a position outside
 * 1..#t removes nothing and returns nothing.
 */
final class TableInsertRemove {
    private TableInsertRemove() {}

    static final class Insert extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaTable t = table(args, "insert");
            int e = t.length() + 1; // the first empty element
            int pos;
            switch (args.narg()) {
                case 2 -> pos = e;
                case 3 -> {
                    pos = integer(args, 2, "insert");
                    if (pos > e) {
                        e = pos;
                    }
                    for (int i = e; i > pos; i--) {
                        t.rawset(i, t.rawget(i - 1));
                    }
                }
                default -> throw new LuaError("wrong number of arguments to 'insert'");
            }
            t.rawset(pos, args.arg(args.narg()));
            return NONE;
        }
    }

    static final class Remove extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaTable t = table(args, "remove");
            int e = t.length();
            int pos = args.isnoneornil(2) ? e : integer(args, 2, "remove");
            if (pos < 1 || pos > e) {
                return NONE;
            }
            LuaValue removed = t.rawget(pos);
            for (; pos < e; pos++) {
                t.rawset(pos, t.rawget(pos + 1));
            }
            t.rawset(e, NIL);
            return removed;
        }
    }

    private static LuaTable table(Varargs args, String name) {
        LuaValue v = args.arg1();
        if (!v.istable()) {
            throw new LuaError("bad argument #1 to '" + name + "' (table expected, got "
                    + StringFormatFunction.typeName(v) + ")");
        }
        return (LuaTable) v;
    }

    /** luaL_checkint: a number or a numeric string, truncated toward zero. */
    private static int integer(Varargs args, int index, String name) {
        return (int) (long) Tonumber.checkNumber(args, index, name);
    }
}
