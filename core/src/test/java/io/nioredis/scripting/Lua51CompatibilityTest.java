package io.nioredis.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Lua 5.1 texts and results luaj gets wrong on its own and we put right ({@link Lua51Messages},
 * {@link Lua51Arguments}, our string.rep/upper/lower and table.concat); every expected value is
 * redis-server 7.0.15's reply to the same EVAL, without its " script: sha, on @user_script:1." tail.
 */
class Lua51CompatibilityTest {

    private static String eval(String script) {
        String shown = ScriptTesting.show(ScriptTesting.eval(script));
        int tail = shown.indexOf(" script: ");
        return tail < 0 ? shown : shown.substring(0, tail);
    }

    @Test
    void vmErrorsUseLua51Wording() {
        assertThat(eval("return nil + 1")).isEqualTo("(error) ERR user_script:1: attempt to perform arithmetic on a nil value");
        assertThat(eval("return -{}")).isEqualTo("(error) ERR user_script:1: attempt to perform arithmetic on a table value");
        assertThat(eval("return {} .. 'x'")).isEqualTo("(error) ERR user_script:1: attempt to concatenate a table value");
        assertThat(eval("return 'a' .. nil")).isEqualTo("(error) ERR user_script:1: attempt to concatenate a nil value");
        assertThat(eval("return #nil")).isEqualTo("(error) ERR user_script:1: attempt to get length of a nil value");
        assertThat(eval("return (nil).x")).isEqualTo("(error) ERR user_script:1: attempt to index a nil value");
        assertThat(eval("return (1)()")).isEqualTo("(error) ERR user_script:1: attempt to call a number value");
        assertThat(eval("return ({}) < ({})")).isEqualTo("(error) ERR user_script:1: attempt to compare two table values");
        assertThat(eval("return 1 < 'x'")).isEqualTo("(error) ERR user_script:1: attempt to compare number with string");
        assertThat(eval("local t = {} t[nil] = 1")).isEqualTo("(error) ERR user_script:1: table index is nil");
    }

    @Test
    void badArgumentsNameThePositionAndTheFunction() {
        assertThat(eval("return string.rep('x','y')"))
                .isEqualTo("(error) ERR user_script:1: bad argument #2 to 'rep' (number expected, got string)");
        assertThat(eval("return math.max(1,'x')"))
                .isEqualTo("(error) ERR user_script:1: bad argument #2 to 'max' (number expected, got string)");
        assertThat(eval("return type()")).isEqualTo("(error) ERR user_script:1: bad argument #1 to 'type' (value expected)");
        assertThat(eval("return string.sub()"))
                .isEqualTo("(error) ERR user_script:1: bad argument #1 to 'sub' (string expected, got no value)");
        assertThat(eval("return string.char(256)")).isEqualTo("(error) ERR user_script:1: bad argument #1 to 'char' (invalid value)");
        assertThat(eval("return cjson.decode({})"))
                .isEqualTo("(error) ERR user_script:1: bad argument #1 to 'decode' (string expected, got table)");
        assertThat(eval("return struct.pack('c3', -1)"))
                .isEqualTo("(error) ERR user_script:1: bad argument #3 to 'pack' (string too short)");
        assertThat(eval("return struct.size('s')"))
                .isEqualTo("(error) ERR user_script:1: bad argument #1 to 'size' (option 's' has no fixed size)");
        assertThat(eval("return bit.band()"))
                .isEqualTo("(error) ERR user_script:1: bad argument #1 to 'band' (number expected, got no value)");
        assertThat(eval("return string.format('%d')")).isEqualTo("(error) ERR user_script:1: bad argument #2 to 'format' (no value)");
        assertThat(eval("return {redis.pcall('SET', nil)}"))
                .isEqualTo("[(error) ERR Lua redis lib command arguments must be strings or integers]");
    }

    @Test
    void stringAndTableFunctionsAsLua51() {
        assertThat(eval("return string.rep('ab', -1)")).isEqualTo("\"\"");
        assertThat(eval("return string.upper('a\\233z')")).isEqualTo("\"A\u00e9Z\"");
        assertThat(eval("return string.lower('A\\201Z')")).isEqualTo("\"a\u00c9z\"");
        assertThat(eval("return string.format('%q', 1e20)")).isEqualTo("\"\"1e+20\"\"");
        assertThat(eval("return string.len(1e20)")).isEqualTo("(integer) 5");
        assertThat(eval("return string.format('[%c]', 0)")).isEqualTo("\"[]\"");
        assertThat(eval("return table.concat({1, 2.5, 'x'}, '-', 2)")).isEqualTo("\"2.5-x\"");
        assertThat(eval("return table.concat({1,{}})"))
                .isEqualTo("(error) ERR user_script:1: invalid value (table) at index 2 in table for 'concat'");
    }

    @Test
    void numbersOutOfRangeConvertAsRedisCastsThem() {
        assertThat(eval("return 1/0")).isEqualTo("(integer) -9223372036854775808");
        assertThat(eval("return -1/0")).isEqualTo("(integer) -9223372036854775808");
        assertThat(eval("return 2^63")).isEqualTo("(integer) -9223372036854775808");
        assertThat(eval("return string.format('%i', 1e20)")).isEqualTo("\"-9223372036854775808\"");
    }
}
