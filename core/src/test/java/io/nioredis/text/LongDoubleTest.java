package io.nioredis.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected strings are what Redis 7.0 on x86-64 replies to HINCRBYFLOAT with the same operands. */
class LongDoubleTest {
    private static BigDecimal parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
        return LongDouble.parse(b, 0, b.length);
    }

    private static String sum(String a, String b) {
        return LongDouble.format(LongDouble.add(parse(a), parse(b)));
    }

    @Test
    void sumsFormattedAsRedisDoes() {
        assertThat(sum("0", "0.1")).isEqualTo("0.1");
        assertThat(sum("10.5", "0.1")).isEqualTo("10.6");
        assertThat(sum("0", "10000000000.1")).isEqualTo("10000000000.09999999962747097");
        assertThat(sum("0", "1.5e-5")).isEqualTo("0.000015");
        assertThat(sum("0", "-0.0")).isEqualTo("0");
        assertThat(sum("0", "0x1.8p1")).isEqualTo("3");
        assertThat(sum("0", "3.0e-4000")).isEqualTo("0");
        assertThat(sum("0", "1e300")).isEqualTo("10000000000000000000089973240795591938705239442732907479382600823212656465961"
                + "80935755849152083750497190350372508614274835903592556184672983913096260520748646287327135641843653294"
                + "08425510760601678972665293237003055138294762099454029477278188962060617926761162709741065056718738610"
                + "5690089424915104006144");
    }

    @Test
    void refusesWhatStrtoldOrString2ldRefuse() {
        for (String bad : new String[] {"", " 1", "1 ", "abc", "1e", ".", "0x", "nan", "-", "1e5000", "1e-5000"}) {
            assertThat(parse(bad)).as(bad).isNull();
        }
        assertThat(parse("inf")).isSameAs(LongDouble.INFINITY);
        assertThat(parse("-Infinity")).isSameAs(LongDouble.INFINITY);
        assertThat(LongDouble.add(parse("1.1e4932"), parse("1.1e4932"))).isSameAs(LongDouble.INFINITY);
    }

    @Test
    void roundsToSixtyFourSignificantBits() {
        // 2^64 + 1 needs 65 bits: ties to even gives 2^64.
        assertThat(LongDouble.round(new BigDecimal("18446744073709551617")))
                .isEqualByComparingTo("18446744073709551616");
        assertThat(LongDouble.round(new BigDecimal("18446744073709551619")))
                .isEqualByComparingTo("18446744073709551620");
        assertThat(LongDouble.round(new BigDecimal("9223372036854775807")))
                .isEqualByComparingTo("9223372036854775807");
    }
}
