package io.nioredis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiTest {
    private static boolean isLong(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Ascii.isLong(b, 0, b.length);
    }

    private static long parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return Ascii.parseLong(b, 0, b.length);
    }

    @Test
    void acceptsWhatRedisString2llAccepts() {
        for (String s : new String[] {"0", "1", "-1", "42", "9223372036854775807", "-9223372036854775808"}) {
            assertThat(isLong(s)).as(s).isTrue();
            assertThat(parse(s)).as(s).isEqualTo(Long.parseLong(s));
        }
    }

    @Test
    void rejectsWhatRedisRejects() {
        for (String s : new String[] {"", "-", "+1", "01", "-0", "00", " 1", "1 ", "1a", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999", "1.0", "0x10"}) {
            assertThat(isLong(s)).as("'%s'", s).isFalse();
        }
    }

    @Test
    void writesEveryLongAsJavaDoes() {
        Random random = new Random(7);
        byte[] buf = new byte[32];
        long[] edge = {0, 1, -1, 9, 10, -10, Long.MAX_VALUE, Long.MIN_VALUE, 999_999_999_999L};
        for (int i = 0; i < 10_000; i++) {
            long v = i < edge.length ? edge[i] : random.nextLong() >> random.nextInt(64);
            int end = Ascii.writeLong(buf, 3, v);
            assertThat(new String(buf, 3, end - 3, StandardCharsets.US_ASCII)).isEqualTo(Long.toString(v));
            assertThat(Ascii.decimalLength(v)).isEqualTo(Long.toString(v).length());
        }
    }

    @Test
    void caseInsensitiveTokens() {
        byte[] b = "xxSeTxx".getBytes(StandardCharsets.US_ASCII);
        assertThat(Ascii.equalsIgnoreCase(b, 2, 3, "set".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(Ascii.equalsIgnoreCase(b, 2, 3, "get".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(Ascii.equalsIgnoreCase(b, 2, 4, "set".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }
}
