package io.nioredis.scripting;

import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaValue;

/**
 * The global table scripts see. Like Redis 7.0 it is read-only once set up (creating a global raises
 * "Attempt to modify a readonly table") and reading a global that does not exist raises
 * "Script attempted to access nonexistent global variable 'x'". Only the engine writes to it, through
 * {@link #setInternal} (KEYS and ARGV before each run).
 */
final class ScriptGlobals extends Globals {

    private boolean sealed;

    void seal() {
        sealed = true;
    }

    void setInternal(LuaString name, LuaValue value) {
        super.rawset(name, value);
    }

    @Override
    public void rawset(LuaValue key, LuaValue value) {
        if (sealed) {
            throw new LuaError(ReadonlyTable.MODIFY_ERROR);
        }
        super.rawset(key, value);
    }

    @Override
    public void rawset(int key, LuaValue value) {
        if (sealed) {
            throw new LuaError(ReadonlyTable.MODIFY_ERROR);
        }
        super.rawset(key, value);
    }

    @Override
    public LuaValue setmetatable(LuaValue metatable) {
        if (sealed) {
            throw new LuaError(ReadonlyTable.MODIFY_ERROR);
        }
        return super.setmetatable(metatable);
    }
}
