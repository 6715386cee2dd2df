package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DoubleTextTest {
    @Test
    void formatsLikeCPrintfSeventeenG() {
        // Texts Redis 7.0.15 wrote into sorted set listpacks (see redis-7.0.15-dumps.txt).
        assertThat(DoubleText.formatG17(0.1)).isEqualTo("0.10000000000000001");
        assertThat(DoubleText.formatG17(0.3)).isEqualTo("0.29999999999999999");
        assertThat(DoubleText.formatG17(1.0 / 3)).isEqualTo("0.33333333333333331");
        assertThat(DoubleText.formatG17(1e-5)).isEqualTo("1.0000000000000001e-05");
        assertThat(DoubleText.formatG17(1e20)).isEqualTo("1e+20");
        assertThat(DoubleText.formatG17(1e300)).isEqualTo("1.0000000000000001e+300");
        assertThat(DoubleText.formatG17(2.5e-300)).isEqualTo("2.5e-300");
        assertThat(DoubleText.formatG17(1.5)).isEqualTo("1.5");
        assertThat(DoubleText.formatG17(-2.5)).isEqualTo("-2.5");
        assertThat(DoubleText.formatG17(0.0001)).isEqualTo("0.0001");
        assertThat(DoubleText.formatG17(1e16)).isEqualTo("10000000000000000");
        assertThat(DoubleText.formatG17(1e17)).isEqualTo("1e+17");
        assertThat(DoubleText.formatG17(Double.MIN_VALUE)).isEqualTo("4.9406564584124654e-324");
        assertThat(DoubleText.formatG17(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    }

    @Test
    void d2stringPrintsIntegralValuesAsIntegers() {
        assertThat(DoubleText.d2string(3)).isEqualTo("3");
        assertThat(DoubleText.d2string(123456789012345678d)).isEqualTo("123456789012345680");
        assertThat(DoubleText.d2string(1e20)).isEqualTo("1e+20");
        assertThat(DoubleText.d2string(-0.0)).isEqualTo("-0");
        assertThat(DoubleText.d2string(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(DoubleText.d2string(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(DoubleText.d2string(Double.NaN)).isEqualTo("nan");
    }

    @Test
    void safeLongIsDouble2ll() {
        assertThat(DoubleText.isSafeLong(0x1p62)).isTrue();
        assertThat(DoubleText.isSafeLong(-0x1p62)).isTrue();
        assertThat(DoubleText.isSafeLong(0x1p63)).isFalse();
        assertThat(DoubleText.isSafeLong(-0.0)).isTrue();
        assertThat(DoubleText.isSafeLong(0.5)).isFalse();
        assertThat(DoubleText.isSafeLong(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(DoubleText.isSafeLong(Double.NaN)).isFalse();
    }

    @Test
    void parsesWhatItFormats() {
        long seed = System.nanoTime();
        System.out.println("DoubleTextTest.parsesWhatItFormats seed=" + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 5000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            assertThat(parse(DoubleText.formatG17(d))).as("seed " + seed).isEqualTo(d);
            assertThat(parse(DoubleText.d2string(d))).as("seed " + seed).isEqualTo(d);
        }
    }

    @Test
    void parsesStrtodSpecials() {
        assertThat(parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("-inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(parse("+INF")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("infinity")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parse("nan")).isNaN();
        assertThat(parse("-0")).isEqualTo(-0.0);
        assertThatThrownBy(() -> parse("1.5d")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> parse("")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> parse("abc")).isInstanceOf(NumberFormatException.class);
    }

    private static double parse(String s) {
        return DoubleText.parse(s.getBytes(StandardCharsets.US_ASCII));
    }
}
