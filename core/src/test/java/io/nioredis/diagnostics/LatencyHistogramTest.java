package io.nioredis.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Percentiles and distributions as Redis 7.0.15's hdr_histogram gives them for the same samples. */
class LatencyHistogramTest {
    @Test
    void percentilesAreTheHighestEquivalentValueOfTheirBucket() {
        // Redis: two AUTH calls of 4 and 30 us -> p50=4.015,p99=30.079,p0=4.000,p100=30.079,p33.333=4.015
        LatencyHistogram h = new LatencyHistogram();
        h.record(4_000);
        h.record(30_000);
        assertThat(h.valueAtPercentile(50)).isEqualTo(4_015);
        assertThat(h.valueAtPercentile(99)).isEqualTo(30_079);
        assertThat(h.valueAtPercentile(0)).isEqualTo(4_000);
        assertThat(h.valueAtPercentile(100)).isEqualTo(30_079);
        assertThat(h.valueAtPercentile(33.333)).isEqualTo(4_015);
    }

    @Test
    void smallValuesHaveUnitResolutionAndTheRangeIsClamped() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(0);
        assertThat(h.valueAtPercentile(50)).isEqualTo(1);
        h.reset();
        h.record(5_000_000_000L);
        assertThat(h.valueAtPercentile(100)).isEqualTo(LatencyHistogram.highestEquivalent(1_000_000_000L));
        assertThat(h.totalCount()).isEqualTo(1);
    }

    @Test
    void emptyHistogramAnswersZero() {
        assertThat(new LatencyHistogram().valueAtPercentile(99)).isEqualTo(0);
    }

    @Test
    void cumulativeDistributionReportsPowersOfTwoFrom1024Nanoseconds() {
        // Redis: LATENCY HISTOGRAM config|get after 6 calls -> {8: 1, 33: 4, 66: 5, 132: 6}
        LatencyHistogram h = new LatencyHistogram();
        h.record(7_000);
        for (int i = 0; i < 3; i++) {
            h.record(20_000);
        }
        h.record(40_000);
        h.record(100_000);
        List<long[]> points = h.cumulativeDistribution();
        assertThat(points).extracting(p -> p[0]).containsExactly(8L, 33L, 66L, 132L);
        assertThat(points).extracting(p -> p[1]).containsExactly(1L, 4L, 5L, 6L);
    }

    @Test
    void indexArithmeticRoundTrips() {
        for (long v = 1; v < 1_000_000_000L; v = v * 3 + 1) {
            int index = LatencyHistogram.countsIndex(v);
            long low = LatencyHistogram.valueAtIndex(index);
            assertThat(low).isLessThanOrEqualTo(v);
            assertThat(LatencyHistogram.highestEquivalent(v)).isGreaterThanOrEqualTo(v);
            assertThat(LatencyHistogram.lowestEquivalent(v)).isEqualTo(low);
        }
    }
}
