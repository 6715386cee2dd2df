package io.nioredis.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaString;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.Varargs;

class LibraryNamesTest {

    /** A string with its own array, as the compiler makes a constant: equal to the name, never the same object. */
    private static LuaString fresh(String s) {
        return LuaString.valueUsing(s.getBytes(StandardCharsets.US_ASCII).clone());
    }

    @Test
    void constantsOfAChunkAndItsFunctionsBecomeTheTablesOwnKeys() {
        LuaTable redis = new LuaTable();
        redis.set("call", LuaValue.TRUE);
        LuaTable globals = new LuaTable();
        globals.set("redis", redis);
        globals.set("tostring", LuaValue.TRUE);
        LibraryNames names = new LibraryNames();
        names.addKeysOf(globals);

        Prototype inner = new Prototype();
        inner.k = new LuaValue[] {fresh("call")};
        Prototype chunk = new Prototype();
        chunk.k = new LuaValue[] {fresh("redis"), fresh("mine"), LuaValue.valueOf(7)};
        chunk.p = new Prototype[] {inner};
        names.share(chunk);

        assertThat(chunk.k[0]).isSameAs(keyNamed(globals, "redis"));
        assertThat(inner.k[0]).isSameAs(keyNamed(redis, "call"));
        assertThat(chunk.k[1]).isEqualTo(LuaValue.valueOf("mine")); // no table has it: left as compiled
        assertThat(chunk.k[2]).isEqualTo(LuaValue.valueOf(7));
    }

    @Test
    void onlyOneLevelOfTablesIsWalked() {
        LuaTable deep = new LuaTable();
        deep.set("deepest", LuaValue.TRUE);
        LuaTable library = new LuaTable();
        library.set("nested", deep);
        LuaTable globals = new LuaTable();
        globals.set("library", library);
        LibraryNames names = new LibraryNames();
        names.addKeysOf(globals);

        assertThat(names.size()).isEqualTo(2); // library, nested
    }

    @Test
    void aCompiledScriptNamesTheEnginesGlobalsAndLibrariesByTheirKeys() {
        ScriptEngine engine = ScriptEngine.create();
        CompiledScript script = engine.compile(
                "local v = redis.call('GET', KEYS[1]) return string.len(v)".getBytes(StandardCharsets.UTF_8));
        LuaClosure closure = (LuaClosure) script.function();
        LuaTable globals = (LuaTable) closure.upValues[0].getValue();
        LuaTable redis = (LuaTable) globals.get("redis");
        LuaTable string = (LuaTable) globals.get("string");

        assertThat(constant(closure.p, "redis")).isSameAs(keyNamed(globals, "redis"));
        assertThat(constant(closure.p, "call")).isSameAs(keyNamed(redis, "call"));
        assertThat(constant(closure.p, "string")).isSameAs(keyNamed(globals, "string"));
        assertThat(constant(closure.p, "len")).isSameAs(keyNamed(string, "len"));
        // KEYS is set before every run under the engine's own name, which the constant now is.
        engine.eval(script, new byte[][] {"k".getBytes(StandardCharsets.US_ASCII)}, new byte[0][], new MapHost());
        assertThat(constant(closure.p, "KEYS")).isSameAs(keyNamed(globals, "KEYS"));
    }

    private static LuaValue constant(Prototype p, String text) {
        for (LuaValue k : p.k) {
            if (k.isstring() && k.tojstring().equals(text)) {
                return k;
            }
        }
        throw new AssertionError("no constant " + text);
    }

    private static LuaValue keyNamed(LuaTable table, String name) {
        List<LuaValue> found = new ArrayList<>();
        LuaValue key = LuaValue.NIL;
        while (true) {
            Varargs next = table.next(key);
            key = next.arg1();
            if (key.isnil()) {
                break;
            }
            if (key.isstring() && key.tojstring().equals(name)) {
                found.add(key);
            }
        }
        assertThat(found).hasSize(1);
        return found.get(0);
    }
}
