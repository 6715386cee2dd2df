package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Cursor parsing as Redis's strtoul-based parseScanCursorOrReply, checked against Redis 7.0.15. */
class ElementScanArgumentsTest {
    private final ElementScanArguments args = new ElementScanArguments();
    private final RespWriter out = new RespWriter(64);

    private boolean cursor(String text) {
        out.reset();
        return args.cursorOrReply(Request.of("SSCAN", "k", text), 2, out);
    }

    private String reply() {
        return new String(out.array(), 0, out.size(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void acceptedCursors() {
        assertThat(cursor("0")).isTrue();
        assertThat(args.cursor).isZero();
        assertThat(cursor("")).isTrue(); // Redis: SSCAN s "" scans from 0
        assertThat(args.cursor).isZero();
        assertThat(cursor("18446744073709551615")).isTrue();
        assertThat(args.cursor).isEqualTo(-1L);
        assertThat(cursor("-1")).isTrue(); // strtoul wraps a negative number round
        assertThat(args.cursor).isEqualTo(-1L);
        assertThat(cursor("+12")).isTrue();
        assertThat(args.cursor).isEqualTo(12);
    }

    @Test
    void rejectedCursors() {
        for (String bad : new String[] {"x", " 0", "18446744073709551616", "1x", "+", "-"}) {
            assertThat(cursor(bad)).as(bad).isFalse();
            assertThat(reply()).isEqualTo("-ERR invalid cursor\r\n");
        }
    }

    @Test
    void options() {
        Request r = Request.of("SSCAN", "k", "0", "MATCH", "a*", "COUNT", "5");
        assertThat(args.optionsOrReply(r, 3, out)).isTrue();
        assertThat(args.count).isEqualTo(5);
        assertThat(args.matches("abc".getBytes(), 0, 3)).isTrue();
        assertThat(args.matches("bc".getBytes(), 0, 2)).isFalse();
        out.reset();
        assertThat(args.optionsOrReply(Request.of("SSCAN", "k", "0", "COUNT", "0"), 3, out)).isFalse();
        assertThat(reply()).isEqualTo("-ERR syntax error\r\n");
    }
}
