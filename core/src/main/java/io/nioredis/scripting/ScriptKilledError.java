package io.nioredis.scripting;

/**
 * Unwinds a script stopped by SCRIPT KILL / FUNCTION KILL. An Error, not a LuaError, so neither luaj's
 * closures nor our pcall catch it.
 */
final class ScriptKilledError extends Error {

    static final String MESSAGE = "ERR Script killed by user with SCRIPT KILL...";

    ScriptKilledError() {
        super(MESSAGE, null, false, false);
    }
}
