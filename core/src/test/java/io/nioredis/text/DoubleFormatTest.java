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

    /** Values printf's "%.2f" rounds from the exact binary value, half to even (glibc's and Python's printf agree). */
    @Test
    void fixedRoundsTheExactValueAsCPrintfDoes() {
        assertThat(DoubleFormat.fixed(0.125, 2)).isEqualTo("0.12"); // a tie: half to even, where Java's Formatter gives 0.13
        assertThat(DoubleFormat.fixed(2.675, 2)).isEqualTo("2.67"); // 2.67499999... in binary
        assertThat(DoubleFormat.fixed(1.005, 2)).isEqualTo("1.00");
        assertThat(DoubleFormat.fixed(-0.0, 2)).isEqualTo("-0.00");
        assertThat(DoubleFormat.fixed(1e-5, 4)).isEqualTo("0.0000");
        assertThat(DoubleFormat.fixed((float) 1 / 3, 2)).isEqualTo("0.33");
        assertThat(DoubleFormat.fixed(1234.5678, 2)).isEqualTo("1234.57");
        assertThat(DoubleFormat.fixed(Double.POSITIVE_INFINITY, 2)).isEqualTo("inf");
        assertThat(DoubleFormat.fixed(Double.NaN, 2)).isEqualTo("nan");
    }
}
