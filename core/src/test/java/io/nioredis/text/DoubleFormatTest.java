package io.nioredis.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected strings are what C's printf("%.17g") prints, which is what Redis 7.0 replies with. */
class DoubleFormatTest {
    @Test
    void formatsAsPercent17g() {
        assertThat(DoubleFormat.g17(0.1)).isEqualTo("0.10000000000000001");
        assertThat(DoubleFormat.g17(1.5)).isEqualTo("1.5");
        assertThat(DoubleFormat.g17(-2.25)).isEqualTo("-2.25");
        assertThat(DoubleFormat.g17(3)).isEqualTo("3");
        assertThat(DoubleFormat.g17(1e17)).isEqualTo("1e+17");
        assertThat(DoubleFormat.g17(1.5e17)).isEqualTo("1.5e+17");
        assertThat(DoubleFormat.g17(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(DoubleFormat.g17(1e16)).isEqualTo("10000000000000000");
        assertThat(DoubleFormat.g17(0.0001)).isEqualTo("0.0001");
        assertThat(DoubleFormat.g17(0.00001)).isEqualTo("1.0000000000000001e-05");
        assertThat(DoubleFormat.g17(1e-300)).isEqualTo("1e-300");
        assertThat(DoubleFormat.g17(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(DoubleFormat.g17(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(DoubleFormat.g17(0.0)).isEqualTo("0");
        assertThat(DoubleFormat.g17(-0.0)).isEqualTo("-0");
        assertThat(DoubleFormat.g17(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
    }
}
