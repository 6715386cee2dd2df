package io.nioredis.resp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RespWriterTest {
    private static String text(RespWriter w) {
        return new String(w.array(), 0, w.size(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void encodesEveryResp2Type() {
        RespWriter w = new RespWriter(4);
        w.simpleString("OK");
        w.error("ERR bad\r\nthing");
        w.integer(-42);
        w.bulk("hello".getBytes(StandardCharsets.US_ASCII));
        w.bulk(new byte[0]);
        w.nullBulk();
        w.arrayHeader(2);
        w.bulk(12345L);
        w.nullArray();
        assertThat(text(w)).isEqualTo("+OK\r\n-ERR bad  thing\r\n:-42\r\n$5\r\nhello\r\n$0\r\n\r\n$-1\r\n*2\r\n$5\r\n12345\r\n*-1\r\n");
    }

    @Test
    void protocolAwareTypesInResp2AndResp3() {
        RespWriter w = new RespWriter();
        w.mapHeader(2);
        w.setHeader(3);
        w.pushHeader(1);
        w.nullValue();
        w.nullArrayValue();
        w.bool(true);
        w.doubleValue(1.5);
        assertThat(text(w)).isEqualTo("*4\r\n*3\r\n*1\r\n$-1\r\n*-1\r\n:1\r\n$3\r\n1.5\r\n");
        w.reset();
        w.protocol(3);
        w.mapHeader(2);
        w.setHeader(3);
        w.pushHeader(1);
        w.nullValue();
        w.nullArrayValue();
        w.bool(false);
        w.doubleValue(Double.NEGATIVE_INFINITY);
        assertThat(text(w)).isEqualTo("%2\r\n~3\r\n>1\r\n_\r\n_\r\n#f\r\n,-inf\r\n");
    }

    @Test
    void growsForLargeValuesAndFlipsForDraining() {
        RespWriter w = new RespWriter(8);
        byte[] big = new byte[100_000];
        big[99_999] = 'z';
        w.bulk(big);
        ByteBuffer view = w.flip();
        assertThat(view.remaining()).isEqualTo(w.size()).isEqualTo("$100000\r\n".length() + 100_000 + 2);
        assertThat(view.get("$100000\r\n".length() + 99_999)).isEqualTo((byte) 'z');
        w.reset();
        assertThat(w.size()).isZero();
        w.trim(1024, 64);
        assertThat(w.array().length).isEqualTo(64);
    }
}
