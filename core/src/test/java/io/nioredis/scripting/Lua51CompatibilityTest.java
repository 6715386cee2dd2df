package io.nioredis.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The Lua 5.1 texts and results luaj gets wrong on its own and we put right
 * ({@link io.nioredis.scripting.lua51.Lua51Messages}, {@link io.nioredis.scripting.lua51.Lua51Arguments}, our
 * string.rep/upper/lower and table.concat); every expected value is redis-server 7.0.15's reply to the same
 * EVAL, without its " script: sha, on @user_script:1." tail.
 */
class Lua51CompatibilityTest {

    private static String eval(String script) {
        return ScriptTesting.reply(script);
    }

    private static void assertRedisReplies(String[][] cases) {
        ScriptTesting.assertRedisReplies(cases);
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
        // C's (int) cast on x86, as redis-server replied: out of range and NaN are INT_MIN, whose low byte is 0
        for (String v : new String[] {"1e20", "-1e20", "0/0", "2^31", "2^31+65"}) {
            assertThat(eval("return string.format('[%c]', " + v + ")")).as(v).isEqualTo("\"[]\"");
        }
        assertThat(eval("return string.format('[%c]', 321)")).isEqualTo("\"[A]\"");
        assertThat(eval("return string.format('[%c]', -191)")).isEqualTo("\"[A]\"");
        assertThat(eval("return string.format('[%c]', 65.9)")).isEqualTo("\"[A]\"");
        assertThat(eval("return table.concat({1, 2.5, 'x'}, '-', 2)")).isEqualTo("\"2.5-x\"");
        assertThat(eval("return table.concat({1,{}})"))
                .isEqualTo("(error) ERR user_script:1: invalid value (table) at index 2 in table for 'concat'");
        // called by pcall itself, a C function: Lua 5.1's luaL_where adds no position
        assertThat(eval("return {pcall(table.concat, {{}})}"))
                .isEqualTo("[(nil), \"invalid value (table) at index 1 in table for 'concat'\"]");
    }

    @Test
    void numbersOutOfRangeConvertAsRedisCastsThem() {
        assertThat(eval("return 1/0")).isEqualTo("(integer) -9223372036854775808");
        assertThat(eval("return -1/0")).isEqualTo("(integer) -9223372036854775808");
        assertThat(eval("return 2^63")).isEqualTo("(integer) -9223372036854775808");
        assertThat(eval("return string.format('%i', 1e20)")).isEqualTo("\"-9223372036854775808\"");
    }

    /**
     * Lua 5.1 formats %o, %u, %x and %X from an unsigned long cast of the number, with C's rules for
     * precision, the 0, #, + and space flags; expected values from redis-server 7.0.
     */
    @Test
    void unsignedAndPrecisionFormatsAsCDoes() {
        String[][] cases = {
            {"%u", "-1", "[18446744073709551615]"},
            {"%o", "1e20", "[0]"},
            {"%x", "2^63", "[8000000000000000]"},
            {"%x", "2^63+4096", "[8000000000001000]"},
            {"%x", "0/0", "[8000000000000000]"},
            {"%u", "0/0", "[9223372036854775808]"},
            {"%d", "0/0", "[-9223372036854775808]"},
            {"%x", "-2^63-4096", "[8000000000000000]"},
            {"%u", "1.8e19", "[18000000000000000000]"},
            {"%5.3u", "7", "[  007]"},
            {"%+u", "7", "[7]"},
            {"% u", "5", "[5]"},
            {"%.0x", "0", "[]"},
            {"%#.0o", "0", "[0]"},
            {"%#x", "0", "[0]"},
            {"%#o", "0", "[0]"},
            {"%08.3x", "255", "[     0ff]"},
            {"%08.3d", "255", "[     255]"},
            {"%.0d", "0", "[]"},
            {"%#o", "8", "[010]"},
            {"%#.5o", "8", "[00010]"},
            {"%-8u", "-1", "[18446744073709551615]"},
            {"%08u", "12", "[00000012]"},
            {"%#08x", "255", "[0x0000ff]"},
            {"%#08X", "255", "[0X0000FF]"},
            {"%#8x", "255", "[    0xff]"},
            {"%-#8x", "255", "[0xff    ]"},
            {"%08o", "8", "[00000010]"},
            {"%#08o", "8", "[00000010]"},
            {"%+08d", "-5", "[-0000005]"},
            {"% 08d", "5", "[ 0000005]"},
            {"%.3o", "0", "[000]"},
            {"%#.3x", "0", "[000]"},
            {"%x", "-1", "[ffffffffffffffff]"},
            {"%X", "3735928559", "[DEADBEEF]"},
            {"%o", "-8", "[1777777777777777777770]"},
            {"%u", "2^64", "[0]"},
            {"%u", "-2^63", "[9223372036854775808]"},
            {"%u", "-2^63-1e6", "[9223372036854775808]"},
            {"%x", "1/0", "[0]"},
            {"%x", "-1/0", "[8000000000000000]"},
            {"%5x", "2^63", "[8000000000000000]"},
            {"%.20u", "5", "[00000000000000000005]"},
            {"%.0u", "0", "[]"},
            {"%-05d", "3", "[3    ]"},
            {"%i", "-0.5", "[0]"},
            {"%u", "-0.5", "[0]"},
            {"%x", "4294967295.9", "[ffffffff]"},
        };
        for (String[] c : cases) {
            assertThat(eval("return string.format('[" + c[0] + "]', " + c[1] + ")"))
                    .as(c[0] + " of " + c[1]).isEqualTo("\"" + c[2] + "\"");
        }
    }
    @Test
    void numbersFromTextAsCReadsThem() {
        String[][] cases = {
            {"tonumber('0x')", "(nil)"},
            {"tonumber('0x10', 16)", "(integer) 16"},
            {"tonumber(' -0x10 ', 16)", "(integer) -9223372036854775808"},
            {"tonumber('  +7  ', 8)", "(integer) 7"},
            {"tonumber('-', 16)", "(nil)"},
            {"tonumber('ffffffffffffffffff', 16)", "(integer) -9223372036854775808"},
            {"tonumber('-1', 2)", "(integer) -9223372036854775808"},
            {"tonumber('12\\000', 16)", "(integer) 18"},
            {"tonumber('0x10.8')", "(integer) 16"},
            {"tonumber('-0x10')", "(integer) -16"},
            {"tonumber('0x1p4')", "(integer) 16"},
            {"tonumber('\\t12\\n')", "(integer) 12"},
            {"tonumber('1\\0002', 10)", "(integer) 1"},
            {"tonumber('5e+')", "(nil)"},
            {"tonumber('1e309')", "(integer) -9223372036854775808"},
            {"tostring(tonumber('nan'))", "\"nan\""},
            {"tostring(tonumber('-nan'))", "\"-nan\""},
            {"tostring(tonumber('-Infinity'))", "\"-inf\""},
            {"tonumber('infinit')", "(nil)"},
            {"tonumber('nan(123)')", "(integer) -9223372036854775808"},
            {"tonumber(10, 16)", "(integer) 16"},
            {"math.floor('0x1p4')", "(integer) 16"},
            {"math.floor(' 12 ')", "(integer) 12"},
            {"math.max('3', 2)", "(integer) 3"},
            {"string.rep('ab', '2')", "\"abab\""},
            {"string.sub('hello', '2', ' 3 ')", "\"el\""},
            {"table.remove({1,2,3}, '0x2')", "(integer) 2"},
        };
        assertRedisReplies(cases);
    }

    @Test
    void formatsSpecialValuesAndTheAlternateFormAsGlibc() {
        String[][] cases = {
            {"tostring(0/0)", "\"-nan\""},
            {"tostring(math.sqrt(-1))", "\"-nan\""},
            {"string.format('%5.1f', 0/0)", "\" -nan\""},
            {"string.format('%-6g|', 0/0)", "\"-nan  |\""},
            {"string.format('%+f', tonumber('nan'))", "\"+nan\""},
            {"string.format('%E', 0/0)", "\"-NAN\""},
            {"string.format('%06f', 1/0)", "\"   inf\""},
            {"string.format('%+e', -1/0)", "\"-inf\""},
            {"string.format('%#.0e', 12345)", "\"1.e+04\""},
            {"string.format('%#.0f', 3)", "\"3.\""},
            {"string.format('%#.0g', 3)", "\"3.\""},
            {"string.format('%#5.0f|', 2)", "\"   2.|\""},
            {"string.format('%-10q|', 'a')", "\"\"a\"|\""},
            {"string.format('%s', {})",
                "(error) ERR user_script:1: bad argument #2 to 'format' (string expected, got table)"},
            {"string.format('%s', true)",
                "(error) ERR user_script:1: bad argument #2 to 'format' (string expected, got boolean)"},
            {"string.format('%s', 1.5)", "\"1.5\""},
            {"string.format('%')", "(error) ERR user_script:1: bad argument #2 to 'format' (no value)"},
            {"string.format('%', 1)", "(error) ERR user_script:1: invalid option '%' to 'format'"},
            {"string.format('%--------5d')", "(error) ERR user_script:1: bad argument #2 to 'format' (no value)"},
            {"string.format('%123d')", "(error) ERR user_script:1: bad argument #2 to 'format' (no value)"},
        };
        assertRedisReplies(cases);
    }

    @Test
    void tableInsertAndRemoveAsLua51() {
        String[][] cases = {
            {"table.insert({}, 1, 2, 3)", "(error) ERR user_script:1: wrong number of arguments to 'insert'"},
            {"table.insert({})", "(error) ERR user_script:1: wrong number of arguments to 'insert'"},
            {"table.remove({1,2,3}, 0)", "(nil)"},
            {"table.remove({1,2,3}, 7)", "(nil)"},
            {"(function() local t = {1,2,3}; table.insert(t, 7, 9); return #t end)()", "(integer) 3"},
            {"(function() local t = {}; table.insert(t, 'a'); table.insert(t, 1, 'b'); return t end)()",
                "[\"b\", \"a\"]"},
            {"(function() local t = {1,2,3}; return {table.remove(t, 1), #t} end)()",
                "[(integer) 1, (integer) 2]"},
        };
        assertRedisReplies(cases);
    }
    /**
     * cjson.decode reads numbers with strtod (decode_invalid_numbers, on by default: hex, inf, nan, a
     * leading + or zeros) and reports a bad string where its pointer stands; expected from redis-server 7.0.
     */
    @Test
    void cjsonDecodesNumbersAndReportsStringErrorsAsLuaCjson() {
        String[][] cases = {
            {"cjson.decode('0x10')", "(integer) 16"},
            {"cjson.decode('1.5e')", "(error) ERR user_script:1: Expected the end but found invalid token at character 4"},
            {"cjson.decode('Infinity')", "(integer) -9223372036854775808"},
            {"cjson.decode('NaN')", "(integer) -9223372036854775808"},
            {"cjson.decode('-Infinity')", "(integer) -9223372036854775808"},
            {"cjson.decode('+5')", "(integer) 5"},
            {"cjson.decode('01')", "(integer) 1"},
            {"cjson.decode('-')", "(error) ERR user_script:1: Expected value but found invalid number at character 1"},
            {"cjson.decode('[1,-]')", "(error) ERR user_script:1: Expected value but found invalid number at character 4"},
            {"cjson.decode('.5')", "(error) ERR user_script:1: Expected value but found invalid token at character 1"},
            {"cjson.decode('5.')", "(integer) 5"},
            {"cjson.decode('-0x1p4')", "(integer) -16"},
            {"cjson.decode('[nan]')", "[(integer) -9223372036854775808]"},
            {"tostring(cjson.decode('nan'))", "\"nan\""},
            {"tostring(cjson.decode('-nan'))", "\"-nan\""},
            {"cjson.decode('NULL')", "(error) ERR user_script:1: Expected value but found invalid token at character 1"},
            {"cjson.decode('[1e400]')", "[(integer) -9223372036854775808]"},
            {"cjson.decode('infinit')", "(error) ERR user_script:1: Expected the end but found invalid token at character 4"},
            {"cjson.decode('1e5x')", "(error) ERR user_script:1: Expected the end but found invalid token at character 4"},
            {"cjson.decode('{\"a\":0x10}').a", "(integer) 16"},
            {"cjson.decode('\"\\\\x\"')", "(error) ERR user_script:1: Expected value but found invalid escape code at character 2"},
            {"cjson.decode('\"abc')", "(error) ERR user_script:1: Expected value but found unexpected end of string at character 5"},
            {"cjson.decode('\"ab\\\\')", "(error) ERR user_script:1: Expected value but found invalid escape code at character 4"},
            {"cjson.decode('\"a\\\\u12\"')", "(error) ERR user_script:1: Expected value but found invalid unicode escape code at character 3"},
            {"cjson.decode('\"a\\\\uZZZZ\"')", "(error) ERR user_script:1: Expected value but found invalid unicode escape code at character 3"},
            {"cjson.decode('[\"a\", \"b\\\\q\"]')", "(error) ERR user_script:1: Expected value but found invalid escape code at character 9"},
            {"cjson.decode('  \"abc')", "(error) ERR user_script:1: Expected value but found unexpected end of string at character 7"},
            {"cjson.decode('\"\\\\ud800\"')", "(error) ERR user_script:1: Expected value but found invalid unicode escape code at character 2"},
            {"cjson.decode('\"\\\\u0000\"')", "\"\u0000\""},
        };
        assertRedisReplies(cases);
    }
    /**
     * struct's integers up to lua_struct's 32 bytes, and cmsgpack's number forms, unpack_limit and input
     * errors as lua_cmsgpack's; expected from redis-server 7.0.
     */
    @Test
    void structAndCmsgpackEdgesAsTheirCLibraries() {
        String[][] cases = {
            {"{string.byte(struct.pack('<i10', -1), 1, -1)}",
                "[(integer) 255, (integer) 255, (integer) 255, (integer) 255, (integer) 255, (integer) 255, (integer) 255, (integer) 255, (integer) 0, (integer) 0]"},
            {"{string.byte(struct.pack('>i10', 258), 1, -1)}",
                "[(integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 1, (integer) 2]"},
            {"struct.pack('>i33', 1)",
                "(error) ERR user_script:1: integral size 33 is larger than limit of 32"},
            {"#struct.pack('>i32', 1)",
                "(integer) 32"},
            {"{struct.unpack('<i10', string.rep('\\255', 10))}",
                "[(integer) -1, (integer) 11]"},
            {"{struct.unpack('<i10', '\\200' .. string.rep('\\0', 9))}",
                "[(integer) 200, (integer) 11]"},
            {"{struct.unpack('>I10', string.rep('\\0', 8) .. '\\1\\2')}",
                "[(integer) 258, (integer) 11]"},
            {"{struct.unpack('<i3', '\\255\\255\\127')}",
                "[(integer) 8388607, (integer) 4]"},
            {"{struct.unpack('<i3', '\\255\\255\\255')}",
                "[(integer) -1, (integer) 4]"},
            {"{string.byte(cmsgpack.pack(2^63), 1, -1)}",
                "[(integer) 202, (integer) 95, (integer) 0, (integer) 0, (integer) 0]"},
            {"{string.byte(cmsgpack.pack(0/0), 1, -1)}",
                "[(integer) 203, (integer) 255, (integer) 248, (integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 0]"},
            {"{string.byte(cmsgpack.pack(-2^63), 1, -1)}",
                "[(integer) 211, (integer) 128, (integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 0, (integer) 0]"},
            {"{cmsgpack.unpack_limit('\\1\\2\\3', 0)}",
                "[(integer) 1, (integer) 2, (integer) 3]"},
            {"{cmsgpack.unpack_limit('\\1\\2\\3', 0, 1)}",
                "[(integer) 1]"},
            {"{cmsgpack.unpack_limit('\\1\\2\\3', 2)}",
                "[(integer) 2, (integer) 1, (integer) 2]"},
            {"{cmsgpack.unpack_limit('\\1\\2\\3', -1)}",
                "(error) ERR user_script:1: Invalid request to unpack with offset of 0 and limit of 3."},
            {"cmsgpack.unpack_limit('\\1\\2\\3')",
                "(error) ERR user_script:1: bad argument #2 to 'unpack_limit' (number expected, got no value)"},
            {"cmsgpack.unpack_one('\\1\\2', -1)",
                "(error) ERR user_script:1: Invalid request to unpack with offset of -1 and limit of 2."},
            {"cmsgpack.unpack_one('\\1\\2', 3)",
                "(error) ERR user_script:1: Start offset 3 greater than input length 2."},
            {"cmsgpack.unpack('\\146\\1')",
                "(error) ERR user_script:1: Missing bytes in input."},
            {"cmsgpack.unpack('\\217')",
                "(error) ERR user_script:1: Missing bytes in input."},
            {"cmsgpack.unpack('\\193')",
                "(error) ERR user_script:1: Bad data format in input."},
            {"tostring(cmsgpack.unpack(cmsgpack.pack(0/0)))",
                "\"-nan\""},
        };
        assertRedisReplies(cases);
    }
}
