package io.nioredis;

import io.nioredis.scripting.CompiledScript;
import io.nioredis.scripting.FunctionLibraries;
import io.nioredis.scripting.ScriptEngine;

/**
 * The server's scripting side: the Lua engine, created by the first script that needs it (a server that
 * never runs one loads nothing of Lua), the script cache's size, the function libraries, and the script
 * running now.
 */
public final class ScriptingState {
    /** What Redis counts for a cached script beyond its body: the dict entry, the SHA1 key, the script struct. */
    private static final int SCRIPT_OVERHEAD = 96;

    public final RunningScript running = new RunningScript();
    private ScriptEngine engine;
    private FunctionLibraries libraries;
    private long scriptBytes;

    /** The engine, loading it on first use. */
    public ScriptEngine engine() {
        if (engine == null) {
            engine = ScriptEngine.create();
        }
        return engine;
    }

    public boolean engineLoaded() {
        return engine != null;
    }

    /** The function libraries, empty until the first FUNCTION LOAD or RESTORE. */
    public FunctionLibraries libraries() {
        if (libraries == null) {
            libraries = new FunctionLibraries();
        }
        return libraries;
    }

    /**
     * EVAL and SCRIPT LOAD: compiles the body, or finds it already compiled, and counts a new one for INFO.
     * Throws the engine's ScriptException for a bad shebang or a syntax error.
     */
    public CompiledScript compile(byte[] body) {
        ScriptEngine e = engine();
        int before = e.scriptCount();
        CompiledScript script = e.compile(body);
        if (e.scriptCount() != before) {
            scriptBytes += body.length + script.sha().length() + SCRIPT_OVERHEAD;
        }
        return script;
    }

    /** SCRIPT FLUSH. */
    public void flushScripts() {
        if (engine != null) {
            engine.flushScripts();
        }
        scriptBytes = 0;
    }

    public int cachedScripts() {
        return engine == null ? 0 : engine.scriptCount();
    }

    /** INFO's used_memory_scripts_eval: the bodies and bookkeeping of the cached scripts. */
    public long scriptBytes() {
        return scriptBytes;
    }

    /** INFO's used_memory_lua: the interpreter's heap for EVAL scripts, 0 while it is not loaded. */
    public long luaMemory() {
        return engine == null ? 0 : engine.usedMemory();
    }

    public int functionCount() {
        return libraries == null ? 0 : libraries.functionCount();
    }

    public int libraryCount() {
        return libraries == null ? 0 : libraries.libraryCount();
    }
}
