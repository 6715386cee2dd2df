package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.RespParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadSizeTest {
    private static final int MOST = 64 * 1024;

    @Test
    void aConnectionBetweenRequestsReadsSixteenKilobytes() {
        RespParser parser = new RespParser();
        assertThat(ReadSize.of(parser.bytesNeeded(), 0, MOST)).isEqualTo(16 * 1024);
    }

    @Test
    void theRestOfABigArgumentIsReadAtOnceUpToTheBuffer() {
        // SET k <100,000 bytes>, of which the first 1,000 have come: 99,002 bytes to go (the value's CRLF too).
        String head = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100000\r\n";
        ByteBuffer held = partial(head + "x".repeat(1000));
        RespParser parser = new RespParser();
        assertThat(parser.parse(held)).isEqualTo(RespParser.NEED_MORE);
        int bytes = held.limit();

        assertThat(parser.bytesNeeded() - bytes).isEqualTo(99_002);
        assertThat(ReadSize.of(parser.bytesNeeded(), bytes, MOST)).isEqualTo(MOST);
        assertThat(ReadSize.of(parser.bytesNeeded(), bytes, 1 << 20)).isEqualTo(99_002);
    }

    @Test
    void theRestOfASmallArgumentOrOfARequestLineReadsSixteenKilobytes() {
        RespParser parser = new RespParser();
        ByteBuffer held = partial("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$20\r\n0123456789");
        assertThat(parser.parse(held)).isEqualTo(RespParser.NEED_MORE);
        assertThat(ReadSize.of(parser.bytesNeeded(), held.limit(), MOST)).isEqualTo(16 * 1024);

        RespParser midLine = new RespParser();
        ByteBuffer line = partial("*3\r\n$3\r\nSE");
        assertThat(midLine.parse(line)).isEqualTo(RespParser.NEED_MORE);
        assertThat(ReadSize.of(midLine.bytesNeeded(), line.limit(), MOST)).isEqualTo(16 * 1024);
    }

    @Test
    void aBufferSmallerThanAChunkBoundsTheRead() {
        assertThat(ReadSize.of(1, 0, 4096)).isEqualTo(4096);
    }

    private static ByteBuffer partial(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
    }
}
