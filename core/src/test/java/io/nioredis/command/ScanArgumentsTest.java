package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ScanArgumentsTest {
    private final ScanArguments args = new ScanArguments();
    private final RespWriter out = new RespWriter();

    @Test
    void cursorReadsAsStrtoul() {
        assertThat(cursor("0")).isEqualTo("0");
        assertThat(cursor("")).isEqualTo("0");
        assertThat(cursor("+7")).isEqualTo("7");
        assertThat(cursor("-1")).isEqualTo("18446744073709551615");
        assertThat(cursor("18446744073709551615")).isEqualTo("18446744073709551615");
        for (String bad : new String[] {"18446744073709551616", " 0", "x", "+", "-", "1x", "0x1"}) {
            assertThat(cursor(bad)).as(bad).isEqualTo("-ERR invalid cursor\r\n");
        }
    }

    @Test
    void options() {
        assertThat(parse("SCAN", "0")).isEmpty();
        assertThat(args.count).isEqualTo(10);
        assertThat(args.matches(bytes("anything"), 0, 8)).isTrue();
        assertThat(parse("SCAN", "0", "MATCH", "a*", "count", "5", "TYPE", "String")).isEmpty();
        assertThat(args.count).isEqualTo(5);
        assertThat(args.matches(bytes("abc"), 0, 3)).isTrue();
        assertThat(args.matches(bytes("bc"), 0, 2)).isFalse();
        assertThat(args.typeMatches("string")).isTrue();
        assertThat(args.typeMatches("list")).isFalse();
        assertThat(parse("SCAN", "0", "COUNT", "1", "COUNT", "2")).isEmpty();
        assertThat(args.count).isEqualTo(2);
    }

    @Test
    void optionErrors() {
        assertThat(parse("SCAN", "0", "COUNT", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(parse("SCAN", "0", "COUNT", "-1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(parse("SCAN", "0", "COUNT", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(parse("SCAN", "0", "COUNT", "10", "MATCH")).isEqualTo("-ERR syntax error\r\n");
        assertThat(parse("SCAN", "0", "foo", "bar")).isEqualTo("-ERR syntax error\r\n");
        out.reset();
        Request hscan = Request.of("HSCAN", "h", "0", "TYPE", "string");
        assertThat(args.parseOrReply(hscan, 2, false, out)).isFalse();
        assertThat(new String(out.array(), 0, out.size())).isEqualTo("-ERR syntax error\r\n");
    }

    private String cursor(String text) {
        String error = parse("SCAN", text);
        return error.isEmpty() ? Long.toUnsignedString(args.cursor) : error;
    }

    private String parse(String... argv) {
        out.reset();
        boolean ok = args.parseOrReply(Request.of(argv), 1, true, out);
        String reply = new String(out.array(), 0, out.size(), StandardCharsets.ISO_8859_1);
        assertThat(ok).isEqualTo(reply.isEmpty());
        return reply;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
