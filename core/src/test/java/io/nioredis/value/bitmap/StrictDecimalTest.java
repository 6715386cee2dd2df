package io.nioredis.value.bitmap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class StrictDecimalTest {

    private static boolean valid(String s) {
        byte[] b = s.getBytes(US_ASCII);
        return StrictDecimal.isValid(b, 0, b.length);
    }

    private static long parse(String s) {
        byte[] b = s.getBytes(US_ASCII);
        return StrictDecimal.parse(b, 0, b.length);
    }

    @Test
    void readsTheWholeRange() {
        assertThat(parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(parse("0")).isZero();
        assertThat(parse("-42")).isEqualTo(-42);
    }

    @Test
    void refusesWhatString2llRefuses() {
        for (String bad : new String[] {"", "-", "-0", "+1", "01", " 1", "1 ", "1.0", "1e3", "9223372036854775808",
                "-9223372036854775809", "99999999999999999999", "0x1"}) {
            assertThat(valid(bad)).as(bad).isFalse();
        }
    }

    @Test
    void agreesWithLongToString() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("StrictDecimalTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            String s = Long.toString(v);
            assertThat(valid(s)).as("seed %d: %s", seed, s).isTrue();
            assertThat(parse(s)).as("seed %d", seed).isEqualTo(v);
        }
    }
}
