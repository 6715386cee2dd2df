package io.nioredis.scripting.lua51;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.VarArgFunction;

/**
 * Checks the arguments of the standard library functions as Lua 5.1's C code does, so a wrong one raises
 * Lua 5.1's "bad argument #2 to 'rep' (number expected, got string)" and not luaj's "bad argument: number
 * expected, got string" (luaj's checks know neither the position nor the function). A signature lists the
 * arguments in the order the C function checks them: {@code s} string (a number passes), {@code n} number (a
 * numeric string passes), {@code t} table, {@code f} function, {@code a} any value; {@code ?} makes one
 * optional (none or nil), {@code *} repeats the last for all further arguments.
 */
public final class Lua51Arguments {
    private Lua51Arguments() {}

    /** Replaces {@code library[name]} with the same function behind Lua 5.1's argument checks. */
    static void check(LuaTable library, String name, String signature) {
        if (library.get(name).isnil()) {
            return;
        }
        library.set(name, new Checked(library.get(name), name, signature.split(" ")));
    }

    private static final class Checked extends VarArgFunction {
        private final LuaValue function;
        private final String name;
        private final String[] signature;

        Checked(LuaValue function, String name, String[] signature) {
            this.function = function;
            this.name = name;
            this.signature = signature;
        }

        @Override
        public Varargs invoke(Varargs args) {
            int n = args.narg();
            for (int i = 0; i < signature.length; i++) {
                String kind = signature[i];
                if (kind.endsWith("*")) {
                    for (int j = i + 1; j <= n; j++) {
                        check(args, j, kind.charAt(0), false);
                        args = converted(args, j, kind.charAt(0));
                    }
                    break;
                }
                check(args, i + 1, kind.charAt(0), kind.endsWith("?"));
                args = converted(args, i + 1, kind.charAt(0));
            }
            try {
                return function.invoke(args);
            } catch (LuaError e) {
                throw named(e);
            }
        }

        /**
         * A number given for a string, as Lua 5.1's lua_tolstring writes it ("%.14g", not luaj's "1.0E20"),
         * and a string given for a number, as C's strtod reads it ({@link Tonumber#str2d}; luaj reads "0x1p4"
         * or " 12\0" otherwise, and fails with an index error on "0x").
         */
        private static Varargs converted(Varargs args, int index, char kind) {
            LuaValue v = args.arg(index);
            if (kind == 's' && v instanceof LuaNumber number) {
                return with(args, index, LuaValue.valueOf(CNumberFormat.lua(number.todouble())));
            }
            if (kind == 'n' && v instanceof LuaString) {
                return with(args, index, Tonumber.numberOrNil(v));
            }
            return args;
        }

        private static Varargs with(Varargs args, int index, LuaValue value) {
            LuaValue[] values = new LuaValue[args.narg()];
            for (int i = 0; i < values.length; i++) {
                values[i] = args.arg(i + 1);
            }
            values[index - 1] = value;
            return LuaValue.varargsOf(values);
        }

        /** luaj's own argerror says "bad argument #1: invalid value"; Lua 5.1 names the function. */
        private LuaError named(LuaError e) {
            String message = e.getMessage();
            if (message != null && message.startsWith("bad argument #") && message.indexOf(": ") > 0
                    && !message.contains(" to '")) {
                int colon = message.indexOf(": ");
                return new LuaError(message.substring(0, colon) + " to '" + name + "' (" + message.substring(colon + 2)
                        + ")");
            }
            return e;
        }

        private void check(Varargs args, int index, char kind, boolean optional) {
            LuaValue v = args.arg(index);
            boolean none = index > args.narg();
            if (optional && v.isnil()) {
                return;
            }
            boolean ok = switch (kind) {
                case 's' -> v.isstring();
                case 'n' -> !Tonumber.numberOrNil(v).isnil();
                case 't' -> v.istable();
                case 'f' -> v.isfunction();
                default -> !none;
            };
            if (ok) {
                return;
            }
            String problem = kind == 'a' ? "value expected" : expected(kind) + " expected, got "
                    + (none ? "no value" : v.typename());
            throw new LuaError("bad argument #" + index + " to '" + name + "' (" + problem + ")");
        }

        private static String expected(char kind) {
            return switch (kind) {
                case 's' -> "string";
                case 'n' -> "number";
                case 't' -> "table";
                default -> "function";
            };
        }
    }

    /** The checks of the base, string, math and table functions Redis scripts have. */
    public static void install(LuaTable globals) {
        for (String[] f : new String[][] {{"assert", "a"}, {"tostring", "a"}, {"tonumber", "a n?"}, {"type", "a"},
                {"unpack", "t n? n?"}, {"ipairs", "t"}, {"pairs", "t"}, {"next", "t"}, {"rawget", "t a"},
                {"rawset", "t a a"}, {"rawequal", "a a"}, {"getmetatable", "a"}, {"setmetatable", "t"}}) {
            check(globals, f[0], f[1]);
        }
        LuaTable string = (LuaTable) globals.get("string");
        for (String[] f : new String[][] {{"byte", "s n? n?"}, {"char", "n*"}, {"find", "s s n?"}, {"format", "s"},
                {"gmatch", "s s"}, {"gfind", "s s"}, {"gsub", "s s a? n?"}, {"len", "s"}, {"lower", "s"},
                {"upper", "s"}, {"match", "s s n?"}, {"rep", "s n"}, {"reverse", "s"}, {"sub", "s n n?"}}) {
            check(string, f[0], f[1]);
        }
        LuaTable math = (LuaTable) globals.get("math");
        for (String f : new String[] {"abs", "ceil", "floor", "sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin",
                "acos", "atan", "sinh", "cosh", "tanh", "deg", "rad", "frexp", "modf", "randomseed"}) {
            check(math, f, "n");
        }
        for (String f : new String[] {"fmod", "pow", "atan2", "ldexp"}) {
            check(math, f, "n n");
        }
        check(math, "max", "n n*");
        check(math, "min", "n n*");
        check(math, "random", "n? n?");
        check((LuaTable) globals.get("cjson"), "decode", "s");
        check((LuaTable) globals.get("cmsgpack"), "unpack", "s");
        LuaTable table = (LuaTable) globals.get("table");
        for (String[] f : new String[][] {{"concat", "t s? n? n?"}, {"insert", "t"}, {"remove", "t n?"},
                {"sort", "t f?"}, {"getn", "t"}, {"maxn", "t"}, {"foreach", "t f"}, {"foreachi", "t f"}}) {
            check(table, f[0], f[1]);
        }
    }
}
