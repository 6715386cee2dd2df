package io.nioredis.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The limits for clients that have not authenticated; replies as redis-server 7.0 sends them. */
class RespParserLimitsTest {
    private final RespParser parser = new RespParser();

    @Test
    void unauthenticatedClientMaySendAtMostTenArguments() {
        parser.unauthenticated(true);
        assertThat(parse("*10\r\n")).isEqualTo(RespParser.NEED_MORE);
        RespParser other = new RespParser();
        other.unauthenticated(true);
        assertThat(other.parse(buffer("*11\r\n"))).isEqualTo(RespParser.ERROR);
        assertThat(text(other.error())).isEqualTo("-ERR Protocol error: unauthenticated multibulk length\r\n");
    }

    @Test
    void unauthenticatedClientMaySendBulksOfAtMost16K() {
        parser.unauthenticated(true);
        assertThat(parse("*1\r\n$16384\r\n")).isEqualTo(RespParser.NEED_MORE);
        RespParser other = new RespParser();
        other.unauthenticated(true);
        assertThat(other.parse(buffer("*1\r\n$16385\r\n"))).isEqualTo(RespParser.ERROR);
        assertThat(text(other.error())).isEqualTo("-ERR Protocol error: unauthenticated bulk length\r\n");
    }

    @Test
    void invalidLengthsAreReportedAsSuchEvenBeforeAuthentication() {
        parser.unauthenticated(true);
        assertThat(parse("*1\r\n$-5\r\n")).isEqualTo(RespParser.ERROR);
        assertThat(text(parser.error())).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
    }

    @Test
    void authenticatedClientHasTheNormalLimits() {
        assertThat(parse("*11\r\n")).isEqualTo(RespParser.NEED_MORE);
        RespParser other = new RespParser();
        assertThat(other.parse(buffer("*1\r\n$16385\r\n"))).isEqualTo(RespParser.NEED_MORE);
    }

    private int parse(String s) {
        return parser.parse(buffer(s));
    }

    private static ByteBuffer buffer(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
