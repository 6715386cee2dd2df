package io.nioredis.scripting.lua51;

import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A caught Lua error as Lua 5.1 would hand it to pcall: the error value, and where the innermost Lua
 * function stood when it was raised. luaj writes positions as "source:LINE msg" and appends a traceback;
 * {@link CallTracker#traceback} marks that text so it can be turned back into "user_script:LINE: msg".
 */
public record CaughtError(LuaValue value, CallTracker.SourceLine at) {

    /** Appended by luaj after the message, in place of a traceback: MARK + fileline length + MARK + prefix. */
    static final char MARK = '\u0000';

    /**
     * The tracker supplies the position when no Lua function caught the error on its way out: a library
     * function raising from a tail call ("return cjson.decode(s)"), which luaj runs after its caller has
     * returned but Lua 5.1 inside it.
     */
    public static CaughtError of(LuaError e, CallTracker tracker) {
        if (e instanceof RaisedError raised) {
            return new CaughtError(raised.value, raised.raisedAt);
        }
        String message = e.getMessage();
        if (message == null) {
            return new CaughtError(LuaValue.NIL, null);
        }
        int end = message.lastIndexOf("\n" + MARK);
        if (end < 0) {
            CallTracker.SourceLine at = tracker.where(1);
            String text = Lua51Messages.of(message);
            return new CaughtError(LuaValue.valueOf(at == null ? text : at.prefix() + text), at);
        }
        String marker = message.substring(end + 2);
        int split = marker.indexOf(MARK);
        int filelineLength = Integer.parseInt(marker.substring(0, split));
        String[] sourceAndLine = marker.substring(split + 1).split("\u0001");
        String text = message.substring(0, end);
        String body = Lua51Messages.of(text.length() > filelineLength ? text.substring(filelineLength + 1) : "");
        CallTracker.SourceLine at = new CallTracker.SourceLine(sourceAndLine[0], Integer.parseInt(sourceAndLine[1]));
        return new CaughtError(LuaValue.valueOf(at.prefix() + body), at);
    }

    /**
     * An error pcall or xpcall caught from the function it called. When that is a library function that
     * raised the error itself (no Lua function caught it on its way out), Lua 5.1's luaL_where looks one
     * level up, finds pcall, a C function, and adds no position: pcall(string.find, s, '[') gives
     * "malformed pattern (missing ']')".
     */
    static CaughtError ofCall(LuaValue function, LuaError e, CallTracker tracker) {
        String message = e.getMessage();
        if (!(function instanceof LuaClosure) && !(e instanceof RaisedError) && message != null
                && message.lastIndexOf("\n" + MARK) < 0) {
            return new CaughtError(LuaValue.valueOf(Lua51Messages.of(message)), null);
        }
        return of(e, tracker);
    }

    /** What Redis's pcall returns: the err text of an error table, else the value itself. */
    LuaValue forPcall() {
        if (value instanceof LuaTable table) {
            LuaValue err = table.rawget("err");
            if (err.isstring()) {
                return err;
            }
        }
        return value;
    }
}
