package io.nioredis.scripting;

import static io.nioredis.scripting.ScriptTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected values are what Redis 7.0.15 answers to the same EVAL. */
class ScriptEngineTest {

    @Test
    void globalsAreProtected() {
        assertThat(run("return a")).isEqualTo("(error) ERR user_script:1: Script attempted to access nonexistent global variable 'a' script: bbfcd1ececc90deec823f7fb730e4bfb2a4ba625, on @user_script:1.");
        assertThat(run("a = 1")).isEqualTo("(error) ERR user_script:1: Attempt to modify a readonly table script: b88f1ec0c9fe96fde96a6f9dabcbeee661dd7afe, on @user_script:1.");
        assertThat(run("foo()")).isEqualTo("(error) ERR user_script:1: Script attempted to access nonexistent global variable 'foo' script: 3c061f52aea718c14c209c91cec7e42536b5c368, on @user_script:1.");
        assertThat(run("return tostring(dofile)")).startsWith("(error) ERR user_script:1: Script attempted to access nonexistent global variable 'dofile'");
        assertThat(run("return tostring(print)")).startsWith("(error) ERR user_script:1: Script attempted to access nonexistent global variable 'print'");
        assertThat(run("string.foo = 1")).startsWith("(error) ERR user_script:1: Attempt to modify a readonly table");
        assertThat(run("rawset(_G, 'x', 1)")).startsWith("(error) ERR user_script:1: Attempt to modify a readonly table");
    }

    @Test
    void errorsCarryTheirPosition() {
        assertThat(run("error('boom')")).isEqualTo("(error) ERR user_script:1: boom script: 82903a0434f1503e152f89c03c9acd881a0e8150, on @user_script:1.");
        assertThat(run("error({err='MYERR tbl'})")).isEqualTo("(error) MYERR tbl script: a2b93f0a34e2bfa67e3ecb03987c8eaba0953eaf, on @user_script:1.");
        assertThat(run("error('boom', 0)")).isEqualTo("(error) ERR boom script: 90724e16396e5864c1184910ba6d7440461cee4f, on @user_script:1.");
        assertThat(run("error(123)")).isEqualTo("(error) ERR user_script:1: 123 script: 11e4dc32230d2c1e720fc094a49809887ce1381a, on @user_script:1.");
        assertThat(run("error()")).isEqualTo("(error) ERR nil script: aca90d914519fdb9825352bdc0befb59f7c8510f, on @user_script:1.");
        assertThat(run("error({err='E'}, 0)")).isEqualTo("(error) E script: 5b96e4b603d5c787372b2bf38dba13bb8f416f4e, on @user_script:1.");
        assertThat(run("local function f() error('deep', 2) end f()")).isEqualTo("(error) ERR user_script:1: deep script: 694ab57d1a5e766cc7e5dafb39e86d8b30bdd2ca, on @user_script:1.");
        assertThat(run("\nlocal x = 1\nerror('line3')")).isEqualTo("(error) ERR user_script:3: line3 script: 42006aa246c2f85556db4389f1b882d173c3467f, on @user_script:3.");
        assertThat(run("return redis.call('nosuch')")).isEqualTo("(error) ERR Unknown Redis command called from script script: 206396248e12c6e742fd7296250433c8d7343b74, on @user_script:1.");
    }

    @Test
    void runtimeErrorsOfTheVmArePositioned() {
        // Redis: "attempt to index field 'x' (a nil value)"; luaj names the value differently.
        assertThat(run("local t = {} t.x.y = 1")).startsWith("(error) ERR user_script:1: ").endsWith(" script: a3e688812e3164b24d5a4a070bf45fd27d50fc57, on @user_script:1.");
    }

    @Test
    void compileErrors() {
        assertThat(ScriptTesting.show(compileError("return x +"))).isEqualTo("(error) ERR Error compiling script (new function): user_script:1: unexpected symbol near '<eof>'");
    }

    private static ScriptReply compileError(String script) {
        try {
            ScriptTesting.ENGINE.compile(script.getBytes());
            throw new AssertionError("compiled: " + script);
        } catch (ScriptException e) {
            return new ScriptReply.Error(e.errorText());
        }
    }

    @Test
    void returnValuesConvertAsRedis() {
        assertThat(run("return 1.9, 2")).isEqualTo("(integer) 1");
        assertThat(run("return {1,2,3,nil,4}")).isEqualTo("[(integer) 1, (integer) 2, (integer) 3]");
        assertThat(run("return {1,true,false,'a',{2.7,-3.9}}")).isEqualTo("[(integer) 1, (integer) 1, (nil), \"a\", [(integer) 2, (integer) -3]]");
        assertThat(run("return true")).isEqualTo("(integer) 1");
        assertThat(run("return false")).isEqualTo("(nil)");
        assertThat(run("return nil")).isEqualTo("(nil)");
        assertThat(run("return {err='plain'}")).isEqualTo("(error) plain");
        assertThat(run("return {err='a\\r\\nb'}")).isEqualTo("(error) a  b");
        assertThat(run("return {ok='fine'}")).isEqualTo("fine");
        assertThat(run("return {err=5}")).isEqualTo("[]");
        assertThat(run("return {double=3.5}")).isEqualTo("(double) 3.5");
        assertThat(run("return {map={a=1}}")).isEqualTo("%{\"a\", (integer) 1}");
        assertThat(run("return {set={a=true}}")).isEqualTo("~[\"a\"]");
        assertThat(run("return {big_number='123'}")).isEqualTo("(big number) 123");
        assertThat(run("redis.setresp(3) return true")).isEqualTo("(true)");
        assertThat(run("redis.setresp(3) return false")).isEqualTo("(false)");
    }

    @Test
    void keysAndArgv() {
        MapHost host = new MapHost();
        assertThat(ScriptTesting.show(ScriptTesting.eval(host, "return {KEYS[1], ARGV[1], #KEYS, #ARGV}", 1, "k", "a", "b")))
                .isEqualTo("[\"k\", \"a\", (integer) 1, (integer) 2]");
    }

    @Test
    void numbersAsText() {
        assertThat(run("return tostring(1e15)")).isEqualTo("\"1e+15\"");
        assertThat(run("return tostring(0.1+0.2) .. ' ' .. tostring(3.14159265358979) .. ' ' .. tostring(2^53) .. ' '..tostring(1/0)..' '..tostring(-1/0)"))
                .isEqualTo("\"0.3 3.1415926535898 9.007199254741e+15 inf -inf\"");
        assertThat(run("return string.format('%.2f %5.1f %g %g %d %x %5s|%-5s| %q %e %%', 0.125, 3.14159, 100000000000000, 0.0001, 3.7, 255, 'a', 'b', 'a\"\\n', 12345.678)"))
                .isEqualTo("\"0.12   3.1 1e+14 0.0001 3 ff     a|b    | \"a\\\"\\\n\" 1.234568e+04 %\"");
    }

    @Test
    void runningOutOfMemoryIsTheScriptsErrorAsInLua() {
        // A string past 2 GB (table.concat of four 512 MB strings) failed this way and ended the event loop.
        assertThat(ScriptTesting.show(ScriptTesting.eval("return redis.call('oom')")))
                .startsWith("(error) ERR Error running script ").endsWith(", not enough memory");
        assertThat(ScriptTesting.show(ScriptTesting.eval("return {pcall(redis.call, 'oom')}")))
                .isEqualTo("[(nil), \"not enough memory\"]");
    }
}
