package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected strings are what Redis 7.0 on x86-64 stores for INCRBYFLOAT on a missing key, or the sum. */
class LongDoubleTest {
    @Test
    void parsesAndFormatsAsRedis() {
        assertThat(format("0.1")).isEqualTo("0.1");
        assertThat(format("5.0e3")).isEqualTo("5000");
        assertThat(format("0x1p3")).isEqualTo("8");
        assertThat(format("+.5")).isEqualTo("0.5");
        assertThat(format("5.")).isEqualTo("5");
        assertThat(format("3.0000000000000000001")).isEqualTo("3");
        assertThat(format("1.23456789012345678")).isEqualTo("1.23456789012345678");
        assertThat(format("-0.0000000000000000001")).isEqualTo("0");
        assertThat(format("1e-4940")).isEqualTo("0"); // subnormal: accepted, prints as zero
        assertThat(format("-123456.75e-3")).isEqualTo("-123.45675");
    }

    @Test
    void sumsRoundToA64BitMantissa() {
        assertThat(sum("10.5", "0.1")).isEqualTo("10.6");
        assertThat(sum("1e18", "0.3")).isEqualTo("1000000000000000000.3125");
        assertThat(sum("1.7976931348623157e308", "1.7976931348623157e308")).startsWith("3595386269724631399918420935482088680967728938886583569706288415").hasSize(309);
        assertThat(format("1e20")).isEqualTo("100000000000000000000");
    }

    @Test
    void refusesWhatRedisRefuses() {
        for (String s : new String[] {"", " 1", "abc", "1.5e", "nan", "1e-5000", "1e5000", "0x", "1 "}) {
            assertThat(LongDouble.parse(bytes(s), 0, s.length())).as(s).isNull();
        }
        assertThat(LongDouble.parse(bytes("inf"), 0, 3).isInfinite()).isTrue();
        assertThat(LongDouble.parse(bytes("-Infinity"), 0, 9).isInfinite()).isTrue();
    }

    private static String format(String s) {
        return LongDouble.parse(bytes(s), 0, s.length()).format();
    }

    private static String sum(String a, String b) {
        return LongDouble.parse(bytes(a), 0, a.length()).plus(LongDouble.parse(bytes(b), 0, b.length())).format();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
