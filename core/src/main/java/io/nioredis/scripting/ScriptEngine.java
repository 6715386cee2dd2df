package io.nioredis.scripting;

import io.nioredis.scripting.libs.BitLib;
import io.nioredis.scripting.libs.CjsonLib;
import io.nioredis.scripting.libs.CmsgpackLib;
import io.nioredis.scripting.libs.StructLib;
import io.nioredis.scripting.lua51.CNumberFormat;
import io.nioredis.scripting.lua51.CallTracker;
import io.nioredis.scripting.lua51.CaughtError;
import io.nioredis.scripting.lua51.Lua51Arguments;
import io.nioredis.scripting.lua51.Lua51Library;
import io.nioredis.scripting.lua51.RedisRandom;
import io.nioredis.scripting.lua51.ScriptKilledError;
import io.nioredis.text.Ascii;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaFunction;
import org.luaj.vm2.LuaNumber;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.CoroutineLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.TwoArgFunction;
import org.luaj.vm2.lib.jse.JseBaseLib;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.luaj.vm2.lib.StringLib;

/**
 * The Lua interpreter behind EVAL and FCALL: one per server, created on the first script (nothing of Lua
 * is loaded before), used from the server thread only. EVAL bodies compile to functions kept by SHA1 as
 * Redis's f_&lt;sha&gt;, chunk "@user_script"; FUNCTION LOAD libraries compile as "@user_function" in their
 * own global table. Runs return the script's result as a {@link ScriptReply}, errors included, with
 * Redis 7.0's texts.
 */
public final class ScriptEngine {

    /** FUNCTION LOAD stops a library whose loading code runs longer than this (Redis's LOAD_TIMEOUT_MS). */
    private static final long LOAD_TIMEOUT_NANOS = 500_000_000L;
    /** Heap of an engine with its libraries built and nothing compiled (see ScriptEngineFootprintTest). */
    private static final long BASE_MEMORY = 20 * 1024;
    /** The globals every EVAL sets, made once: a name given as a Java string is converted at every set. */
    private static final LuaString KEYS = LuaString.valueOf("KEYS");
    private static final LuaString ARGV = LuaString.valueOf("ARGV");

    private static final String NONEXISTENT_GLOBAL = "Script attempted to access nonexistent global variable '";

    private final ScriptGlobals globals = new ScriptGlobals();
    private final ScriptGlobals functionGlobals = new ScriptGlobals();
    private final CallTracker tracker = new CallTracker();
    private final RedisRandom random = new RedisRandom();
    private final RedisLib.RunState run = new RedisLib.RunState();
    private final RegisterFunction registerFunction;
    private final LuaTable loadApi = new LuaTable();
    private LuaTable functionApi;
    private final Map<String, CompiledScript> scripts = new HashMap<>();
    private final LibraryNames libraryNames = new LibraryNames();
    /** The script {@link #script(byte[], int, int)} found last and its SHA1's bytes (lower-case hex). */
    private CompiledScript lastFound;
    private byte[] lastFoundSha;

    private ScriptEngine() {
        run.tracker = tracker;
        registerFunction = new RegisterFunction(run);
        setUpScriptGlobals();
        setUpFunctionGlobals();
        libraryNames.addKeysOf(globals);
        libraryNames.addKeysOf(loadApi);
        libraryNames.add(KEYS);
        libraryNames.add(ARGV);
    }

    /** Loads the interpreter and its libraries (the cost of the first script). */
    public static ScriptEngine create() {
        return new ScriptEngine();
    }

    public static String sha1hex(byte[] body) {
        return RedisLib.sha1hex(body);
    }

    private void setUpScriptGlobals() {
        Globals g = globals;
        g.load(new JseBaseLib());
        g.load(new PackageLib());
        g.load(new TableLib());
        g.load(new StringLib());
        g.load(new CoroutineLib());
        g.load(new JseMathLib());
        LoadState.install(g);
        LuaC.install(g);
        tracker.install(g);
        Lua51Library.install(g, tracker, random);
        g.set("redis", RedisLib.runtime(run));
        g.set("bit", BitLib.create());
        g.set("cjson", CjsonLib.create());
        g.set("struct", StructLib.create());
        g.set("cmsgpack", CmsgpackLib.create());
        g.set("__redis__err__handler", new LuaFunction() {});
        Lua51Arguments.install(g);
        for (String library : new String[] {"string", "table", "math", "coroutine", "redis", "bit", "cjson", "struct",
                "cmsgpack"}) {
            g.set(library, ReadonlyTable.copyOf((LuaTable) g.get(library)));
        }
        LuaTable stringMeta = new LuaTable();
        stringMeta.set(LuaValue.INDEX, g.get("string"));
        LuaString.s_metatable = stringMeta;
        LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, new NonexistentGlobal(null));
        g.setmetatable(meta);
        globals.seal();
    }

    /**
     * Library code sees only the load API (redis.register_function, redis.log, the version) while it
     * loads, as Redis 7.0; the functions it registers later run with the full API. Both reach the
     * function globals through its __index, which is switched between the two tables.
     */
    private void setUpFunctionGlobals() {
        Globals g = functionGlobals;
        LoadState.install(g);
        LuaC.install(g);
        tracker.install(g);
        tracker.install(globals);
        LuaTable loadRedis = new LuaTable();
        loadRedis.set("register_function", registerFunction);
        RedisLib.addLogAndVersion(loadRedis, run);
        LuaTable redisMeta = new LuaTable();
        redisMeta.set(LuaValue.INDEX, new NonexistentGlobal(null));
        loadRedis.setmetatable(redisMeta);
        loadApi.set("redis", ReadonlyTable.copyOf(loadRedis));
        functionApi = globals;
        LuaTable meta = new LuaTable();
        meta.set(LuaValue.INDEX, new NonexistentGlobal(this));
        g.setmetatable(meta);
        functionGlobals.seal();
    }

    /** __index of a global table: the current API for function globals, else the Redis error. */
    private static final class NonexistentGlobal extends TwoArgFunction {
        private final ScriptEngine functions;

        NonexistentGlobal(ScriptEngine functions) {
            this.functions = functions;
        }

        @Override
        public LuaValue call(LuaValue table, LuaValue key) {
            if (functions != null && !isEvalOnly(key)) {
                LuaValue v = functions.functionApi.rawget(key);
                if (!v.isnil()) {
                    return v;
                }
            }
            throw new LuaError(NONEXISTENT_GLOBAL + key.tojstring() + "'");
        }
    }

    /** KEYS and ARGV belong to EVAL; functions get theirs as arguments. */
    private static boolean isEvalOnly(LuaValue key) {
        return key.type() == LuaValue.TSTRING && (key.tojstring().equals("KEYS") || key.tojstring().equals("ARGV"));
    }

    /**
     * Compiles an EVAL body (or finds it compiled) and keeps it by its SHA1, for EVAL, EVALSHA and
     * SCRIPT LOAD. Throws {@link ScriptException} with Redis's text for a bad shebang or a syntax error.
     */
    public CompiledScript compile(byte[] body) {
        String sha = sha1hex(body);
        CompiledScript known = scripts.get(sha);
        if (known != null) {
            return known;
        }
        boolean shebang = Shebang.present(body);
        Set<ScriptFlag> flags = shebang ? Shebang.scriptFlags(body) : ScriptFlag.none();
        int skip = shebang ? Shebang.lineLength(body) : 0;
        LuaFunction function;
        try {
            function = (LuaFunction) globals.load(new ByteArrayInputStream(body, skip, body.length - skip),
                    "@user_script", "t", globals);
        } catch (LuaError e) {
            throw new ScriptException("ERR Error compiling script (new function): " + compileMessage(e));
        }
        libraryNames.share(((org.luaj.vm2.LuaClosure) function).p);
        CompiledScript script = new CompiledScript(sha, shebang, flags, function);
        scripts.put(sha, script);
        return script;
    }

    private static final String[] RESERVED = {"and", "break", "do", "else", "elseif", "end", "false", "for",
            "function", "goto", "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until",
            "while", "..", "...", "==", ">=", "<=", "~=", "::", "<eof>"};
    private static final java.util.regex.Pattern LUAJ_UNEXPECTED =
            java.util.regex.Pattern.compile("unexpected symbol (\\d+) \\(.\\)$", java.util.regex.Pattern.DOTALL);

    /** luaj's syntax errors without its "load " prefix, and "unexpected symbol" named as Lua 5.1 does. */
    private static String compileMessage(LuaError e) {
        String m = e.getMessage();
        m = m.startsWith("load ") ? m.substring(5) : m;
        java.util.regex.Matcher unexpected = LUAJ_UNEXPECTED.matcher(m);
        if (unexpected.find()) {
            int token = Integer.parseInt(unexpected.group(1));
            String near = token < 257 ? String.valueOf((char) token)
                    : token - 257 < RESERVED.length ? RESERVED[token - 257] : "?";
            m = m.substring(0, unexpected.start()) + "unexpected symbol near '" + near + "'";
        }
        return m;
    }

    /** The script SCRIPT LOAD or EVAL compiled with this SHA1 (lower-case hex), or null: NOSCRIPT. */
    public CompiledScript script(String sha) {
        return scripts.get(sha);
    }

    /**
     * The script whose SHA1 these bytes spell in hex of either case, or null: EVALSHA's lookup. The script
     * found last is kept with its SHA1's bytes, since clients send the same few scripts again and again: the
     * request's bytes are compared with those instead of being made a lower-case string and hashed.
     */
    public CompiledScript script(byte[] b, int off, int len) {
        if (lastFound != null && Ascii.equalsIgnoreCase(b, off, len, lastFoundSha)) {
            return lastFound;
        }
        String sha = new String(b, off, len, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        CompiledScript found = scripts.get(sha);
        if (found != null) {
            lastFound = found;
            lastFoundSha = found.sha().getBytes(StandardCharsets.US_ASCII);
        }
        return found;
    }

    /** SCRIPT FLUSH. */
    public void flushScripts() {
        scripts.clear();
        lastFound = null;
        lastFoundSha = null;
    }

    public int scriptCount() {
        return scripts.size();
    }

    /**
     * The library name of a FUNCTION LOAD payload, checked as Redis does before it compiles anything, so
     * the caller can refuse an existing library first ("Library 'x' already exists").
     */
    public static String libraryName(byte[] code) {
        return Shebang.libraryName(code);
    }

    /**
     * An estimate of the heap the interpreter holds for EVAL scripts (INFO's used_memory_lua): the empty
     * engine plus the compiled code, constants and line tables of every cached script.
     */
    public long usedMemory() {
        long total = BASE_MEMORY;
        for (CompiledScript script : scripts.values()) {
            total += prototypeBytes(((org.luaj.vm2.LuaClosure) script.function()).p);
        }
        return total;
    }

    /** A library's compiled size, counted like {@link #usedMemory} (INFO's used_memory_vm_functions). */
    public static long libraryMemory(FunctionLibrary library) {
        long total = 0;
        for (RegisteredFunction f : library.functions().values()) {
            if (f.callback() instanceof org.luaj.vm2.LuaClosure closure) {
                total += prototypeBytes(closure.p);
            }
        }
        return total;
    }

    private static long prototypeBytes(org.luaj.vm2.Prototype p) {
        long bytes = 96 + 4L * p.code.length + 16L * p.k.length
                + (p.lineinfo == null ? 0 : 4L * p.lineinfo.length);
        for (LuaValue k : p.k) {
            if (k instanceof LuaString text) {
                bytes += 24 + text.m_length;
            }
        }
        for (org.luaj.vm2.Prototype child : p.p) {
            bytes += prototypeBytes(child);
        }
        return bytes;
    }

    /** EVAL / EVALSHA: runs with the KEYS and ARGV globals; the error names the script by its SHA1. */
    public ScriptReply eval(CompiledScript script, byte[][] keys, byte[][] args, ScriptHost host) {
        globals.setInternal(KEYS, array(keys));
        globals.setInternal(ARGV, array(args));
        return run(script.function(), script.sha(), LuaValue.NONE, host);
    }

    /** FCALL / FCALL_RO: calls the function with (keys, args); the error names the function. */
    public ScriptReply fcall(RegisteredFunction function, byte[][] keys, byte[][] args, ScriptHost host) {
        return run(function.callback(), function.name(), LuaValue.varargsOf(array(keys), array(args)), host);
    }

    private ScriptReply run(LuaFunction function, String name, org.luaj.vm2.Varargs args, ScriptHost host) {
        run.host = host;
        run.resp = 2;
        tracker.start(host);
        try {
            LuaValue result = function.invoke(args).arg1();
            return LuaReplies.toReply(result, run.resp);
        } catch (ScriptKilledError killed) {
            LuaTable error = LuaReplies.tableWith(LuaReplies.ERR_KEY, LuaValue.valueOf(ScriptKilledError.MESSAGE));
            return new ScriptReply.Error(errorText(new CaughtError(error, tracker.killedAt()), name));
        } catch (LuaError e) {
            return new ScriptReply.Error(errorText(CaughtError.of(e, tracker), name));
        } catch (StackOverflowError e) {
            return new ScriptReply.Error("ERR Error running script " + name + ", stack overflow");
        } catch (OutOfMemoryError e) {
            // A string past Java's 2 GB array limit, or a script that filled the heap: its garbage goes once
            // it has unwound, and the server must stay up (it killed the event loop thread before).
            return new ScriptReply.Error("ERR Error running script " + name + ", not enough memory");
        } catch (RuntimeException e) {
            // A library function failing in Java (a bug of ours) ends the script, never the connection.
            return new ScriptReply.Error("ERR Error running script " + name + ", " + e);
        } finally {
            tracker.finish();
            run.host = null;
        }
    }

    /** Redis's __redis__err__handler and luaCallFunction: "-msg script: name, on @user_script:N." */
    static String errorText(CaughtError caught, String name) {
        LuaValue value = caught.value();
        String message;
        if (value instanceof LuaTable table && table.rawget("err").isstring()) {
            message = table.rawget("err").tojstring();
        } else {
            message = "ERR " + (value instanceof LuaNumber ? CNumberFormat.lua(value.todouble()) : value.tojstring());
        }
        StringBuilder text = new StringBuilder(LuaReplies.errorText(message));
        if (caught.at() != null) {
            text.append(" script: ").append(name).append(", on ").append(caught.at().source()).append(':')
                    .append(caught.at().line()).append('.');
        }
        return text.toString();
    }

    /**
     * FUNCTION LOAD: parses the "#!lua name=" line, runs the library with the load API and returns what
     * it registered. Throws {@link ScriptException} with Redis's texts. Replacing or refusing an existing
     * library of that name is the caller's business.
     */
    public FunctionLibrary loadLibrary(byte[] code, ScriptLog log) {
        String name = Shebang.libraryName(code);
        int skip = Shebang.lineLength(code);
        LuaFunction body;
        try {
            body = (LuaFunction) functionGlobals.load(new ByteArrayInputStream(code, skip, code.length - skip),
                    "@user_function", "t", functionGlobals);
        } catch (LuaError e) {
            throw new ScriptException("ERR Error compiling function: " + compileMessage(e));
        }
        libraryNames.share(((org.luaj.vm2.LuaClosure) body).p);
        functionApi = loadApi;
        registerFunction.begin(name);
        run.resp = 2;
        long deadline = System.nanoTime() + LOAD_TIMEOUT_NANOS;
        // The load API has no redis.call; redis.log writes to the server's log, as in Redis.
        ScriptHost loading = new ScriptHost() {
            @Override
            public ScriptReply call(boolean raiseErrors, byte[][] argv) {
                throw new IllegalStateException("no commands while a library loads");
            }

            @Override
            public void log(int level, byte[] message) {
                log.log(level, message);
            }

            @Override
            public boolean shouldKill() {
                return System.nanoTime() - deadline > 0;
            }
        };
        run.host = loading;
        tracker.start(loading);
        Map<String, RegisteredFunction> functions;
        try {
            body.invoke(LuaValue.NONE);
        } catch (ScriptKilledError timeout) {
            throw new ScriptException("ERR Error registering functions: ERR FUNCTION LOAD timeout");
        } catch (LuaError e) {
            CaughtError caught = CaughtError.of(e, tracker);
            String message = errorText(new CaughtError(caught.value(), null), name);
            throw new ScriptException("ERR Error registering functions: " + message);
        } catch (StackOverflowError e) {
            throw new ScriptException("ERR Error registering functions: stack overflow");
        } finally {
            functions = registerFunction.end();
            functionApi = globals;
            tracker.finish();
            run.host = null;
        }
        if (functions == null || functions.isEmpty()) {
            throw new ScriptException("ERR No functions registered");
        }
        return new FunctionLibrary(name, code.clone(), java.util.Collections.unmodifiableMap(functions));
    }

    private static LuaTable array(byte[][] items) {
        LuaTable t = new LuaTable(items.length, 0);
        for (int i = 0; i < items.length; i++) {
            t.rawset(i + 1, LuaString.valueUsing(items[i]));
        }
        return t;
    }
}
