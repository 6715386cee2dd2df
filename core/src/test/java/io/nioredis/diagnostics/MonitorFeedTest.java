package io.nioredis.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorFeedTest {
    private static String line(long micros, int db, String peer, long redacted, byte[]... args) {
        return new String(MonitorFeed.line(micros, db, peer, Request.of(args), redacted), StandardCharsets.ISO_8859_1);
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void lineIsRedisFormatWithArgumentsQuotedAsSdscatrepr() {
        // Redis 7.0.15: SET k "v\x01\"\\ \n" shows as "set" "k" "v\x01\"\\ \n"
        assertThat(line(1796020259392280L, 0, "127.0.0.1:39368", 0, b("set"), b("k"), b("v\u0001\"\\ \n")))
                .isEqualTo("+1796020259.392280 [0 127.0.0.1:39368] \"set\" \"k\" \"v\\x01\\\"\\\\ \\n\"\r\n");
        assertThat(line(1700000000000001L, 2, "lua", 0, b("echo"), b("\u00c3\u00bf\r\t\u0007\b")))
                .isEqualTo("+1700000000.000001 [2 lua] \"echo\" \"\\xc3\\xbf\\r\\t\\a\\b\"\r\n");
    }

    @Test
    void redactedArgumentsAreHidden() {
        assertThat(line(1_000_000L, 0, "127.0.0.1:1", 0b11000, b("hello"), b("3"), b("auth"), b("default"), b("pw")))
                .isEqualTo("+1.000000 [0 127.0.0.1:1] \"hello\" \"3\" \"auth\" \"(redacted)\" \"(redacted)\"\r\n");
    }

    @Test
    void everyMonitorGetsTheSameLineUntilRemoved() {
        MonitorFeed feed = new MonitorFeed();
        List<byte[]> a = new ArrayList<>();
        List<byte[]> c = new ArrayList<>();
        MonitorSink first = a::add;
        MonitorSink second = c::add;
        assertThat(feed.active()).isFalse();
        feed.add(first);
        feed.add(second);
        feed.add(first);
        feed.feed(1_000_000L, 0, "x", Request.of("ping"), 0);
        assertThat(a).hasSize(1);
        assertThat(c).hasSize(1);
        assertThat(a.get(0)).isSameAs(c.get(0));
        feed.remove(first);
        feed.feed(1_000_000L, 0, "x", Request.of("ping"), 0);
        assertThat(a).hasSize(1);
        assertThat(c).hasSize(2);
    }
}
