package io.nioredis.scripting;

import static io.nioredis.scripting.ScriptTesting.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** bit, cjson, struct and cmsgpack; expected values are Redis 7.0.15's replies to the same EVAL. */
class LibrariesTest {

    private static String hex(String script) {
        ScriptReply reply = ScriptTesting.eval(script);
        if (reply instanceof ScriptReply.Bulk bulk) {
            return HexFormat.of().formatHex(bulk.value());
        }
        return ScriptTesting.show(reply);
    }

    @Test
    void bit() {
        assertThat(run("return {bit.tobit(2^32+5), bit.band(7,3), bit.bor(1,2,4), bit.bxor(5,1), bit.bnot(0), bit.lshift(1,31), bit.rshift(-1,28), bit.arshift(-16,2), bit.rol(1,33), bit.ror(1,1), bit.bswap(1), bit.tohex(255), bit.tohex(-1,-4), bit.tohex(255, 2), bit.tobit(1.5), bit.tobit(2.5)}"))
                .isEqualTo("[(integer) 5, (integer) 3, (integer) 7, (integer) 4, (integer) -1, (integer) -2147483648, (integer) 15, (integer) -4, (integer) 2, (integer) -2147483648, (integer) 16777216, \"000000ff\", \"FFFF\", \"ff\", (integer) 2, (integer) 2]");
        assertThat(run("return bit.band('x')")).isEqualTo("(error) ERR user_script:1: bad argument #1 to 'band' (number expected, got string) script: d35c9a1d4f4825ae2c0656c3cb8c9f397ca6d9b1, on @user_script:1.");
    }

    @Test
    void cjsonEncode() {
        assertThat(hex("return cjson.encode({1,2,'a',{x=1}, 1.5, 1e15, 0.1, true, false, cjson.null, '\"/\\\\\\n\\t\\1\\127\u00e9'})"))
                .isEqualTo("5b312c322c2261222c7b2278223a317d2c312e352c31652b31352c302e312c747275652c66616c73652c6e756c6c2c225c225c2f5c5c5c6e5c745c75303030315c7530303766c3a9225d");
        assertThat(run("return cjson.encode({})")).isEqualTo("\"{}\"");
        assertThat(run("return cjson.encode({[1]=1,[3]=3})")).isEqualTo("\"[1,null,3]\"");
        assertThat(run("return cjson.encode({[1]=1,[30]=3})")).isEqualTo("(error) ERR user_script:1: Cannot serialise table: excessively sparse array script: 192b3af9fff8485280fdaa0d9aacd2968bccc465, on @user_script:1.");
        assertThat(run("return cjson.encode(1/0)")).isEqualTo("(error) ERR user_script:1: Cannot serialise number: must not be NaN or Inf script: 08ffdaa5e7f117332da21c3b5222c2ede9492c60, on @user_script:1.");
        assertThat(run("return cjson.encode(function() end)")).isEqualTo("(error) ERR user_script:1: Cannot serialise function: type not supported script: c6600573aa08cdf0af5da6e0ef682db69a3acc00, on @user_script:1.");
        assertThat(run("return cjson.encode({[true]=1})")).isEqualTo("(error) ERR user_script:1: Cannot serialise boolean: table key must be a number or string script: 376a640005c8509c694166527ca834359bf69aa8, on @user_script:1.");
    }

    @Test
    void cjsonDecode() {
        assertThat(run("local t = cjson.decode('{\"a\":[1,2.5,null,\"x\\\\u00e9\"],\"b\":true}') return {t.a[1], tostring(t.a[2]), tostring(t.a[3] == cjson.null), t.a[4], tostring(t.b)}"))
                .isEqualTo("[(integer) 1, \"2.5\", \"true\", \"x\u00c3\u00a9\", \"true\"]");
        assertThat(run("return cjson.decode('[1,')")).isEqualTo("(error) ERR user_script:1: Expected value but found T_END at character 4 script: ad8248c68c719abd59f0dd09dea378bb946e7d3f, on @user_script:1.");
        assertThat(run("return cjson.decode('x')")).isEqualTo("(error) ERR user_script:1: Expected value but found invalid token at character 1 script: 5f58dd5cefb3eb0313af3534f36be4b83e79ae80, on @user_script:1.");
        assertThat(run("return cjson.decode('{\"a\" 1}')")).isEqualTo("(error) ERR user_script:1: Expected colon but found T_NUMBER at character 6 script: 3486ee24bfdfc100c738c73355e99954ef01d92f, on @user_script:1.");
        assertThat(run("return cjson.decode('')")).isEqualTo("(error) ERR user_script:1: Expected value but found T_END at character 1 script: 7ff8cf86abed928f4d61a01dcc9713f0117b180a, on @user_script:1.");
        assertThat(run("return tostring(cjson.decode('1e2'))..' '..tostring(cjson.decode('-0.5'))")).isEqualTo("\"100 -0.5\"");
    }

    @Test
    void struct() {
        assertThat(hex("return struct.pack('>I2', 258)")).isEqualTo("0102");
        assertThat(hex("return struct.pack('<i4', -2)")).isEqualTo("feffffff");
        assertThat(hex("return struct.pack('s', 'ab')")).isEqualTo("616200");
        assertThat(hex("return struct.pack('!4 b i4', 1, 2)")).isEqualTo("0100000002000000");
        assertThat(hex("return struct.pack('>f', 0.5)")).isEqualTo("3f000000");
        assertThat(hex("return struct.pack('>d', -2.25)")).isEqualTo("c002000000000000");
        assertThat(hex("return struct.pack('<I8 >h', 1, -3)")).isEqualTo("0100000000000000fffd");
        assertThat(run("return struct.pack('c3', 'abcdef')")).isEqualTo("\"abc\"");
        assertThat(run("return struct.pack('x')")).isEqualTo("\"\u0000\"");
        assertThat(run("return {struct.unpack('>I2 <i4', struct.pack('>I2 <i4', 258, -2))}")).isEqualTo("[(integer) 258, (integer) -2, (integer) 7]");
        assertThat(run("return struct.size('>I2i4bBhHlLd')")).isEqualTo("(integer) 36");
        assertThat(run("return tostring(struct.unpack('>d', struct.pack('>d', 1.5)))")).isEqualTo("\"1.5\"");
        assertThat(run("return {struct.unpack('bc0', '\\3abcd')}")).isEqualTo("[\"abc\", (integer) 5]");
        assertThat(run("return {struct.unpack('c0', struct.pack('B c0', 3, 'xyz'))}")).isEqualTo("(error) ERR user_script:1: format 'c0' needs a previous size script: 7f7d7480a2890f23308c1574a6f544f74e6d9c31, on @user_script:1.");
        assertThat(run("return struct.pack('q')")).isEqualTo("(error) ERR user_script:1: bad argument #1 to 'pack' (invalid format option 'q') script: ceed8871645dbc32a5ec4d2b94216628f8932066, on @user_script:1.");
        assertThat(run("return {struct.unpack('>I4', 'ab')}")).isEqualTo("(error) ERR user_script:1: bad argument #2 to 'unpack' (data string too short) script: 3321ed594bb3121409ecd321b8b8c38885f3d0cd, on @user_script:1.");
    }

    @Test
    void cmsgpack() {
        assertThat(hex("return cmsgpack.pack(1, -1, 127, 128, 255, 256, 65536, -33, -129, -32769, 4294967296, 1.5, 'ab', true, false, {1,2}, {a=1})"))
                .isEqualTo("01ff7fcc80ccffcd0100ce00010000d0dfd1ff7fd2ffff7fffcf0000000100000000ca3fc00000a26162c3c292010281a16101");
        assertThat(hex("return cmsgpack.pack(-2147483649, 0.1, string.rep('x', 40))"))
                .isEqualTo("d3ffffffff7fffffffcb3fb999999999999ad928" + "78".repeat(40));
        assertThat(hex("return cmsgpack.pack({1,2,nil,4})")).isEqualTo("83010102020404");
        assertThat(hex("return cmsgpack.pack(nil)")).isEqualTo("c0");
        assertThat(hex("return cmsgpack.pack({})")).isEqualTo("90");
        assertThat(run("return {cmsgpack.unpack(cmsgpack.pack(1, 'a', {1,2,{x=3}}, true, 1.5))}")).isEqualTo("[(integer) 1, \"a\", [(integer) 1, (integer) 2, []], (integer) 1, (integer) 1]");
        assertThat(run("return cjson.encode(cmsgpack.unpack(cmsgpack.pack({1,2,nil,4})))")).isEqualTo("\"[1,2,null,4]\"");
        assertThat(run("return cmsgpack.pack()")).isEqualTo("(error) ERR user_script:1: bad argument #0 to 'pack' (MessagePack pack needs input.) script: 6bc235afa55de88253e203cc5fe5844792e25209, on @user_script:1.");
        assertThat(run("return cmsgpack.unpack('\\193')")).isEqualTo("(error) ERR user_script:1: Bad data format in input. script: dc135bd7bc2955014f03280e151acf74360378e7, on @user_script:1.");
        assertThat(run("return {cmsgpack.unpack_one(cmsgpack.pack(1,2))}")).isEqualTo("[(integer) 1, (integer) 1]");
        assertThat(run("return {cmsgpack.unpack_limit(cmsgpack.pack(1,2,3), 2)}")).isEqualTo("[(integer) 2, (integer) 1, (integer) 2]");
    }
}
