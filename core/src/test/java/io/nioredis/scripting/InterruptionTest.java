package io.nioredis.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterruptionTest {

    /** Redis 7.0.15's reply to a script killed on its first line. */
    private static ScriptReply killed(String script) {
        return new ScriptReply.Error("ERR Script killed by user with SCRIPT KILL... script: "
                + ScriptEngine.sha1hex(script.getBytes()) + ", on @user_script:1.");
    }

    @Test
    void hostIsAskedWhileALoopRunsAndKillEndsTheScript() {
        ScriptEngine engine = ScriptEngine.create();
        MapHost host = new MapHost();
        host.killAfterChecks = 3;
        ScriptReply reply = engine.eval(engine.compile("while true do end".getBytes()), new byte[0][], new byte[0][], host);
        assertThat(reply).isEqualTo(killed("while true do end"));
        assertThat(host.checks).isEqualTo(4);
    }

    @Test
    void pcallCannotCatchTheKill() {
        ScriptEngine engine = ScriptEngine.create();
        MapHost host = new MapHost();
        host.killAfterChecks = 1;
        String script = "local n = 0 while true do pcall(function() while true do n = n + 1 end end) end";
        ScriptReply reply = engine.eval(engine.compile(script.getBytes()), new byte[0][], new byte[0][], host);
        assertThat(reply).isEqualTo(killed(script));
    }

    @Test
    void aCoroutineCatchingTheKillDoesNotSaveTheScript() {
        ScriptEngine engine = ScriptEngine.create();
        MapHost host = new MapHost();
        host.killAfterChecks = 1;
        String script = "local co = coroutine.create(function() while true do end end) coroutine.resume(co) return 1";
        ScriptReply reply = engine.eval(engine.compile(script.getBytes()), new byte[0][], new byte[0][], host);
        assertThat(reply).isEqualTo(killed(script));
    }

    @Test
    void theEngineRunsScriptsAfterAKill() {
        ScriptEngine engine = ScriptEngine.create();
        MapHost killer = new MapHost();
        killer.killAfterChecks = 0;
        engine.eval(engine.compile("while true do end".getBytes()), new byte[0][], new byte[0][], killer);
        ScriptReply reply = engine.eval(engine.compile("return redis.call('ping')".getBytes()), new byte[0][], new byte[0][], new MapHost());
        assertThat(reply).isEqualTo(new ScriptReply.Status("PONG"));
    }

    @Test
    void deepRecursionIsAnErrorNotACrash() {
        ScriptEngine engine = ScriptEngine.create();
        ScriptReply reply = engine.eval(engine.compile("local function f(n) return 1 + f(n + 1) end return f(1)".getBytes()),
                new byte[0][], new byte[0][], new MapHost());
        assertThat(reply).isInstanceOf(ScriptReply.Error.class);
        assertThat(ScriptTesting.show(engine.eval(engine.compile("return 1".getBytes()), new byte[0][], new byte[0][], new MapHost())))
                .isEqualTo("(integer) 1");
    }
}
