package io.nioredis.scripting.lua51;

/**
 * Unwinds a script stopped by SCRIPT KILL / FUNCTION KILL. An Error, not a LuaError, so neither luaj's
 * closures nor our pcall catch it.
 */
public final class ScriptKilledError extends Error {

    public static final String MESSAGE = "ERR Script killed by user with SCRIPT KILL...";

    ScriptKilledError() {
        super(MESSAGE, null, false, false);
    }
}
