package io.nioredis.aof;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AofBufferTest {
    private static byte[][] argv(String... args) {
        byte[][] a = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            a[i] = args[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return a;
    }

    private static String text(AofBuffer b) {
        ByteBuffer v = b.view();
        return new String(v.array(), v.position(), v.remaining(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesCommandsAndSelectAsRedisDoes() {
        // The bytes of an incremental file Redis 7.0.15 wrote for: SET a 1; SET b 2 EX 100; (db 3) INCR c.
        AofBuffer b = new AofBuffer();
        b.select(0);
        b.command(argv("set", "a", "1"));
        b.command(argv("SET", "b", "2", "PXAT", "1796028210865"));
        b.select(3);
        b.command(argv("incr", "c"));
        assertThat(text(b)).isEqualTo("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n*3\r\n$3\r\nset\r\n$1\r\na\r\n$1\r\n1\r\n"
                + "*5\r\n$3\r\nSET\r\n$1\r\nb\r\n$1\r\n2\r\n$4\r\nPXAT\r\n$13\r\n1796028210865\r\n"
                + "*2\r\n$6\r\nSELECT\r\n$1\r\n3\r\n*2\r\n$4\r\nincr\r\n$1\r\nc\r\n");
        assertThat(b.size()).isEqualTo(151); // Redis's aof_current_size for that file
    }

    @Test
    void growsForBigValuesAndEmptyArguments() {
        AofBuffer b = new AofBuffer();
        String big = "x".repeat(100_000);
        b.select(15);
        b.command(argv("SET", "", big));
        assertThat(text(b)).isEqualTo("*2\r\n$6\r\nSELECT\r\n$2\r\n15\r\n*3\r\n$3\r\nSET\r\n$0\r\n\r\n$100000\r\n" + big
                + "\r\n");
        b.clear();
        assertThat(b.size()).isZero();
    }
}
