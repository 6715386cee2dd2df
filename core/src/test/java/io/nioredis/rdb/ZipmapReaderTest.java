package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ZipmapReaderTest {
    /** zipmap.c's example: "foo" => "bar", "hello" => "world". */
    private static final byte[] EXAMPLE =
            "\u0002\u0003foo\u0003\u0000bar\u0005hello\u0005\u0000world\u00ff".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void decodesTheExampleFromZipmapC() throws Exception {
        assertThat(ZipmapReader.decode(EXAMPLE)).containsExactly(b("foo"), b("bar"), b("hello"), b("world"));
    }

    @Test
    void skipsFreeBytesAndReadsBigLengths() throws Exception {
        byte[] big = new byte[300];
        Arrays.fill(big, (byte) 'v');
        byte[] zm = new byte[1 + 2 + 5 + 1 + 300 + 1 + 1 + 1 + 2 + 1 + 2 + 1];
        int p = 0;
        zm[p++] = 2;
        zm[p++] = 1;
        zm[p++] = 'k';
        zm[p++] = (byte) 254; // big length, 4 bytes little endian
        zm[p++] = (byte) (300 & 0xff);
        zm[p++] = (byte) (300 >>> 8);
        zm[p++] = 0;
        zm[p++] = 0;
        zm[p++] = 0; // free
        System.arraycopy(big, 0, zm, p, 300);
        p += 300;
        zm[p++] = 1;
        zm[p++] = 'j';
        zm[p++] = 1;
        zm[p++] = 2; // two free bytes after the value
        zm[p++] = 'w';
        zm[p++] = 'X';
        zm[p++] = 'X';
        zm[p++] = (byte) 0xFF;
        assertThat(ZipmapReader.decode(Arrays.copyOf(zm, p)))
                .containsExactly(b("k"), big, b("j"), b("w"));
    }

    @Test
    void rejectsCorruptZipmaps() {
        assertThatThrownBy(() -> ZipmapReader.decode(Arrays.copyOf(EXAMPLE, EXAMPLE.length - 1)))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("no terminator");
        byte[] wrongCount = EXAMPLE.clone();
        wrongCount[0] = 3;
        assertThatThrownBy(() -> ZipmapReader.decode(wrongCount))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("header counts 3");
        byte[] overlong = EXAMPLE.clone();
        overlong[1] = 100;
        assertThatThrownBy(() -> ZipmapReader.decode(overlong))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("past the end");
        for (int cut = 0; cut < EXAMPLE.length; cut++) {
            byte[] truncated = Arrays.copyOf(EXAMPLE, cut);
            assertThatThrownBy(() -> ZipmapReader.decode(truncated)).isInstanceOf(RdbFormatException.class);
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
