package io.nioredis.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** FUNCTION LOAD and FCALL; error texts are Redis 7.0.15's. */
class FunctionLibraryTest {

    private static final ScriptLog NO_LOG = (level, message) -> { };

    private final ScriptEngine engine = ScriptEngine.create();

    private String loadError(String code) {
        try {
            engine.loadLibrary(code.getBytes(StandardCharsets.UTF_8), NO_LOG);
            return "loaded";
        } catch (ScriptException e) {
            return e.errorText();
        }
    }

    @Test
    void metadataErrors() {
        assertThat(loadError("return 1")).isEqualTo("ERR Missing library metadata");
        assertThat(loadError("#!lua\nreturn 1")).isEqualTo("ERR Library name was not given");
        assertThat(loadError("#!lua name=l1 name=l2\n")).isEqualTo("ERR Invalid metadata value, name argument was given multiple times");
        assertThat(loadError("#!lua name=l1 foo=bar\n")).isEqualTo("ERR Invalid metadata value given: foo=bar");
        assertThat(loadError("#!lua name=l-1\n")).isEqualTo("ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
        assertThat(loadError("#!js name=l1\n")).isEqualTo("ERR Engine 'js' not found");
    }

    @Test
    void registrationErrors() {
        assertThat(loadError("#!lua name=l1\nreturn 1")).isEqualTo("ERR No functions registered");
        assertThat(loadError("#!lua name=l1\nredis.register_function('f')")).isEqualTo("ERR Error registering functions: ERR calling redis.register_function with a single argument is only applicable to Lua table (representing named arguments).");
        assertThat(loadError("#!lua name=l1\nredis.register_function('f-x', function() end)")).isEqualTo("ERR Error registering functions: ERR Library names can only contain letters, numbers, or underscores(_) and must be at least one character long");
        assertThat(loadError("#!lua name=l1\nredis.register_function{function_name='f', callback=function() end, flags={'bogus'}}")).isEqualTo("ERR Error registering functions: ERR unknown flag given");
        assertThat(loadError("#!lua name=l1\nredis.register_function{function_name='f', callback=function() end, what=1}")).isEqualTo("ERR Error registering functions: ERR unknown argument given to redis.register_function");
        assertThat(loadError("#!lua name=l1\nredis.call('ping')")).isEqualTo("ERR Error registering functions: ERR user_function:2: Script attempted to access nonexistent global variable 'call'");
        assertThat(loadError("#!lua name=l1\nx = 1")).isEqualTo("ERR Error registering functions: ERR user_function:2: Attempt to modify a readonly table");
        assertThat(loadError("#!lua name=l1\nreturn a +")).isEqualTo("ERR Error compiling function: user_function:2: unexpected symbol near '<eof>'");
        assertThat(loadError("#!lua name=l1\nredis.register_function('f', function(keys, args) return a end)\nredis.register_function('f', function() end)")).isEqualTo("ERR Error registering functions: ERR Function already exists in the library");
        assertThat(loadError("#!lua name=l3\nlocal function f(keys, args) return 1 end\nredis.register_function{function_name='h', callback=f, flags={'no-writes'}}\nerror('boom')")).isEqualTo("ERR Error registering functions: ERR user_function:4: Script attempted to access nonexistent global variable 'error'");
    }

    @Test
    void registeredFunctionsRunWithTheFullApi() {
        FunctionLibrary library = engine.loadLibrary(("#!lua name=mylib\n"
                + "local function f(keys, args) return {keys[1], args[1], redis.REDIS_VERSION, redis.call('ping')} end\n"
                + "redis.register_function{function_name='h', callback=f, flags={'no-writes', 'allow-stale'}, description='d'}\n"
                + "redis.register_function('g', function(keys, args) return a end)\n"
                + "redis.register_function('e', function(keys, args) error('x') end)").getBytes(), NO_LOG);
        assertThat(library.name()).isEqualTo("mylib");
        assertThat(library.functions()).containsOnlyKeys("h", "g", "e");
        RegisteredFunction h = library.functions().get("h");
        assertThat(h.flags()).containsExactlyInAnyOrder(ScriptFlag.NO_WRITES, ScriptFlag.ALLOW_STALE);
        assertThat(h.description()).isEqualTo("d");
        byte[][] keys = {"k".getBytes()};
        byte[][] args = {"a".getBytes()};
        assertThat(ScriptTesting.show(engine.fcall(h, keys, args, new MapHost()))).isEqualTo("[\"k\", \"a\", \"7.0.15\", PONG]");
        assertThat(ScriptTesting.show(engine.fcall(library.functions().get("g"), keys, args, new MapHost())))
                .isEqualTo("(error) ERR user_function:4: Script attempted to access nonexistent global variable 'a' script: g, on @user_function:4.");
        assertThat(ScriptTesting.show(engine.fcall(library.functions().get("e"), keys, args, new MapHost())))
                .isEqualTo("(error) ERR user_function:5: x script: e, on @user_function:5.");
    }

    @Test
    void scriptShebangFlags() {
        assertThat(engine.compile("#!lua flags=no-writes,allow-stale\nreturn 1".getBytes()).flags())
                .containsExactlyInAnyOrder(ScriptFlag.NO_WRITES, ScriptFlag.ALLOW_STALE);
        assertThat(engine.compile("return 2".getBytes()).shebang()).isFalse();
        assertThat(engine.compile("#!lua\nreturn 3".getBytes()).shebang()).isTrue();
        assertThatThrownBy(() -> engine.compile("#!js\nreturn 1".getBytes())).hasMessage("ERR Unexpected engine in script shebang: #!js");
        assertThatThrownBy(() -> engine.compile("#!lua flags=bogus\nreturn 1".getBytes())).hasMessage("ERR Unexpected flag in script shebang: bogus");
        assertThatThrownBy(() -> engine.compile("#!lua foo=bar\nreturn 1".getBytes())).hasMessage("ERR Unknown lua shebang option: foo=bar");
        CompiledScript s = engine.compile("#!lua flags=no-writes,allow-stale\nreturn a".getBytes());
        assertThat(ScriptTesting.show(engine.eval(s, new byte[0][], new byte[0][], new MapHost())))
                .isEqualTo("(error) ERR user_script:2: Script attempted to access nonexistent global variable 'a' script: 895689db225d9e1ca003ab04b7d24b615dc420b0, on @user_script:2.");
    }
}
