package io.nioredis.scripting.lua51;

import java.io.ByteArrayInputStream;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Varargs;
import org.luaj.vm2.lib.OneArgFunction;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.VarArgFunction;
import org.luaj.vm2.lib.ZeroArgFunction;

/**
 * Turns luaj's Lua 5.2 base, table, string and math libraries into the Lua 5.1 ones Redis scripts see:
 * adds unpack, loadstring, gcinfo, table.getn/setn/foreach/foreachi/maxn, math.mod, string.gfind; puts
 * back Lua 5.1's error positions, tostring and string.format number texts, its pattern matching, Redis's
 * pcall and its deterministic math.random; removes what Redis leaves out (print, dofile, loadfile, require,
 * package, os, io, debug, and 5.2's rawlen, table.pack/unpack, bit32).
 */
public final class Lua51Library {

    private Lua51Library() {}

    public static void install(Globals g, CallTracker tracker, RedisRandom random) {
        LuaTable table = (LuaTable) g.get("table");
        LuaTable string = (LuaTable) g.get("string");
        LuaTable math = (LuaTable) g.get("math");
        LuaValue unpack = table.get("unpack");

        LuaFunction tostring = new Tostring();
        g.set("tostring", tostring);
        g.set("error", new ErrorFunction(tracker));
        g.set("pcall", new Pcall(tracker));
        g.set("xpcall", new Xpcall(tracker));
        g.set("unpack", unpack);
        g.set("tonumber", new Tonumber());
        g.set("loadstring", new Loadstring(g));
        g.set("gcinfo", new Gcinfo());
        g.set("_VERSION", "Lua 5.1");
        for (String removed : new String[] {"print", "dofile", "loadfile", "require", "package", "os", "io", "debug",
                "rawlen", "bit32", "module"}) {
            g.set(removed, LuaValue.NIL);
        }

        table.set("pack", LuaValue.NIL);
        table.set("unpack", LuaValue.NIL);
        table.set("concat", new Concat());
        table.set("insert", new TableInsertRemove.Insert());
        table.set("remove", new TableInsertRemove.Remove());
        table.set("getn", new Getn());
        table.set("setn", new ErrorOnCall("'setn' is obsolete"));
        table.set("maxn", new Maxn());
        table.set("foreach", new Foreach(false));
        table.set("foreachi", new Foreach(true));

        string.set("format", new StringFormatFunction(tostring));
        PatternFunctions.install(string, tracker);
        string.set("rep", new Rep());
        string.set("upper", new ChangeCase(true));
        string.set("lower", new ChangeCase(false));

        math.set("mod", math.get("fmod"));
        math.set("log10", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue x) {
                return LuaValue.valueOf(Math.log10(x.checkdouble()));
            }
        });
        math.set("random", new MathRandom(random));
        math.set("randomseed", new OneArgFunction() {
            @Override
            public LuaValue call(LuaValue seed) {
                random.seed((int) seed.checkdouble());
                return NONE;
            }
        });
    }

    /**
     * table.concat(t [, sep [, i [, j]]]) as Lua 5.1: numbers as "%.14g", and Redis's Lua names the
     * offending value's type and index ("invalid value (table) at index 2 in table for 'concat'").
     */
    static final class Concat extends VarArgFunction {
        @Override
        public Varargs invoke(Varargs args) {
            LuaTable t = args.checktable(1);
            LuaString sep = args.optstring(2, EMPTYSTRING);
            int first = args.optint(3, 1);
            int last = args.isnoneornil(4) ? t.length() : args.checkint(4);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = first; i <= last; i++) {
                LuaValue v = t.rawget(i);
                if (!v.isstring()) {
                    throw new LuaError("invalid value (" + v.typename() + ") at index " + i + " in table for 'concat'");
                }
                LuaString text = v instanceof LuaNumber ? LuaValue.valueOf(CNumberFormat.lua(v.todouble())) : v.checkstring();
                out.write(text.m_bytes, text.m_offset, text.m_length);
                if (i != last) {
                    out.write(sep.m_bytes, sep.m_offset, sep.m_length);
                }
            }
            return LuaString.valueUsing(out.toByteArray());
        }
    }

    /**
     * string.upper / string.lower byte by byte in the C locale, as Redis's Lua: only ASCII letters change
     * (luaj's go through Java strings and mangle bytes above 127).
     */
    static final class ChangeCase extends OneArgFunction {
        private final boolean upper;

        ChangeCase(boolean upper) {
            this.upper = upper;
        }

        @Override
        public LuaValue call(LuaValue s) {
            LuaString text = s.checkstring();
            byte[] out = new byte[text.length()];
            text.copyInto(0, out, 0, out.length);
            for (int i = 0; i < out.length; i++) {
                byte b = out[i];
                if (upper && b >= 'a' && b <= 'z') {
                    out[i] = (byte) (b - 32);
                } else if (!upper && b >= 'A' && b <= 'Z') {
                    out[i] = (byte) (b + 32);
                }
            }
            return LuaString.valueUsing(out);
        }
    }

    /** string.rep(s, n): Lua 5.1 gives "" for n <= 0 (luaj's throws for a negative count). */
    static final class Rep extends TwoArgFunction {
        @Override
        public LuaValue call(LuaValue s, LuaValue n) {
            LuaString text = s.checkstring();
            int count = n.checkint();
            if (count <= 0 || text.length() == 0) {
                return EMPTYSTRING;
            }
            byte[] out = new byte[Math.multiplyExact(text.length(), count)];
            for (int i = 0; i < count; i++) {
                text.copyInto(0, out, i * text.length(), text.length());
            }
            return LuaString.valueUsing(out);
        }
    }

    /** Lua 5.1's tostring: numbers as "%.14g". */
    static final class Tostring extends OneArgFunction {
        @Override
        public LuaValue call(LuaValue v) {
            LuaValue h = v.metatag(TOSTRING);
            if (!h.isnil()) {
                return h.call(v);
            }
            if (v instanceof LuaNumber) {
                return LuaValue.valueOf(CNumberFormat.lua(v.todouble()));
            }
            if (v.isstring()) {
                return v;
            }
            return LuaValue.valueOf(v.tojstring());
        }
    }

    /** error(message [, level]): Lua 5.1 puts "chunk:line: " before string messages for level > 0. */
    static final class ErrorFunction extends TwoArgFunction {
        private final CallTracker tracker;

        ErrorFunction(CallTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public LuaValue call(LuaValue message, LuaValue level) {
            int at = level.optint(1);
            LuaValue value = message;
            if (message.isstring() && at > 0) {
                CallTracker.SourceLine where = tracker.where(at);
                String text = message instanceof LuaNumber ? CNumberFormat.lua(message.todouble()) : null;
                LuaString body = text != null ? LuaValue.valueOf(text) : message.checkstring();
                value = where == null ? body : LuaValue.valueOf(where.prefix()).concat(body);
            }
            throw new RaisedError(value, tracker.where(1));
        }
    }

    /**
     * Redis 7.0's pcall (luaRedisPcall): Lua's pcall, except that an error table carrying an err field
     * is handed back as that err string. A killed script is not caught.
     */
    static final class Pcall extends VarArgFunction {
        private final CallTracker tracker;

        Pcall(CallTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue function = args.checkvalue(1);
            try {
                return varargsOf(TRUE, function.invoke(args.subargs(2)));
            } catch (LuaError e) {
                return varargsOf(FALSE, CaughtError.ofCall(function, e, tracker).forPcall());
            } catch (StackOverflowError e) {
                return varargsOf(FALSE, valueOf("stack overflow"));
            } catch (OutOfMemoryError e) {
                return varargsOf(FALSE, valueOf("not enough memory")); // Lua's LUA_ERRMEM message
            }
        }
    }

    /** xpcall(f, handler) as Lua 5.1: no arguments for f; the handler maps the error value. */
    static final class Xpcall extends VarArgFunction {
        private final CallTracker tracker;

        Xpcall(CallTracker tracker) {
            this.tracker = tracker;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaValue function = args.arg1();
            LuaValue handler = args.arg(2);
            try {
                return varargsOf(TRUE, function.invoke());
            } catch (LuaError e) {
                return varargsOf(FALSE, handler.call(CaughtError.ofCall(function, e, tracker).value()));
            } catch (StackOverflowError e) {
                return varargsOf(FALSE, handler.call(valueOf("stack overflow")));
            } catch (OutOfMemoryError e) {
                return varargsOf(FALSE, handler.call(valueOf("not enough memory")));
            }
        }
    }

    /** loadstring(text [, chunkname]): compiles in the script globals; nil and the message on failure. */
    static final class Loadstring extends VarArgFunction {
        private final Globals globals;

        Loadstring(Globals globals) {
            this.globals = globals;
        }

        @Override
        public Varargs invoke(Varargs args) {
            LuaString source = args.checkstring(1);
            String name = args.isnoneornil(2) ? source.tojstring() : args.checkjstring(2);
            try {
                return globals.load(new ByteArrayInputStream(source.m_bytes, source.m_offset, source.m_length), name,
                        "t", globals);
            } catch (LuaError e) {
                return varargsOf(NIL, valueOf(e.getMessage()));
            }
        }
    }

    static final class Gcinfo extends ZeroArgFunction {
        @Override
        public LuaValue call() {
            Runtime rt = Runtime.getRuntime();
            return valueOf((int) ((rt.totalMemory() - rt.freeMemory()) / 1024));
        }
    }

    static final class Getn extends OneArgFunction {
        @Override
        public LuaValue call(LuaValue t) {
            return valueOf(t.checktable().rawlen());
        }
    }

    static final class Maxn extends OneArgFunction {
        @Override
        public LuaValue call(LuaValue t) {
            LuaTable table = t.checktable();
            double max = 0;
            LuaValue k = NIL;
            while (true) {
                Varargs next = table.next(k);
                k = next.arg1();
                if (k.isnil()) {
                    return valueOf(max);
                }
                if (k.isnumber() && k.todouble() > max) {
                    max = k.todouble();
                }
            }
        }
    }

    /** table.foreach / table.foreachi: call f(k, v) until it returns non-nil. */
    static final class Foreach extends TwoArgFunction {
        private final boolean arrayPart;

        Foreach(boolean arrayPart) {
            this.arrayPart = arrayPart;
        }

        @Override
        public LuaValue call(LuaValue t, LuaValue f) {
            LuaTable table = t.checktable();
            LuaFunction function = f.checkfunction();
            if (arrayPart) {
                int n = table.rawlen();
                for (int i = 1; i <= n; i++) {
                    LuaValue r = function.call(valueOf(i), table.rawget(i));
                    if (!r.isnil()) {
                        return r;
                    }
                }
                return NIL;
            }
            LuaValue k = NIL;
            while (true) {
                Varargs next = table.next(k);
                k = next.arg1();
                if (k.isnil()) {
                    return NIL;
                }
                LuaValue r = function.call(k, next.arg(2));
                if (!r.isnil()) {
                    return r;
                }
            }
        }
    }

    static final class ErrorOnCall extends VarArgFunction {
        private final String message;

        ErrorOnCall(String message) {
            this.message = message;
        }

        @Override
        public Varargs invoke(Varargs args) {
            throw new LuaError(message);
        }
    }

    /** Redis's math_random over redisLrand48 (lmathlib.c as patched by Redis). */
    static final class MathRandom extends VarArgFunction {
        private final RedisRandom random;

        MathRandom(RedisRandom random) {
            this.random = random;
        }

        @Override
        public Varargs invoke(Varargs args) {
            double r = random.nextFraction();
            switch (args.narg()) {
                case 0:
                    return valueOf(r);
                case 1: {
                    int u = (int) args.checkdouble(1);
                    if (u < 1) {
                        throw new LuaError("bad argument #1 to 'random' (interval is empty)");
                    }
                    return valueOf(Math.floor(r * u) + 1);
                }
                case 2: {
                    int l = (int) args.checkdouble(1);
                    int u = (int) args.checkdouble(2);
                    if (l > u) {
                        throw new LuaError("bad argument #2 to 'random' (interval is empty)");
                    }
                    return valueOf(Math.floor(r * (u - l + 1)) + l);
                }
                default:
                    throw new LuaError("wrong number of arguments");
            }
        }
    }

    public static byte[] bytes(LuaString s) {
        byte[] out = new byte[s.length()];
        s.copyInto(0, out, 0, out.length);
        return out;
    }

}
