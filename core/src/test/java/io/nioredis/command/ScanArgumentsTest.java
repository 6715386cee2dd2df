package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Cursor and options as Redis 7.0.15's parseScanCursorOrReply and scanGenericCommand read them. */
class ScanArgumentsTest {
    private final ScanArguments args = new ScanArguments();
    private final RespWriter out = new RespWriter();

    @Test
    void cursorReadsAsStrtoul() {
        assertThat(cursor("0")).isEqualTo("0");
        assertThat(cursor("")).isEqualTo("0");
        assertThat(cursor("+7")).isEqualTo("7");
        assertThat(cursor("-1")).isEqualTo("18446744073709551615");
        assertThat(cursor("-18446744073709551615")).isEqualTo("1");
        assertThat(cursor("18446744073709551615")).isEqualTo("18446744073709551615");
        for (String bad : new String[] {"18446744073709551616", " 0", "\t0", "x", "+", "-", "1x", "0x1", "1 "}) {
            assertThat(cursor(bad)).as(bad).isEqualTo("-ERR invalid cursor\r\n");
        }
    }

    @Test
    void cursorEndsAtTheFirstNulByteAsACString() {
        assertThat(cursor("5\0a")).isEqualTo("5");
        assertThat(cursor("\0")).isEqualTo("0");
        assertThat(cursor("\0" + "1")).isEqualTo("0");
        assertThat(cursor("1\0")).isEqualTo("1");
        assertThat(cursor("+\0")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(cursor("x\0" + "1")).isEqualTo("-ERR invalid cursor\r\n");
    }

    @Test
    void options() {
        assertThat(options(true, "SCAN", "0")).isEmpty();
        assertThat(args.count).isEqualTo(10);
        assertThat(args.hasType()).isFalse();
        assertThat(args.matches(bytes("anything"), 0, 8)).isTrue();
        assertThat(options(true, "SCAN", "0", "MATCH", "a*", "count", "5", "TYPE", "String")).isEmpty();
        assertThat(args.count).isEqualTo(5);
        assertThat(args.matches(bytes("abc"), 0, 3)).isTrue();
        assertThat(args.matches(bytes("bc"), 0, 2)).isFalse();
        assertThat(args.typeMatches("string")).isTrue();
        assertThat(args.typeMatches("list")).isFalse();
        assertThat(options(true, "SCAN", "0", "COUNT", "1", "COUNT", "2")).isEmpty();
        assertThat(args.count).isEqualTo(2);
        assertThat(options(true, "SCAN", "0", "MATCH", "*")).isEmpty();
        assertThat(args.matches(bytes("x"), 0, 1)).isTrue();
    }

    @Test
    void typeComparesAsACString() {
        assertThat(options(true, "SCAN", "0", "TYPE", "string\0xy")).isEmpty();
        assertThat(args.typeMatches("string")).isTrue();
        assertThat(options(true, "SCAN", "0", "TYPE", "strin")).isEmpty();
        assertThat(args.typeMatches("string")).isFalse();
    }

    @Test
    void optionErrors() {
        assertThat(options(true, "SCAN", "0", "COUNT", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(options(true, "SCAN", "0", "COUNT", "-1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(options(true, "SCAN", "0", "COUNT", "x"))
                .isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(options(true, "SCAN", "0", "COUNT", "1\0"))
                .isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(options(true, "SCAN", "0", "COUNT", "99999999999999999999"))
                .isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(options(true, "SCAN", "0", "COUNT", "10", "MATCH")).isEqualTo("-ERR syntax error\r\n");
        assertThat(options(true, "SCAN", "0", "foo", "bar")).isEqualTo("-ERR syntax error\r\n");
        out.reset();
        assertThat(args.optionsOrReply(Request.of("HSCAN", "h", "0", "TYPE", "string"), 3, false, out)).isFalse();
        assertThat(reply()).isEqualTo("-ERR syntax error\r\n");
    }

    @Test
    void visitAllHandsBackEverySlotAndCursorZero() {
        assertThat(args.visitAll(40)).isZero();
        assertThat(args.visitedCount).isEqualTo(40);
        assertThat(args.visited[39]).isEqualTo(39);
    }

    private String cursor(String text) {
        out.reset();
        boolean ok = args.cursorOrReply(Request.of("SCAN", text), 1, out);
        assertThat(ok).isEqualTo(out.size() == 0);
        return ok ? Long.toUnsignedString(args.cursor) : reply();
    }

    private String options(boolean allowType, String... argv) {
        out.reset();
        boolean ok = args.optionsOrReply(Request.of(argv), 2, allowType, out);
        assertThat(ok).isEqualTo(out.size() == 0);
        return reply();
    }

    private String reply() {
        return new String(out.array(), 0, out.size(), StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
