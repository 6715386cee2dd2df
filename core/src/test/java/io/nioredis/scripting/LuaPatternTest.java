package io.nioredis.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Lua 5.1's pattern matching ({@link io.nioredis.scripting.lua51.LuaPattern},
 * {@link io.nioredis.scripting.lua51.PatternFunctions}): string.find, match, gmatch and gsub. Every expected
 * value is redis-server 7.0.15's reply to EVAL "return expression" 0, without the " script: sha, on
 * @user_script:1." tail of an error.
 */
class LuaPatternTest {

    /** A script listing, as ranges of byte values, the bytes that the single-character class matches. */
    private static String members(String characterClass) {
        return "(function() local p, r, i = '^' .. '" + characterClass + "' .. '$', {}, 0 while i < 256 do "
                + "if string.find(string.char(i), p) then "
                + "local j = i while j < 255 and string.find(string.char(j + 1), p) do j = j + 1 end "
                + "r[#r + 1] = i == j and i or i .. '-' .. j i = j end i = i + 1 end return table.concat(r, ',') end)()";
    }

    /** The C locale's classes: no byte above 127 is a letter, digit, space or punctuation; 5.1 has no %g. */
    @Test
    void characterClassesAndSetsMatchTheCLocalesBytes() {
        String[][] cases = {
            {"%a", "\"65-90,97-122\""},
            {"%A", "\"0-64,91-96,123-255\""},
            {"%c", "\"0-31,127\""},
            {"%C", "\"32-126,128-255\""},
            {"%d", "\"48-57\""},
            {"%D", "\"0-47,58-255\""},
            {"%l", "\"97-122\""},
            {"%L", "\"0-96,123-255\""},
            {"%p", "\"33-47,58-64,91-96,123-126\""},
            {"%P", "\"0-32,48-57,65-90,97-122,127-255\""},
            {"%s", "\"9-13,32\""},
            {"%S", "\"0-8,14-31,33-255\""},
            {"%u", "\"65-90\""},
            {"%U", "\"0-64,91-255\""},
            {"%w", "\"48-57,65-90,97-122\""},
            {"%W", "\"0-47,58-64,91-96,123-255\""},
            {"%x", "\"48-57,65-70,97-102\""},
            {"%X", "\"0-47,58-64,71-96,103-255\""},
            {"%z", "\"0\""},
            {"%Z", "\"1-255\""},
            {"%g", "\"103\""},
            {"%.", "\"46\""},
            {"%%", "\"37\""},
            {".", "\"0-255\""},
            {"[%a_]", "\"65-90,95,97-122\""},
            {"[^%s]", "\"0-8,14-31,33-255\""},
            {"[a-f%d]", "\"48-57,97-102\""},
            {"[^a-f%d]", "\"0-47,58-96,103-255\""},
            {"[%]]", "\"93\""},
            {"[]]", "\"93\""},
            {"[^]]", "\"0-92,94-255\""},
            {"[a-]", "\"45,97\""},
            {"[-a]", "\"45,97\""},
            {"[%-z]", "\"45,122\""},
            {"[%a-z]", "\"45,65-90,97-122\""},
            {"[z-a]", "\"\""},
            {"[\\200-\\255]", "\"200-255\""},
            {"[^\\1-\\254]", "\"0,255\""},
            {"[%W%d]", "\"0-64,91-96,123-255\""},
            {"[a-c-e]", "\"45,97-99,101\""},
            {"[%z]", "\"0\""},
            {"[^%z]", "\"1-255\""},
        };
        for (String[] c : cases) {
            assertThat(ScriptTesting.reply("return " + members(c[0]))).as(c[0]).isEqualTo(c[1]);
        }
    }

    /**
     * find: positions then captures; a plain search when asked or when the pattern has no special byte
     * before its first NUL; an init past the end starts at the end (5.2 returns nil), a huge one is C's cast.
     */
    @Test
    void findWithInitPlainAndAnchors() {
        String[][] cases = {
            {"{string.find('hello', 'l+')}", "[(integer) 3, (integer) 4]"},
            {"{string.find('hello', 'l')}", "[(integer) 3, (integer) 3]"},
            {"{string.find('hello', 'xyz')}", "[]"},
            {"{string.find('hello world', '(o)(r)')}", "[(integer) 8, (integer) 9, \"o\", \"r\"]"},
            {"{string.find('hello', '()ll()')}", "[(integer) 3, (integer) 4, (integer) 3, (integer) 5]"},
            {"{string.find('hello', 'l', 4)}", "[(integer) 4, (integer) 4]"},
            {"{string.find('hello', 'l', -2)}", "[(integer) 4, (integer) 4]"},
            {"{string.find('hello', 'h', -10)}", "[(integer) 1, (integer) 1]"},
            {"{string.find('hello', 'h', 0)}", "[(integer) 1, (integer) 1]"},
            {"{string.find('hello', 'o', 5)}", "[(integer) 5, (integer) 5]"},
            {"{string.find('hello', 'o', 6)}", "[]"},
            {"{string.find('abc', 'x*', 10)}", "[(integer) 4, (integer) 3]"},
            {"{string.find('abc', '', 10)}", "[(integer) 4, (integer) 3]"},
            {"{string.find('abc', '', 4)}", "[(integer) 4, (integer) 3]"},
            {"{string.find('abc', '')}", "[(integer) 1, (integer) 0]"},
            {"{string.find('abc', '', -1)}", "[(integer) 3, (integer) 2]"},
            {"{string.find('', '')}", "[(integer) 1, (integer) 0]"},
            {"{string.find('', 'a')}", "[]"},
            {"{string.find('', '.')}", "[]"},
            {"{string.find('abc', 'a', -1)}", "[]"},
            {"{string.find('aaa', 'aa', 2)}", "[(integer) 2, (integer) 3]"},
            {"{string.find('abc', 'b', 1e20)}", "[(integer) 2, (integer) 2]"},
            {"{string.find('abc', 'b', -1e20)}", "[(integer) 2, (integer) 2]"},
            {"{string.find('abc', 'c', 2^53)}", "[]"},
            {"{string.find('abc', 'c', 2.9)}", "[(integer) 3, (integer) 3]"},
            {"{string.find('abc', 'c', -1.5)}", "[(integer) 3, (integer) 3]"},
            {"{string.find('abc', 'c', '2')}", "[(integer) 3, (integer) 3]"},
            {"{string.find('abc', 'c', ' 0x2 ')}", "[(integer) 3, (integer) 3]"},
            {"{string.find('a.c', '.', 1, true)}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a+b', '+', 1, true)}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a.c', '.', 1, 0)}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a.c', '.', 1, false)}", "[(integer) 1, (integer) 1]"},
            {"{string.find('a.c', '.', 1, nil)}", "[(integer) 1, (integer) 1]"},
            {"{string.find('a.c', '.', nil, true)}", "[(integer) 2, (integer) 2]"},
            {"{string.find('abc', '', 10, true)}", "[(integer) 4, (integer) 3]"},
            {"{string.find('a(b', '(', 1, true)}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a(b', '(')}", "(error) ERR user_script:1: unfinished capture"},
            {"{string.find('a)b', ')')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('abc', 'b)')}", "[]"},
            {"{string.find('a]b', ']')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a*b', '*')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a+b', '+')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a-b', '-')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a?b', '?')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a-b', 'a-')}", "[(integer) 1, (integer) 0]"},
            {"{string.find('x^y', '^')}", "[(integer) 1, (integer) 0]"},
            {"{string.find('x^y', 'x^y')}", "[(integer) 1, (integer) 3]"},
            {"{string.find('a$b', '$b')}", "[(integer) 2, (integer) 3]"},
            {"{string.find('a$', 'a$')}", "[]"},
            {"{string.find('a$b', 'a$')}", "[]"},
            {"{string.find('hello', '^h')}", "[(integer) 1, (integer) 1]"},
            {"{string.find('hello', '^e')}", "[]"},
            {"{string.find('xhello', '^h', 2)}", "[(integer) 2, (integer) 2]"},
            {"{string.find('hello', 'o$')}", "[(integer) 5, (integer) 5]"},
            {"{string.find('hello', 'l$')}", "[]"},
            {"{string.find('hello', '^hello$')}", "[(integer) 1, (integer) 5]"},
            {"{string.find('hello', '^$')}", "[]"},
            {"{string.find('', '^$')}", "[(integer) 1, (integer) 0]"},
            {"{string.find(12345, 34)}", "[(integer) 3, (integer) 4]"},
            {"{string.find(1e20, 'e')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('1e+20', 1e20)}", "[]"},
            {"{('hello'):find('l')}", "[(integer) 3, (integer) 3]"},
            {"{string.find('hello', '^')}", "[(integer) 1, (integer) 0]"},
            {"{string.find('hello', '$')}", "[(integer) 6, (integer) 5]"},
            {"{string.find('hello', '$', 3)}", "[(integer) 6, (integer) 5]"},
        };
        ScriptTesting.assertRedisReplies(cases);
    }

    @Test
    void matchItemsCapturesBackReferencesBalanceAndFrontier() {
        String[][] cases = {
            {"string.match('key = value', '(%w+)%s*=%s*(%w+)')", "\"key\""},
            {"{string.match('key = value', '(%w+)%s*=%s*(%w+)')}", "[\"key\", \"value\"]"},
            {"{string.match('abc', '((a)(b))')}", "[\"ab\", \"a\", \"b\"]"},
            {"{string.match('hello', '()')}", "[(integer) 1]"},
            {"{string.match('hello', '()', 100)}", "[(integer) 6]"},
            {"{string.match('hello', '()', -2)}", "[(integer) 4]"},
            {"string.match('hello', 'l+', 4)", "\"l\""},
            {"string.match('hello', '.', -1)", "\"o\""},
            {"string.match('hello', '.', -10)", "\"h\""},
            {"string.match('hello', '.', 0)", "\"h\""},
            {"string.match('hello', '.', 6)", "(nil)"},
            {"string.match('123', '(%a*)')", "\"\""},
            {"string.match('abc', 'a.-')", "\"a\""},
            {"string.match('aaab', 'a-b')", "\"aaab\""},
            {"string.match('<a><b>', '<.->')", "\"<a>\""},
            {"string.match('<a><b>', '<.*>')", "\"<a><b>\""},
            {"string.match('aaa', 'a-')", "\"\""},
            {"string.match('aaa', 'a*')", "\"aaa\""},
            {"string.match('aaa', 'a+')", "\"aaa\""},
            {"string.match('baaa', 'a+')", "\"aaa\""},
            {"string.match('aaa', 'b*')", "\"\""},
            {"string.match('aaa', 'b+')", "(nil)"},
            {"string.match('color colour', 'colou?r')", "\"color\""},
            {"string.match('colour', 'colou?r')", "\"colour\""},
            {"string.match('x', 'x?x?x')", "\"x\""},
            {"string.match('xx', 'x?x?x?x?')", "\"xx\""},
            {"string.match('abc', '.-c')", "\"abc\""},
            {"string.match('abc', '.-$')", "\"abc\""},
            {"string.match('  trim me  ', '^%s*(.-)%s*$')", "\"trim me\""},
            {"string.match('2024-01-15', '(%d+)-(%d+)-(%d+)')", "\"2024\""},
            {"{string.match('2024-01-15', '(%d+)-(%d+)-(%d+)')}", "[\"2024\", \"01\", \"15\"]"},
            {"string.match('^x', '^^x')", "\"^x\""},
            {"string.match('x', '^^x')", "(nil)"},
            {"{string.find('say \"hi\" ok', '([\\\"\\'])(.-)%1')}", "[(integer) 5, (integer) 8, \"\"\", \"hi\"]"},
            {"string.match('abcabc', '(abc)%1')", "\"abc\""},
            {"string.match('abcabd', '(abc)%1')", "(nil)"},
            {"{string.match('aa', '()a%1')}", "[]"},
            {"{string.match('xyzxyz', '(x)(y)(z)%1%2%3')}", "[\"x\", \"y\", \"z\"]"},
            {"string.match('f(a(b)c)d', '%b()')", "\"(a(b)c)\""},
            {"string.match('f(a(b)c', '%b()')", "\"(b)\""},
            {"string.match('f(a(b)c))', '%b()')", "\"(a(b)c)\""},
            {"string.match('\"x\"y\"', '%b\"\"')", "\"\"x\"\""},
            {"string.match('[[x]]', '%b[]')", "\"[[x]]\""},
            {"string.match('if x then y end end', '%bie')", "\"if x the\""},
            {"string.match('THE (quick) fox', '%f[%a]%a+')", "\"THE\""},
            {"{string.find('THE (quick) fox', '%f[%a]%a+', 4)}", "[(integer) 6, (integer) 10]"},
            {"{string.find('abc', '%f[%z]')}", "[(integer) 4, (integer) 3]"},
            {"{string.find('abc', '%f[^%z]')}", "[(integer) 1, (integer) 0]"},
            {"{string.find('ab cd', '%f[%a]', 2)}", "[(integer) 4, (integer) 3]"},
            {"{string.find('', '%f[%z]')}", "[]"},
            {"{string.find('', '%f[^%z]')}", "[]"},
            {"{string.find('a', '%f[a]')}", "[(integer) 1, (integer) 0]"},
            {"{string.find(' a', '%f[a]')}", "[(integer) 2, (integer) 1]"},
            {"{string.find('aa', '%f[a]', 2)}", "[]"},
            {"string.match('hello', '%f[%l]%l+%f[%L]')", "\"hello\""},
            {"select('#', string.match('x', string.rep('()', 32) .. 'x'))", "(integer) 32"},
            {"{string.match('ab', '(a)(b)')}", "[\"a\", \"b\"]"},
            {"{string.match('ab', '(a)()(b)')}", "[\"a\", (integer) 2, \"b\"]"},
            {"{string.match('hello', 'h(.)(.)')}", "[\"e\", \"l\"]"},
            {"string.match('hello', '.l')", "\"el\""},
            {"string.match('h.llo', '%.')", "\".\""},
            {"string.match('a%b', '%%')", "\"%\""},
            {"string.match('a]b', '[]]')", "\"]\""},
            {"string.match('a]b', '[^]]+')", "\"a\""},
            {"string.match('a-b', '[%-]')", "\"-\""},
            {"string.match('a-b', '[a-]+')", "\"a-\""},
            {"string.match('-ab', '[-a]+')", "\"-a\""},
            {"string.match('abz-', '[%a-z]+')", "\"abz-\""},
            {"string.match('a^b', '[%^]')", "\"^\""},
            {"string.match('^ab', '[b^]+')", "\"^\""},
            {"string.match('hello', '[^aeiou]+')", "\"h\""},
            {"string.match('HeLLo', '%u+')", "\"H\""},
            {"string.match('hex ff00', '%x+$')", "\"ff00\""},
            {"string.match('a,b;c', '%p')", "\",\""},
            {"string.match('tab\\there', '%s')", "\"\u0009\""},
            {"string.match('x\\1y', '%c')", "\"\u0001\""},
            {"string.match('a_b', '[%w_]+')", "\"a_b\""},
            {"string.match('abc', 'abcd?')", "\"abc\""},
            {"string.match('abc', 'b*c')", "\"bc\""},
            {"string.match('abc', 'x*')", "\"\""},
            {"string.match('', 'x*')", "\"\""},
            {"string.match('', '.')", "(nil)"},
        };
        ScriptTesting.assertRedisReplies(cases);
    }

    /**
     * gsub with string, number, table and function replacements and a count; '%' before a non-digit is
     * that byte (5.1), a '%' ending the replacement a NUL; an empty match after a match is replaced too.
     */
    @Test
    void gsubReplacesWithEveryKindOfValue() {
        String[][] cases = {
            {"{string.gsub('hello world', 'o', '0')}", "[\"hell0 w0rld\", (integer) 2]"},
            {"{string.gsub('hello world', '(o)', '[%1]')}", "[\"hell[o] w[o]rld\", (integer) 2]"},
            {"{string.gsub('hello', '', '-')}", "[\"-h-e-l-l-o-\", (integer) 6]"},
            {"{string.gsub('abc', '%w', '%0%0')}", "[\"aabbcc\", (integer) 3]"},
            {"{string.gsub('abc', 'b', '%%')}", "[\"a%c\", (integer) 1]"},
            {"{string.gsub('abc', 'b', '%a')}", "[\"aac\", (integer) 1]"},
            {"{string.gsub('abc', 'b', '%x%y')}", "[\"axyc\", (integer) 1]"},
            {"{string.gsub('abc', 'b', '%')}", "[\"a\u0000c\", (integer) 1]"},
            {"{string.gsub('abc', 'b', 'x%')}", "[\"ax\u0000c\", (integer) 1]"},
            {"{string.gsub('abc', '(b)', '%2')}", "(error) ERR user_script:1: invalid capture index"},
            {"{string.gsub('abc', 'b', '%1')}", "[\"abc\", (integer) 1]"},
            {"{string.gsub('abc', 'b', '%2')}", "(error) ERR user_script:1: invalid capture index"},
            {"{string.gsub('abc', '()b', '%1')}", "[\"a2c\", (integer) 1]"},
            {"{string.gsub('abc', '(b)()', '%2%1')}", "[\"a3bc\", (integer) 1]"},
            {"{string.gsub('abc', 'b', 1.5)}", "[\"a1.5c\", (integer) 1]"},
            {"{string.gsub('abc', 'b', 10)}", "[\"a10c\", (integer) 1]"},
            {"{string.gsub('abc', 'b', 1e100)}", "[\"a1e+100c\", (integer) 1]"},
            {"{string.gsub('abc', 'b', '')}", "[\"ac\", (integer) 1]"},
            {"{string.gsub('$name is $age', '%$(%w+)', {name='Bob', age=42})}", "[\"Bob is 42\", (integer) 2]"},
            {"{string.gsub('$name is $x', '%$(%w+)', {name='Bob'})}", "[\"Bob is $x\", (integer) 2]"},
            {"{string.gsub('$name', '%$(%w+)', {name=false})}", "[\"$name\", (integer) 1]"},
            {"{string.gsub('$name', '%$(%w+)', {name=1.25})}", "[\"1.25\", (integer) 1]"},
            {"{string.gsub('$name', '%$(%w+)', {name={}})}", "(error) ERR user_script:1: invalid replacement value (a table)"},
            {"{string.gsub('$name', '%$(%w+)', {name=true})}", "(error) ERR user_script:1: invalid replacement value (a boolean)"},
            {"{string.gsub('abc', '%w', setmetatable({}, {__index=function(t, k) return k:upper() end}))}", "[\"ABC\", (integer) 3]"},
            {"{string.gsub('abc', '%w', {})}", "[\"abc\", (integer) 3]"},
            {"{string.gsub('a1', '()', {[1]='x', [3]='y'})}", "[\"xa1y\", (integer) 3]"},
            {"{string.gsub('hello world', '%w+', function(w) return w:upper() end)}", "[\"HELLO WORLD\", (integer) 2]"},
            {"{string.gsub('hello world', '%w+', function(w) return nil end)}", "[\"hello world\", (integer) 2]"},
            {"{string.gsub('hello world', '%w+', function(w) return false end)}", "[\"hello world\", (integer) 2]"},
            {"{string.gsub('hello world', '%w+', function(w) end)}", "[\"hello world\", (integer) 2]"},
            {"{string.gsub('hello', 'l', function() return 1.5 end)}", "[\"he1.51.5o\", (integer) 2]"},
            {"{string.gsub('hello', 'l', function() return {} end)}", "(error) ERR user_script:1: invalid replacement value (a table)"},
            {"{string.gsub('hello', 'l', function() return true end)}", "(error) ERR user_script:1: invalid replacement value (a boolean)"},
            {"{string.gsub('hello', 'l', function() return print end)}", "(error) ERR user_script:1: Script attempted to access nonexistent global variable 'print'"},
            {"{string.gsub('a=1, b=2', '(%w+)=(%w+)', function(k, v) return v .. '=' .. k end)}", "[\"1=a, 2=b\", (integer) 2]"},
            {"{string.gsub('abc', '()', function(p) return p end)}", "[\"1a2b3c4\", (integer) 4]"},
            {"{string.gsub('abc', '%w', function(...) return select('#', ...) end)}", "[\"111\", (integer) 3]"},
            {"{string.gsub('abc', '(%w)()', function(...) return select('#', ...) end)}", "[\"222\", (integer) 3]"},
            {"{string.gsub('aaa', 'a', 'b', 2)}", "[\"bba\", (integer) 2]"},
            {"{string.gsub('aaa', 'a', 'b', 0)}", "[\"aaa\", (integer) 0]"},
            {"{string.gsub('aaa', 'a', 'b', -1)}", "[\"aaa\", (integer) 0]"},
            {"{string.gsub('aaa', 'a', 'b', '1')}", "[\"baa\", (integer) 1]"},
            {"{string.gsub('aaa', 'a', 'b', 2.7)}", "[\"bba\", (integer) 2]"},
            {"{string.gsub('aaa', 'a', 'b', 1e20)}", "[\"aaa\", (integer) 0]"},
            {"{string.gsub('aaa', 'a', 'b', 2^32 + 1)}", "[\"baa\", (integer) 1]"},
            {"{string.gsub('aaa', 'a', 'b', 'x')}", "(error) ERR user_script:1: bad argument #4 to 'gsub' (number expected, got string)"},
            {"{string.gsub('aaa', 'a', 'b', nil)}", "[\"bbb\", (integer) 3]"},
            {"{string.gsub('aaa', 'a')}", "(error) ERR user_script:1: bad argument #3 to 'gsub' (string/function/table expected)"},
            {"{string.gsub('aaa', 'a', nil)}", "(error) ERR user_script:1: bad argument #3 to 'gsub' (string/function/table expected)"},
            {"{string.gsub('aaa', 'a', true)}", "(error) ERR user_script:1: bad argument #3 to 'gsub' (string/function/table expected)"},
            {"{string.gsub('aaa', 'a', nil, 'x')}", "(error) ERR user_script:1: bad argument #4 to 'gsub' (number expected, got string)"},
            {"{string.gsub('aaa', '^a', 'b')}", "[\"baa\", (integer) 1]"},
            {"{string.gsub('hello', '^', '>')}", "[\">hello\", (integer) 1]"},
            {"{string.gsub('hello', '$', '<')}", "[\"hello<\", (integer) 1]"},
            {"{string.gsub('abc', '^x*', '-')}", "[\"-abc\", (integer) 1]"},
            {"{string.gsub('abc', 'x*', '-')}", "[\"-a-b-c-\", (integer) 4]"},
            {"{string.gsub('', 'x*', '-')}", "[\"-\", (integer) 1]"},
            {"{string.gsub('', '', '-')}", "[\"-\", (integer) 1]"},
            {"{string.gsub('abc', '%w*', '-')}", "[\"--\", (integer) 2]"},
            {"{string.gsub('abc', '.-', '-')}", "[\"-a-b-c-\", (integer) 4]"},
            {"{string.gsub('abc', '$', '!', 0)}", "[\"abc\", (integer) 0]"},
            {"{string.gsub(12345, '3', 'x')}", "[\"12x45\", (integer) 1]"},
            {"{string.gsub('a1b', 1, 'x')}", "[\"axb\", (integer) 1]"},
            {"{string.gsub('hello world', '(%w+) (%w+)', '%2 %1')}", "[\"world hello\", (integer) 1]"},
            {"{string.gsub('abc', '.', {a=1, b=true})}", "(error) ERR user_script:1: invalid replacement value (a boolean)"},
            {"{string.gsub('one two', '(%w+)', '<%0>')}", "[\"<one> <two>\", (integer) 2]"},
            {"{string.gsub('x', 'x', '%0%0%0%0')}", "[\"xxxx\", (integer) 1]"},
            {"{('hello'):gsub('l', 'L')}", "[\"heLLo\", (integer) 2]"},
            {"{string.gsub('hello world', 'o', '0', 1)}", "[\"hell0 world\", (integer) 1]"},
            {"{string.gsub('abc', '', '')}", "[\"abc\", (integer) 4]"},
        };
        ScriptTesting.assertRedisReplies(cases);
    }

    /** gmatch: an empty match moves on by one byte, a leading '^' is a plain character. */
    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void gmatchMovesOnAfterAnEmptyMatch() {
        String[][] cases = {
            {"(function() local n = 0 for w in string.gmatch('abc', '') do n = n + 1 end return n end)()",
                "(integer) 4"},
            {"(function() local n = 0 for w in string.gmatch('abc', '%a*') do n = n + 1 end return n end)()",
                "(integer) 2"},
            {"(function() local r = {} for w in string.gmatch('^a^a', '^a') do r[#r+1] = w end return r end)()",
                "[\"^a\", \"^a\"]"},
            {"(function() local r = {} for w in string.gmatch('^\\233x^\\233', '^\\233') do r[#r+1] = #w end return r end)()",
                "[(integer) 2, (integer) 2]"},
            {"(function() local r = {} for a, b in string.gmatch('k1=v1;k2=v2', '(%w+)=(%w+)') do r[#r+1] = a..b end return r end)()",
                "[\"k1v1\", \"k2v2\"]"},
            {"(function() local r = {} for p in string.gmatch('abc', '()') do r[#r+1] = p end return r end)()",
                "[(integer) 1, (integer) 2, (integer) 3, (integer) 4]"},
            {"(function() local r = {} for w in string.gmatch('a,b,,c', '([^,]*)') do r[#r+1] = '<'..w..'>' end return table.concat(r) end)()",
                "\"<a><><b><><><c><>\""},
            {"(function() local r = {} for w in string.gmatch('one two  three', '%S+') do r[#r+1] = w end return r end)()",
                "[\"one\", \"two\", \"three\"]"},
            {"(function() local r = {} for a, p in string.gmatch('xaxa', '(a)()') do r[#r+1] = a..p end return r end)()",
                "[\"a3\", \"a5\"]"},
            {"(function() local r = {} for w in string.gfind('a1b2', '%d') do r[#r+1] = w end return r end)()",
                "[\"1\", \"2\"]"},
            {"(function() local r = {} for w in string.gmatch('', '') do r[#r+1] = 'e' end return #r end)()",
                "(integer) 1"},
            {"(function() local r = {} for w in string.gmatch('aaa', 'a-') do r[#r+1] = '<'..w..'>' end return table.concat(r) end)()",
                "\"<><><><>\""},
            {"(function() local f = string.gmatch('ab', '.'); return {f(), f(), f()} end)()",
                "[\"a\", \"b\"]"},
            {"(function() local f = string.gmatch('ab', '.'); f(); f(); f(); return f() end)()",
                "(nil)"},
            {"(function() local r = {} for k, v in string.gmatch('a=1, b=2', '(%w+)=(%w+)') do r[#r+1] = k .. v end return r end)()", "[\"a1\", \"b2\"]"},
            {"(function() local r = {} for p, w in string.gmatch('one two', '()(%a+)') do r[#r+1] = p .. w end return r end)()", "[\"1one\", \"5two\"]"},
            {"(function() local r = {} for w in string.gmatch('^a^ab', '^a') do r[#r+1] = w end return r end)()", "[\"^a\", \"^a\"]"},
            {"(function() local r = {} for w in string.gmatch('hello', '^h') do r[#r+1] = w end return #r end)()", "(integer) 0"},
            {"(function() local r = {} for w in string.gmatch('a\\0b\\0c', '%z') do r[#r+1] = #w end return r end)()", "[(integer) 1, (integer) 1]"},
            {"(function() local r = {} for w in string.gmatch('a\\0b\\0c', '[^%z]+') do r[#r+1] = w end return r end)()", "[\"a\", \"b\", \"c\"]"},
            {"(function() local r = {} for w in string.gmatch('abc', '[a') do r[#r+1] = w end return r end)()", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"(function() local r = {} for w in string.gmatch('abc', '(a') do r[#r+1] = w end return r end)()", "(error) ERR user_script:1: unfinished capture"},
            {"(function() local r = {} for w in string.gmatch('xyz', 'a%') do r[#r+1] = w end return #r end)()", "(integer) 0"},
            {"(function() local r = {} for w in string.gmatch('hello world from lua', '%a+') do r[#r+1] = w end return r end)()", "[\"hello\", \"world\", \"from\", \"lua\"]"},
            {"(function() local r = {} for w in string.gmatch('THE (quick) fox', '%f[%a]%a+') do r[#r+1] = w end return r end)()", "[\"THE\", \"quick\", \"fox\"]"},
            {"(function() local r = {} for w in string.gmatch('(a)(b(c))', '%b()') do r[#r+1] = w end return r end)()", "[\"(a)\", \"(b(c))\"]"},
            {"(function() local r = {} for w in string.gmatch('abc', '$') do r[#r+1] = 'e' end return #r end)()", "(integer) 1"},
            {"(function() local r = {} for w in string.gmatch('a$b$', '.$') do r[#r+1] = w end return r end)()", "[\"$\"]"},
            {"(function() local r = {} for w in string.gmatch(123, 2) do r[#r+1] = w end return r end)()", "[\"2\"]"},
            {"(function() local r = {} for a, b in string.gmatch('abab', '(a)(b)') do r[#r+1] = a .. '+' .. b end return r end)()", "[\"a+b\", \"a+b\"]"},
            {"(function() local r = {} for w in string.gfind('a1b22', '%d+') do r[#r+1] = w end return r end)()", "[\"1\", \"22\"]"},
            {"(function() local f = string.gmatch('abc', 'x') return {f(), f()} end)()", "[]"},
            {"(function() local f = string.gmatch('abc', 'b') return select('#', f(), f()) end)()", "(integer) 1"},
        };
        ScriptTesting.assertRedisReplies(cases);
    }

    /** Subjects and patterns are bytes: above 127 nothing is a letter; the pattern ends at its first NUL. */
    @Test
    void bytesAbove127AndNulBytes() {
        String[][] cases = {
            {"{string.find('\\233t\\233', '%a+')}", "[(integer) 2, (integer) 2]"},
            {"string.match('caf\\233', '%a+$')", "(nil)"},
            {"{string.gsub('\\200\\255abc', '%W', '.')}", "[\"..abc\", (integer) 2]"},
            {"{string.gsub('\\233', '[\\200-\\255]', 'x')}", "[\"x\", (integer) 1]"},
            {"string.match('\\255', '[^\\1-\\254]')", "\"\u00ff\""},
            {"{string.find('x\\255y', '\\255')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('x\\255y', '\\255', 1, true)}", "[(integer) 2, (integer) 2]"},
            {"string.match('\\200a\\201b', '%b\\200\\201')", "\"\u00c8a\u00c9\""},
            {"{string.find('\\233a', '%f[%a]')}", "[(integer) 2, (integer) 1]"},
            {"{string.find('\\233\\233', '%f[\\233]')}", "[(integer) 1, (integer) 0]"},
            {"string.match('\\233\\234\\235', '[\\234-\\235]+')", "\"\u00ea\u00eb\""},
            {"string.match('a\\128b', '%A')", "\"\u0080\""},
            {"string.match('a\\255b', '[%w]+')", "\"a\""},
            {"{string.gsub('\\195\\169t\\195\\169', '%w', '*')}", "[\"\u00c3\u00a9*\u00c3\u00a9\", (integer) 1]"},
            {"{string.find('a\\0b', '\\0')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a\\0b', '%z')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a\\0b.', 'b\\0.')}", "[]"},
            {"{string.find('a\\0b', 'a\\0c')}", "[]"},
            {"{string.find('a\\0b', '.\\0c')}", "[(integer) 1, (integer) 1]"},
            {"string.match('a\\0b', 'a\\0c')", "\"a\""},
            {"{string.gsub('a\\0b\\0', '\\0', '-')}", "[\"-a-\u0000-b-\u0000-\", (integer) 5]"},
            {"{string.gsub('a\\0b', '%z', '-')}", "[\"a-b\", (integer) 1]"},
            {"{string.gsub('a\\0b', '.', '%0%0')}", "[\"aa\u0000\u0000bb\", (integer) 3]"},
            {"{string.find('a\\0b', '[%z]')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('a\\0b', '[^%Z]')}", "[(integer) 2, (integer) 2]"},
            {"string.match('x\\0y\\0z', '%z(.)%z')", "\"y\""},
            {"{string.find('x\\0\\0', '%z+')}", "[(integer) 2, (integer) 3]"},
            {"string.match('a\\0b', '.+')", "\"a\u0000b\""},
            {"{string.find('ab', 'b$\\0x')}", "[(integer) 2, (integer) 2]"},
            {"{string.find('ab', 'a$\\0x')}", "[]"},
            {"{string.gsub('ab', 'b', 'x\\0y')}", "[\"ax\u0000y\", (integer) 1]"},
            {"{string.gsub('ab', 'b', '%0\\0%0')}", "[\"ab\u0000b\", (integer) 1]"},
            {"#string.gsub('ab', 'b', 'x\\0y')", "(integer) 4"},
            {"{string.find('\\0', '%Z')}", "[]"},
            {"{string.find('\\0', '.')}", "[(integer) 1, (integer) 1]"},
            {"{string.find('a\\0', '%f[%z]')}", "[(integer) 2, (integer) 1]"},
            {"string.match('(\\0)', '%b()')", "\"(\u0000)\""},
            {"{string.find('xb\\0.y', 'b\\0.')}", "[(integer) 2, (integer) 4]"},
            {"{string.find('xb\\0.y', 'b\\0.', 1, true)}", "[(integer) 2, (integer) 4]"},
            {"string.match('xb\\0.y', 'b\\0.')", "\"b\""},
        };
        ScriptTesting.assertRedisReplies(cases);
    }

    /** Malformed patterns raise Lua 5.1's errors, and only once the matcher reaches the bad part. */
    @Test
    void malformedPatternsRaiseLua51Errors() {
        String[][] cases = {
            {"string.find('abc', '%')", "(error) ERR user_script:1: malformed pattern (ends with '%')"},
            {"string.match('abc', 'a%')", "(error) ERR user_script:1: malformed pattern (ends with '%')"},
            {"string.gsub('abc', '%', 'x')", "(error) ERR user_script:1: malformed pattern (ends with '%')"},
            {"string.find('abc', 'b%')", "(error) ERR user_script:1: malformed pattern (ends with '%')"},
            {"string.find('abc', 'x%')", "(nil)"},
            {"string.find('abc', '[')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('abc', '[]')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('abc', '[^]')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('abc', '[a')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('abc', '[%]')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('abc', '[%')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('abc', '[a-')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('xa\\0b', '[a\\0]')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('abc', 'x[')", "(nil)"},
            {"string.find('xabc', 'x[')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('abc', '%f')", "(error) ERR user_script:1: missing '[' after '%f' in pattern"},
            {"string.find('abc', '%fa')", "(error) ERR user_script:1: missing '[' after '%f' in pattern"},
            {"string.find('abc', '%f%a')", "(error) ERR user_script:1: missing '[' after '%f' in pattern"},
            {"string.find('abc', '%f[')", "(error) ERR user_script:1: malformed pattern (missing ']')"},
            {"string.find('abc', '%1')", "(error) ERR user_script:1: invalid capture index"},
            {"string.find('abc', '(a)%2')", "(error) ERR user_script:1: invalid capture index"},
            {"string.find('abc', '%0')", "(error) ERR user_script:1: invalid capture index"},
            {"string.find('abc', '(a%1)')", "(error) ERR user_script:1: invalid capture index"},
            {"string.match('abc', ')')", "(error) ERR user_script:1: invalid pattern capture"},
            {"string.match('abc', 'a)')", "(error) ERR user_script:1: invalid pattern capture"},
            {"string.find('abc', '.)')", "(error) ERR user_script:1: invalid pattern capture"},
            {"string.match('abc', '(a')", "(error) ERR user_script:1: unfinished capture"},
            {"string.find('abc', '(a')", "(error) ERR user_script:1: unfinished capture"},
            {"string.match('abc', '(')", "(error) ERR user_script:1: unfinished capture"},
            {"string.match('abc', '()(')", "(error) ERR user_script:1: unfinished capture"},
            {"string.gsub('abc', '(b', '%1')", "(error) ERR user_script:1: unfinished capture"},
            {"string.gsub('abc', '(b', 'x')", "\"axc\""},
            {"string.gsub('abc', '(b', function(x) return x end)", "(error) ERR user_script:1: unfinished capture"},
            {"string.find('x', string.rep('()', 33) .. 'x')", "(error) ERR user_script:1: too many captures"},
            {"string.find('x', string.rep('(', 33))", "(error) ERR user_script:1: too many captures"},
            {"string.find('abc', '%b')", "(error) ERR user_script:1: unbalanced pattern"},
            {"string.find('abc', '%ba')", "(error) ERR user_script:1: unbalanced pattern"},
            {"string.find('abc', 'x%b')", "(nil)"},
            {"string.gsub('abc', 'b', {b={}})", "(error) ERR user_script:1: invalid replacement value (a table)"},
            {"string.gsub('abc', 'b', {b=true})", "(error) ERR user_script:1: invalid replacement value (a boolean)"},
            {"string.gsub('abc', 'b', function() return function() end end)", "(error) ERR user_script:1: invalid replacement value (a function)"},
            {"string.gsub('abc', 'b', '%9')", "(error) ERR user_script:1: invalid capture index"},
            {"string.gsub('abc', 'b')", "(error) ERR user_script:1: bad argument #3 to 'gsub' (string/function/table expected)"},
            {"string.gsub('abc', 'b', false)", "(error) ERR user_script:1: bad argument #3 to 'gsub' (string/function/table expected)"},
            {"string.find('abc', 'b', 'x')", "(error) ERR user_script:1: bad argument #3 to 'find' (number expected, got string)"},
            {"string.find('abc', 'b', {})", "(error) ERR user_script:1: bad argument #3 to 'find' (number expected, got table)"},
            {"string.match('abc')", "(error) ERR user_script:1: bad argument #2 to 'match' (string expected, got no value)"},
            {"string.find(nil, 'x')", "(error) ERR user_script:1: bad argument #1 to 'find' (string expected, got nil)"},
            {"string.find({}, 'x')", "(error) ERR user_script:1: bad argument #1 to 'find' (string expected, got table)"},
            {"string.gmatch('abc')", "(error) ERR user_script:1: bad argument #2 to 'gmatch' (string expected, got no value)"},
            {"string.gmatch(nil, 'a')", "(error) ERR user_script:1: bad argument #1 to 'gmatch' (string expected, got nil)"},
            {"string.gsub('abc', nil, 'x')", "(error) ERR user_script:1: bad argument #2 to 'gsub' (string expected, got nil)"},
            {"string.gsub()", "(error) ERR user_script:1: bad argument #1 to 'gsub' (string expected, got no value)"},
            {"pcall(string.find, 'abc', '[')", "(nil)"},
            {"{pcall(string.find, 'abc', '[')}", "[(nil), \"malformed pattern (missing ']')\"]"},
            {"{pcall(string.gsub, 'abc', '%f', '')}", "[(nil), \"missing '[' after '%f' in pattern\"]"},
            {"select(2, pcall(string.match, 'a', '(a'))", "\"unfinished capture\""},
            {"string.gfind(nil, 'a')", "(error) ERR user_script:1: bad argument #1 to 'gfind' (string expected, got nil)"},
            {"string.gfind('a')", "(error) ERR user_script:1: bad argument #2 to 'gfind' (string expected, got no value)"},
            {"{pcall(string.gsub, 'abc', 'b', function() return {} end)}", "[(nil), \"invalid replacement value (a table)\"]"},
            {"{pcall(function() return string.gsub('abc', 'b', function() return {} end) end)}", "[(nil), \"user_script:1: invalid replacement value (a table)\"]"},
            {"{xpcall(function() return string.find('a', '%') end, function(m) return 'h:' .. m end)}", "[(nil), \"h:user_script:1: malformed pattern (ends with '%')\"]"},
        };
        ScriptTesting.assertRedisReplies(cases);
    }

    /**
     * An error gsub raises after a replacement function has run names the line of the call, also when the
     * call is a tail call (luaj runs it after the calling function has returned).
     */
    @Test
    void errorsAfterAReplacementFunctionNameTheCallersLine() {
        assertThat(ScriptTesting.reply("local t = {}\nreturn string.gsub('abc', '.', function(c)\n  return c == 'b' and t\nend)"))
                .isEqualTo("(error) ERR user_script:2: invalid replacement value (a table)");
        assertThat(ScriptTesting.reply("local t = {}\nlocal x = string.gsub('abc', '.', function(c)\n  return c == 'b' and t\nend)\nreturn x"))
                .isEqualTo("(error) ERR user_script:2: invalid replacement value (a table)");
        assertThat(ScriptTesting.reply("local t = {}\nreturn string.gsub('abc', '.', function(c)\n  return tostring(c)\nend) .. string.gsub('abc', '.', {b = t})"))
                .isEqualTo("(error) ERR user_script:4: invalid replacement value (a table)");
    }

    /**
     * The matcher recurses once per pattern item that repeats or captures; on the server's 32 MB event
     * loop stack a 100,000-item pattern matches as in Redis. Redis crashes at 1,000,000 (C stack overflow);
     * here it is the script's error and the engine goes on.
     */
    @Test
    void deepPatternsMatchOnTheLoopStackAndOverflowIntoAnError() throws InterruptedException {
        String[] replies = new String[3];
        Thread loop = new Thread(null, () -> {
            replies[0] = ScriptTesting.reply("return {string.find(string.rep('a', 100000), string.rep('a?', 100000))}");
            replies[1] = ScriptTesting.reply("return {string.find(string.rep('a', 1000000), string.rep('a?', 1000000))}");
            replies[2] = ScriptTesting.reply("return string.match('x', 'x')");
        }, "deep-pattern", 32L << 20);
        loop.start();
        loop.join();
        assertThat(replies[0]).isEqualTo("[(integer) 1, (integer) 100000]");
        assertThat(replies[1]).startsWith("(error) ERR Error running script ").endsWith(", stack overflow");
        assertThat(replies[2]).isEqualTo("\"x\"");
    }

    /**
     * A pattern that backtracks for ever (Redis's C matcher would hold the server until it is restarted)
     * asks the host as often as running Lua does, so SCRIPT KILL stops it, and pcall cannot catch the kill.
     */
    @Test
    @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void scriptKillStopsABacktrackingPattern() {
        for (String script : new String[] {
                "return string.find(string.rep('a', 40), string.rep('a*', 40) .. 'b')",
                "return pcall(string.gsub, string.rep('a', 40), string.rep('a-', 40) .. 'b', '')",
                "for w in string.gmatch(string.rep('a', 40), string.rep('a?', 40) .. 'b') do end"}) {
            ScriptEngine engine = ScriptEngine.create();
            MapHost host = new MapHost();
            host.killAfterChecks = 2;
            ScriptReply reply = engine.eval(engine.compile(script.getBytes()), new byte[0][], new byte[0][], host);
            assertThat(reply).as(script).isEqualTo(new ScriptReply.Error("ERR Script killed by user with SCRIPT KILL... script: "
                    + ScriptEngine.sha1hex(script.getBytes()) + ", on @user_script:1."));
            assertThat(host.checks).isEqualTo(3);
        }
    }
}
