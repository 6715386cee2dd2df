package io.nioredis.scripting;

import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;

/**
 * A library table (string, math, redis, cjson...) that scripts may read, iterate and rawget but never
 * change, as Redis 7.0's patched Lua makes them with lua_enablereadonlytable: every write, rawset included,
 * raises "Attempt to modify a readonly table".
 */
final class ReadonlyTable extends LuaTable {

    static final String MODIFY_ERROR = "Attempt to modify a readonly table";

    private boolean sealed;

    static ReadonlyTable copyOf(LuaTable source) {
        ReadonlyTable copy = new ReadonlyTable();
        LuaValue key = LuaValue.NIL;
        while (true) {
            var next = source.next(key);
            key = next.arg1();
            if (key.isnil()) {
                break;
            }
            copy.rawset(key, next.arg(2));
        }
        if (source.getmetatable() != null) {
            copy.setmetatable(source.getmetatable());
        }
        copy.sealed = true;
        return copy;
    }

    @Override
    public void rawset(LuaValue key, LuaValue value) {
        if (sealed) {
            throw new LuaError(MODIFY_ERROR);
        }
        super.rawset(key, value);
    }

    @Override
    public void rawset(int key, LuaValue value) {
        if (sealed) {
            throw new LuaError(MODIFY_ERROR);
        }
        super.rawset(key, value);
    }

    @Override
    public LuaValue setmetatable(LuaValue metatable) {
        if (sealed) {
            throw new LuaError(MODIFY_ERROR);
        }
        return super.setmetatable(metatable);
    }
}
