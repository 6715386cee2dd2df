package io.nioredis.server.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random Lua programs for EVAL and FCALL bodies: a few local statements (redis.call and redis.pcall
 * of commands on the generator's keys, library calls) and a return of any shape the Lua-to-RESP conversion
 * has a rule for (integers and truncated doubles, strings, booleans, nil, arrays cut at the first nil, nested
 * tables, {err=}, {ok=}, error and status replies), now and then a raised error or a runtime error.
 *
 * <p>Only what Redis fixes is generated: no table is iterated with pairs or encoded as a JSON object with
 * more than one key (Lua's hash order is the implementation's), no TIME, RANDOMKEY or SPOP, no infinite or
 * NaN number converted to an integer.
 */
final class LuaScriptGenerator {
    private static final String[] STRING_KEYS = {"s0", "s1", "s2"};
    private static final String[] LIST_KEYS = {"l0", "l1"};
    private static final String[] HASH_KEYS = {"h0", "h1"};
    private static final String[] SET_KEYS = {"S0", "S1"};
    private static final String[] ZSET_KEYS = {"z0", "z1"};
    private static final String[] WORDS = {"a", "b", "hello", "", "x y", "10", "-3", "1.5", "3.0", "\\0nul",
        "\\r\\n", "quote\\\"d", "\\255\\254", "é"};

    /** Subjects of pattern matching: words, spaces, brackets, bytes above 127 (never letters) and a NUL. */
    private static final String[] SUBJECTS = {"a", "b", "hello", "", "x y", "10", "-3", "1.5", "hello world 42",
        "f(a(b)c)", "caf\\233 au lait", "\\255\\254", "été", "\\0nul"};

    private final Random r;

    LuaScriptGenerator(Random random) {
        this.r = random;
    }

    /** A program body: locals, then a return (or an error); {@code keys}/{@code args} count KEYS and ARGV. */
    String body(int keys, int args) {
        StringBuilder b = new StringBuilder();
        int locals = r.nextInt(3);
        for (int i = 0; i < locals; i++) {
            b.append("local v").append(i).append(" = ").append(expression(2, i, keys, args)).append('\n');
        }
        switch (r.nextInt(14)) {
            case 0:
                b.append(raise());
                break;
            case 1:
                b.append(runtimeError(locals));
                break;
            case 2:
                b.append("return {pcall(function() ").append(runtimeError(locals)).append(" end)}");
                break;
            default:
                b.append("return ").append(expression(3, locals, keys, args));
        }
        return b.toString();
    }

    /** An expression; {@code locals} names v0..v(locals-1) usable here. */
    String expression(int depth, int locals, int keys, int args) {
        int roll = r.nextInt(depth <= 0 ? 6 : 24);
        switch (roll) {
            case 0: return integerLiteral();
            case 1: return pick("3.7", "-2.5", "0.5", "1e3", "123456789.9", "2^53", "1/3");
            case 2: return quoted(pick(WORDS));
            case 3: return pick("true", "false", "nil");
            case 4: return locals > 0 ? "v" + r.nextInt(locals) : integerLiteral();
            case 5: return keys > 0 && r.nextBoolean() ? "KEYS[" + (1 + r.nextInt(keys + 1)) + "]"
                    : "ARGV[" + (1 + r.nextInt(args + 1)) + "]";
            case 6: case 7: case 8: return redisCall(depth, locals, keys, args);
            case 9: return table(depth - 1, locals, keys, args);
            case 10: return pick("{err=" + quoted(pick("My Error", "ERR bad thing", "WRONGTYPE x", "")) + "}",
                    "{ok=" + quoted(pick("FINE", "OK", "")) + "}",
                    "redis.error_reply(" + quoted(pick("boom", "ERR custom", "-X dashed", "")) + ")",
                    "redis.status_reply(" + quoted(pick("QUEUED", "all good", "")) + ")",
                    "{err=" + integerLiteral() + "}", "{ok=true}");
            case 11: return cjson(depth, locals, keys, args);
            case 12: return cmsgpack(depth, locals, keys, args);
            case 13: return struct();
            case 14: return bit();
            case 15: case 16: return stringLibrary(depth, locals, keys, args);
            case 17: return mathLibrary(depth, locals, keys, args);
            case 18: return tableLibrary(depth, locals, keys, args);
            case 19: return conversions(depth, locals, keys, args);
            case 20: return "type(" + expression(depth - 1, locals, keys, args) + ")";
            case 21: return "redis.sha1hex(" + quoted(pick(WORDS)) + ")";
            case 22: return arithmetic(depth, locals, keys, args);
            default: return pcallOf(expression(depth - 1, locals, keys, args));
        }
    }

    /** A value whose tostring is the same everywhere (a table's or a function's is its address). */
    private String scalar() {
        return pick(integerLiteral(), "3.7", "1/3", "1e15", "1e100", quoted(pick(WORDS)), "true", "nil",
                "redis.call('GET', 's0')", "redis.call('INCR', 's1')", "math.pi", "2^63");
    }

    private String integerLiteral() {
        return pick("0", "1", "-1", "42", "1000000", "-7", "9007199254740992", "2147483648");
    }

    private String redisCall(int depth, int locals, int keys, int args) {
        String call = r.nextInt(3) == 0 ? "redis.pcall" : "redis.call";
        String command;
        switch (r.nextInt(22)) {
            case 0: command = "'GET', " + key(STRING_KEYS, keys); break;
            case 1: command = "'SET', " + key(STRING_KEYS, keys) + ", " + argument(depth, locals, keys, args); break;
            case 2: command = "'INCR', " + key(STRING_KEYS, keys); break;
            case 3: command = "'INCRBYFLOAT', " + key(STRING_KEYS, keys) + ", " + pick("'1.5'", "2", "'x'", "0.25"); break;
            case 4: command = "'LPUSH', " + key(LIST_KEYS, keys) + ", " + argument(depth, locals, keys, args); break;
            case 5: command = "'LRANGE', " + key(LIST_KEYS, keys) + ", 0, -1"; break;
            case 6: command = "'HSET', " + key(HASH_KEYS, keys) + ", 'f', " + argument(depth, locals, keys, args); break;
            case 7: command = "'HGET', " + key(HASH_KEYS, keys) + ", " + pick("'f'", "'g'"); break;
            case 8: command = "'SADD', " + key(SET_KEYS, keys) + ", " + argument(depth, locals, keys, args); break;
            case 9: command = "'SISMEMBER', " + key(SET_KEYS, keys) + ", 'a'"; break;
            case 10: command = "'ZADD', " + key(ZSET_KEYS, keys) + ", " + pick("1", "'2.5'", "'inf'", "'x'") + ", 'm'"; break;
            case 11: command = "'ZRANGE', " + key(ZSET_KEYS, keys) + ", 0, -1, 'WITHSCORES'"; break;
            case 12: command = "'EXISTS', " + key(STRING_KEYS, keys) + ", " + key(LIST_KEYS, keys); break;
            case 13: command = "'DEL', " + key(pick(STRING_KEYS, LIST_KEYS, HASH_KEYS), keys); break;
            case 14: command = "'TYPE', " + key(pick(STRING_KEYS, LIST_KEYS, SET_KEYS, ZSET_KEYS), keys); break;
            case 15: command = "'LPUSH', " + key(STRING_KEYS, keys) + ", 'wrongtype'"; break;
            case 16: command = pick("'NOSUCHCOMMAND'", "'GET'", "'SET', 'k'", "'get', 'a', 'b'", "'SUBSCRIBE', 'c'",
                    "'EVAL', 'return 1', 0", "'MULTI'", "'BLPOP', 'l0', 0", "'PING'", "'ECHO', 'hi'"); break;
            case 17: command = "'SET', " + pick("{}", "nil", "true", "1.5", "'k', {1}"); break;
            case 18: command = "'HINCRBY', " + key(HASH_KEYS, keys) + ", 'n', " + pick("1", "'x'", "-5"); break;
            case 19: command = "'SCARD', " + key(SET_KEYS, keys); break;
            case 20: command = "'ZSCORE', " + key(ZSET_KEYS, keys) + ", 'm'"; break;
            default: command = "'MGET', " + key(STRING_KEYS, keys) + ", 'nokey', " + key(STRING_KEYS, keys); break;
        }
        String expr = call + "(" + command + ")";
        if (call.equals("redis.pcall") && r.nextBoolean()) {
            return "(" + expr + ")" + pick("['err']", "['ok']", "[1]");
        }
        return expr;
    }

    private String key(String[] pool, int keys) {
        return keys > 0 && r.nextInt(3) == 0 ? "KEYS[" + (1 + r.nextInt(keys)) + "]" : quoted(pick(pool));
    }

    private String argument(int depth, int locals, int keys, int args) {
        switch (r.nextInt(5)) {
            case 0: return integerLiteral();
            case 1: return pick("1.5", "-0.25", "3.0", "1e20", "0.1");
            case 2: return args > 0 ? "ARGV[" + (1 + r.nextInt(args)) + "]" : quoted(pick(WORDS));
            case 3: return locals > 0 ? "type(v" + r.nextInt(locals) + ")" : quoted(pick(WORDS));
            default: return quoted(pick(WORDS));
        }
    }

    private String table(int depth, int locals, int keys, int args) {
        List<String> items = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            items.add(expression(depth, locals, keys, args));
        }
        if (r.nextInt(4) == 0) {
            items.add(pick("nil", "false", "x=1", "[5]=5"));
            items.add(integerLiteral());
        }
        return "{" + String.join(", ", items) + "}";
    }

    /** A table cjson encodes the same on any Lua: arrays, nested arrays, one-key objects, scalars. */
    private String jsonable(int depth) {
        switch (r.nextInt(depth <= 0 ? 4 : 7)) {
            case 0: return pick("0", "1", "-1", "1.5", "1e20", "0.1", "123456789012", "1/3", "2^60", "-0.5e-10");
            case 1: return quoted(pick(WORDS));
            case 2: return pick("true", "false", "cjson.null");
            case 3: return "{}";
            case 4: case 5: {
                List<String> items = new ArrayList<>();
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    items.add(jsonable(depth - 1));
                }
                return "{" + String.join(", ", items) + "}";
            }
            default: return "{" + pick("a", "key", "x_y") + "=" + jsonable(depth - 1) + "}";
        }
    }

    private String jsonText() {
        return quoted(pick("[1,2,3]", "[]", "{}", "{\\\"a\\\":[1,{\\\"b\\\":null}]}", "\\\"str\\\\u00e9\\\"",
                "[1.5,-2e3,0.1,true,false,null]", "[\\\"a\\\",[[[]]]]", "12345678901234567890", "[1,2",
                "{\\\"a\\\":1,}", "nul", "  [ 1 , 2 ]  ", "[\\\"\\\\ud83d\\\\ude00\\\"]", "1e400", "[0.5e1]"));
    }

    private String cjson(int depth, int locals, int keys, int args) {
        switch (r.nextInt(6)) {
            case 0: case 1: return "cjson.encode(" + jsonable(2) + ")";
            case 2: return "cjson.encode(cjson.decode(" + jsonText() + "))";
            case 3: return "cjson.decode(" + jsonText() + ")";
            case 4: return "cjson.decode(cjson.encode(" + jsonable(2) + "))";
            default: return "cjson.encode(" + pick("function() end", "{[1]=1,[3]=3}", "{1,2,nil,4}", "0/0",
                    "1/0", "{[1.5]=1}") + ")";
        }
    }

    private String cmsgpack(int depth, int locals, int keys, int args) {
        String value = msgpackable(2);
        switch (r.nextInt(5)) {
            case 0: case 1: return "cmsgpack.pack(" + value + ")";
            case 2: return "cmsgpack.unpack(cmsgpack.pack(" + value + "))";
            case 3: return "{cmsgpack.unpack(cmsgpack.pack(" + value + ", " + msgpackable(1) + "))}";
            default: return "cmsgpack.unpack(" + quoted(pick("\\145\\1", "\\147\\1\\2\\3", "\\192", "\\195",
                    "\\217\\3abc", "\\203\\63\\248\\0\\0\\0\\0\\0\\0", "\\205\\1\\0", "\\210\\255\\255\\255\\255",
                    "\\129\\161a\\1", "")) + ")";
        }
    }

    private String msgpackable(int depth) {
        switch (r.nextInt(depth <= 0 ? 4 : 6)) {
            case 0: return pick("0", "1", "-1", "127", "128", "-33", "65536", "4294967296", "-2147483649", "1.5",
                    "-0.25", "1e100", "2^53");
            case 1: return r.nextInt(5) == 0 ? "(" + quoted(pick(WORDS)) + "):rep(40)" : quoted(pick(WORDS));
            case 2: return pick("true", "false", "nil");
            case 3: return "{}";
            case 4: {
                List<String> items = new ArrayList<>();
                for (int i = 1 + r.nextInt(4); i > 0; i--) {
                    items.add(msgpackable(depth - 1));
                }
                return "{" + String.join(", ", items) + "}";
            }
            default: return "{" + pick("a", "k") + "=" + msgpackable(depth - 1) + "}";
        }
    }

    private String struct() {
        switch (r.nextInt(4)) {
            case 0: return "struct.pack(" + quoted(pick(">I2", "<i4", "b", "B", ">d", "<h", ">L", "s", "c3",
                    "i8", ">i3", "!4i", "bad")) + ", " + pick("1", "-1", "255", "65535", "1.5", "'ab'", "0") + ")";
            case 1: return "{struct.unpack(" + quoted(pick(">I2", "<i4", "b", "B", "<h", "c2", "s")) + ", "
                    + quoted(pick("\\1\\2\\3\\4", "ab\\0", "\\255\\255\\255\\255", "x")) + ")}";
            case 2: return "struct.size(" + quoted(pick(">I2", "<i4d", "bB", "c10", "!8id", "s")) + ")";
            default: return "{struct.unpack('>I2i4', struct.pack('>I2i4', " + pick("1, -1", "65535, 7", "0, 0") + "))}";
        }
    }

    private String bit() {
        String a = pick("0", "1", "-1", "255", "0x7fffffff", "2^31", "2^32 + 5", "-2^31", "3.7", "1e10");
        String b = pick("0", "1", "4", "31", "32", "-1", "0xff00");
        switch (r.nextInt(9)) {
            case 0: return "bit.band(" + a + ", " + b + ")";
            case 1: return "bit.bor(" + a + ", " + b + ")";
            case 2: return "bit.bxor(" + a + ", " + b + ", 7)";
            case 3: return "bit.lshift(" + a + ", " + b + ")";
            case 4: return "bit.rshift(" + a + ", " + b + ")";
            case 5: return "bit.arshift(" + a + ", " + b + ")";
            case 6: return "bit.tohex(" + a + (r.nextBoolean() ? ", " + pick("2", "-4", "8", "0") : "") + ")";
            case 7: return "bit.bnot(" + a + ")";
            default: return "bit.tobit(" + a + ")";
        }
    }

    private String stringLibrary(int depth, int locals, int keys, int args) {
        String s = r.nextInt(3) == 0 ? "tostring(" + scalar() + ")" : quoted(pick(WORDS));
        String subject = r.nextInt(3) == 0 ? "tostring(" + scalar() + ")" : quoted(pick(SUBJECTS));
        switch (r.nextInt(14)) {
            case 0: return "string.format(" + quoted(pick("%d items", "%5.2f", "%s=%s", "%x", "%q", "%g", "%10s|",
                    "%-5d|", "%c", "%%", "%.3s", "%e", "%i", "%o")) + ", " + pick("42", "3.14159", "'a'", "-7", "65",
                    "1e20", "0.1") + ", " + pick("'b'", "1", "2.5") + ")";
            case 1: return "string.rep(" + s + ", " + pick("0", "3", "-1", "2") + ")";
            case 2: return "string.sub(" + s + ", " + pick("1", "2", "-2", "0", "10") + ", " + pick("-1", "2", "3", "0") + ")";
            case 3: return "string.upper(" + s + ")";
            case 4: return "{string.byte(" + s + ", 1, -1)}";
            case 5: return "string.char(" + pick("72, 105", "0, 255", "256", "-1", "") + ")";
            case 6: return "string.len(" + s + ")";
            case 7: return "{string.find(" + subject + ", " + quoted(pick("l+", "%d", "x", "^h", "(l)(l)", "%s", "[%a]",
                    "%f[%w]%w+", "%b()", "[^%s]+$", "%z", "()a")) + ")}";
            case 8: return "{string.gsub(" + subject + ", " + quoted(pick("l", "%w", "(%a)", "", "%W+", "%f[%a]")) + ", "
                    + quoted(pick("L", "%1%1", "", "%%")) + ")}";
            case 9: return "string.reverse(" + s + ")";
            case 10: return "(" + s + "):lower()";
            case 11: return "{string.match(" + subject + ", " + quoted(pick("(%a+)", "(%d+)", "(.)(.)", "x*",
                    "^(%w*)%s*(.-)$", "[\\128-\\255]+")) + ")}";
            // Only integers of few digits: luaj's .. writes other numbers its own way (see ENGINE.md).
            case 12: return s + " .. " + pick("1", "'x'", "-42", "123456");
            default: return "tostring(" + pick("1e15", "1e16", "0.1", "1/3", "2^63", "123456789012345678",
                    "3", "3.0", "1e300*10", "nil", "true") + ")";
        }
    }

    private String mathLibrary(int depth, int locals, int keys, int args) {
        switch (r.nextInt(9)) {
            case 0: return "math.floor(" + pick("3.7", "-3.7", "2^40 + 0.5", "0") + ")";
            case 1: return "math.max(" + pick("1, 5, 3", "-1", "1.5, 2.5") + ")";
            case 2: return "math.fmod(" + pick("7, 3", "-7, 3", "7.5, 2", "1, 0") + ")";
            case 3: return "math.random(" + pick("", "10", "5, 15", "100") + ")";
            case 4: return "{math.random(), math.random(1000)}";
            case 5: return "math.sqrt(" + pick("16", "2", "1e10") + ")";
            case 6: return "math.abs(" + pick("-5", "5.5", "-2^40") + ")";
            case 7: return "math.pi * " + pick("1", "1000", "1e6");
            default: return "{math.modf(" + pick("3.7", "-3.7", "5") + ")}";
        }
    }

    private String tableLibrary(int depth, int locals, int keys, int args) {
        // No holes: # and the table functions follow 5.2's border rule in luaj, 5.1's in Redis.
        String t = pick("{1, 2, 3}", "{'a', 'b'}", "{}", "{1, {2}, 'x'}", "{false, true}", "{x=1}", "{1.5, 'z', 7}");
        switch (r.nextInt(7)) {
            case 0: return "table.concat({" + pick("1, 2, 3", "'a', 'b'", "", "1.5, 'x'") + "}, " + quoted(pick(",", "", " - ")) + ")";
            case 1: return "#" + t;
            case 2: return "(function() local t = " + t + " table.insert(t, 1, 'first') return t end)()";
            case 3: return "(function() local t = {3, 1, 2, 10, -1} table.sort(t) return t end)()";
            case 4: return "{unpack({1, 2, 3})}";
            case 5: return "select('#', " + pick("1, nil, 3", "", "nil") + ")";
            default: return "(function() local t = {'a', 'b', 'c'} table.remove(t, " + pick("1", "", "3") + ") return t end)()";
        }
    }

    private String conversions(int depth, int locals, int keys, int args) {
        switch (r.nextInt(5)) {
            case 0: return "tonumber(" + quoted(pick("0x10", " 5 ", "1e2", "abc", "", "5.", ".5", "1e", "9007199254740993"))
                    + ")";
            case 1: return "tonumber(" + quoted(pick("ff", "777", "z", "11")) + ", " + pick("16", "8", "36", "2") + ")";
            case 2: return "tostring(tonumber(" + quoted(pick("1e15", "0.1", "12345678901234567")) + "))";
            case 3: return "redis.sha1hex(tostring(" + scalar() + "))";
            default: return "(" + expression(depth - 1, locals, keys, args) + ") == nil";
        }
    }

    private String arithmetic(int depth, int locals, int keys, int args) {
        return "(" + pick("1", "2.5", "-3", "10", "'5'", "'0x10'") + " " + pick("+", "-", "*", "/", "%", "^") + " "
                + pick("1", "2", "0", "-4", "0.5", "'3'") + ")";
    }

    private String pcallOf(String expression) {
        return pick("{pcall(function() return " + expression + " end)}",
                "(function() local ok, e = pcall(function() return " + expression + " end) return {ok and 1 or 0, "
                        + "type(e) == 'table' and (e.err or 'table') or e} end)()");
    }

    /**
     * A statement raising a script error: error() with a string, a table or nothing. Never a table without
     * an err field ({} or {ok=...}): redis-server 7.0.15 crashes on it.
     */
    private String raise() {
        return pick("error('plain message')", "error('with level', 0)", "error({err='ERR from table'})",
                "error({err='CUSTOM no ERR prefix'})", "error()", "error(42)",
                "return redis.error_reply('ERR as reply')",
                "error(redis.error_reply('MYERR through error'))", "assert(false, 'asserted')", "assert(nil)");
    }

    /** A statement failing at run time in the VM or a library. */
    private String runtimeError(int locals) {
        return pick("return nil + 1", "return {} .. 'x'", "return undefined_global", "undefined_function()",
                "newglobal = 1", "return #nil", "return (nil).x",
                "return string.rep()", "return string.sub()", "return math.floor('x')", "return ({}) < ({})",
                "return 1 < 'x'", "return tostring()", "return (1)()", "return #5", "return cjson.decode('[')", "return cmsgpack.unpack()",
                "return bit.band('x')", "return struct.pack('i', 'x')", "return redis.call()",
                "return redis.call({})", "return loadstring('return 1')()", "return setmetatable({}, {})",
                "return string.format('%d', 'x')", "return table.concat({{}})", "return redis.sha1hex()",
                "return redis.status_reply()", "local a = 'x' + 1 return a", "return -{}");
    }

    private String quoted(String text) {
        return "'" + text.replace("'", "\\'") + "'";
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
