package io.nioredis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each case is what Redis 7.0.15 does with the text as a ZADD score (strict) or a ZCOUNT end (lenient). */
class FloatArgumentTest {
    private static double strict(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return FloatArgument.strict(b, 0, b.length);
    }

    private static double lenient(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return FloatArgument.lenient(b, 0, b.length);
    }

    @Test
    void strictAcceptsWhatStrtodAccepts() {
        assertThat(strict("1")).isEqualTo(1);
        assertThat(strict("-17")).isEqualTo(-17);
        assertThat(strict("1.5")).isEqualTo(1.5);
        assertThat(strict("+5")).isEqualTo(5);
        assertThat(strict(".5")).isEqualTo(0.5);
        assertThat(strict("5.")).isEqualTo(5);
        assertThat(strict("1.e5")).isEqualTo(100000);
        assertThat(strict("1e3")).isEqualTo(1000);
        assertThat(strict("00012")).isEqualTo(12);
        assertThat(strict("0x10")).isEqualTo(16);
        assertThat(strict("0x1p3")).isEqualTo(8);
        assertThat(strict("0x.8")).isEqualTo(0.5);
        assertThat(strict("0X1P-2")).isEqualTo(0.25);
        assertThat(strict("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(strict("INF")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(strict("+inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(strict("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(strict("1e-310")).isEqualTo(1e-310); // denormal: ERANGE but not zero, accepted
        assertThat(1 / strict("-0")).isNegative();
        assertThat(strict("123456789012345678")).isEqualTo(123456789012345678.0);
    }

    @Test
    void strictRejectsAsRedis() {
        for (String bad : new String[] {"", " 1", "1 ", "x", "nan", "nan(123)", "1e", "1e+", "-.e5", "0x", "0x1p",
                "1e400", "0x1p99999", "1e-400", "1e-2147483649", "infx", "1\u0000", "--1", "1d", "1f"}) {
            assertThat(strict(bad)).as(bad).isNaN();
        }
    }

    @Test
    void lenientAsZslParseRange() {
        assertThat(lenient(" 1")).isEqualTo(1);
        assertThat(lenient("\t1")).isEqualTo(1);
        assertThat(lenient("")).isEqualTo(0);
        assertThat(lenient("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(lenient("-1e400")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(lenient("0x1")).isEqualTo(1);
        assertThat(lenient("1\u0000x")).isEqualTo(1);
        assertThat(lenient("nan")).isNaN();
        assertThat(lenient("5 ")).isNaN();
        assertThat(lenient("a")).isNaN();
    }

    @Test
    void digitStringsReadAsTheNearestDouble() {
        long seed = System.nanoTime();
        System.out.println("FloatArgumentTest seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        for (int n = 0; n < 20_000; n++) {
            int digits = 1 + random.nextInt(20);
            StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            String s = text.toString();
            double expected = Double.parseDouble(s);
            assertThat(strict(s)).as(s).isEqualTo(expected);
            assertThat(lenient(s)).as(s).isEqualTo(expected);
        }
        assertThat(strict("000000123456")).isEqualTo(123456);
        assertThat(strict("999999999999999999")).isEqualTo(999999999999999999.0); // rounds as strtod
        assertThat(1 / strict("-000")).isNegative();
    }
}
