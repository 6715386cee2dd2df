package io.nioredis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstantaneousMetricTest {
    @Test
    void averagesTheLastSixteenRates() {
        InstantaneousMetric m = new InstantaneousMetric(0);
        long total = 0;
        for (int i = 1; i <= 16; i++) {
            total += 50; // 50 per 100 ms: 500 per second
            m.sample(i * 100L, total);
        }
        assertThat(m.perSecond()).isEqualTo(500);
        m.sample(1700, total); // nothing happened: one sample of 0 among 16
        assertThat(m.perSecond()).isEqualTo(500 * 15 / 16);
    }

    @Test
    void noElapsedTimeCountsAsZero() {
        InstantaneousMetric m = new InstantaneousMetric(0);
        m.sample(0, 1000); // at the start time itself
        assertThat(m.perSecond()).isZero();
    }
}
