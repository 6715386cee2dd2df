package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.config.OutputBufferLimits;
import org.junit.jupiter.api.Test;

class OutputBufferLimitTest {
    @Test
    void takesTheLimitsOfTheSetting() {
        OutputBufferLimit pubsub = OutputBufferLimit.of(OutputBufferLimits.pubsub(OutputBufferLimits.DEFAULT));
        assertThat(pubsub.hardBytes).isEqualTo(32L * 1024 * 1024);
        assertThat(pubsub.softBytes).isEqualTo(8L * 1024 * 1024);
        assertThat(pubsub.softMillis).isEqualTo(60_000);
        assertThat(OutputBufferLimit.of(OutputBufferLimits.normal(OutputBufferLimits.DEFAULT)).hardBytes).isZero();
    }

    @Test
    void hardLimitAtOnceSoftLimitOnlyAfterItsTime() {
        OutputBufferLimit limit = new OutputBufferLimit(100, 50, 60);
        Connection conn = new Connection(null, null, null);
        assertThat(limit.exceeded(conn, 100, 0)).isTrue();
        assertThat(limit.exceeded(conn, 60, 1_000)).isFalse();
        assertThat(limit.exceeded(conn, 60, 61_000)).isFalse(); // exactly 60 s over is still allowed
        assertThat(limit.exceeded(conn, 60, 61_001)).isTrue();
        assertThat(limit.exceeded(conn, 10, 62_000)).isFalse(); // back under: the soft timer resets
        assertThat(limit.exceeded(conn, 60, 63_000)).isFalse();
        assertThat(new OutputBufferLimit(0, 0, 0).exceeded(conn, Long.MAX_VALUE, 0)).isFalse();
    }
}
