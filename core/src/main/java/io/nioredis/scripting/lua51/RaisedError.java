package io.nioredis.scripting.lua51;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaValue;

/**
 * A Lua error carrying its value exactly (a positioned string from error(), or a {err=...} table from
 * redis.call), together with where the innermost Lua function stood when it was raised, which Redis's
 * error handler puts after "script: ..., on ".
 */
public final class RaisedError extends LuaError {

    public final LuaValue value;
    final CallTracker.SourceLine raisedAt;

    public RaisedError(LuaValue value, CallTracker.SourceLine raisedAt) {
        super(value);
        this.value = value;
        this.raisedAt = raisedAt;
    }
}
