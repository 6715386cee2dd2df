package io.nioredis.scripting;

import java.util.HashMap;
import java.util.Map;

import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;

/**
 * The names scripts look up in the global and library tables (redis, call, KEYS, string, format...), as
 * the very string objects those tables hold as keys. A compiled script's constants are strings of its own,
 * and luaj's table lookup compares a key with every candidate byte by byte unless both are one object; in
 * EVALSHA of ten redis.call('GET', KEYS[1]) that comparison was 5 % of the server's CPU. {@link #share}
 * points a compiled script's constants at the tables' own names, so those lookups end at the first
 * comparison of references. Lua compares strings by content, so nothing a script can see changes.
 */
final class LibraryNames {
    private final Map<LuaString, LuaString> names = new HashMap<>();

    /** The keys of these tables and of the tables they hold, one level down (redis.call, string.format). */
    void addKeysOf(LuaTable table) {
        addKeys(table, true);
    }

    /** One more name, such as KEYS and ARGV, which are set before every run under this object. */
    void add(LuaString name) {
        names.putIfAbsent(name, name);
    }

    private void addKeys(LuaTable table, boolean descend) {
        LuaValue key = LuaValue.NIL;
        while (true) {
            Varargs next = table.next(key);
            key = next.arg1();
            if (key.isnil()) {
                return;
            }
            if (key instanceof LuaString name) {
                add(name);
            }
            if (descend && next.arg(2) instanceof LuaTable library) {
                addKeys(library, false);
            }
        }
    }

    /** Replaces the constants of a compiled chunk and of the functions it defines with the shared names. */
    void share(Prototype p) {
        LuaValue[] constants = p.k;
        for (int i = 0; i < constants.length; i++) {
            if (constants[i] instanceof LuaString s) {
                LuaString shared = names.get(s);
                if (shared != null) {
                    constants[i] = shared;
                }
            }
        }
        for (Prototype child : p.p) {
            share(child);
        }
    }

    int size() {
        return names.size();
    }
}
