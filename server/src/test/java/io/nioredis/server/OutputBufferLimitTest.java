package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutputBufferLimitTest {
    private static final String DEFAULT = "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60";

    @Test
    void parsesRedisDefaultAndUnits() {
        OutputBufferLimit pubsub = OutputBufferLimit.parse(DEFAULT, "pubsub");
        assertThat(pubsub.hardBytes).isEqualTo(32L * 1024 * 1024);
        assertThat(pubsub.softBytes).isEqualTo(8L * 1024 * 1024);
        assertThat(pubsub.softMillis).isEqualTo(60_000);
        OutputBufferLimit normal = OutputBufferLimit.parse(DEFAULT, "normal");
        assertThat(normal.hardBytes).isZero();
        assertThat(OutputBufferLimit.parse("pubsub 2mb 1mb 10", "pubsub").hardBytes).isEqualTo(2L * 1024 * 1024);
    }

    @Test
    void configSetMergesClassesIntoCanonicalFormAsRedis() {
        String partial = OutputBufferLimit.merge(DEFAULT, "pubsub 2mb 1mb 60");
        assertThat(partial).isEqualTo("normal 0 0 0 slave 268435456 67108864 60 pubsub 2097152 1048576 60");
        assertThat(OutputBufferLimit.merge(partial, "replica 1 2 3"))
                .isEqualTo("normal 0 0 0 slave 1 2 3 pubsub 2097152 1048576 60");
        assertThat(OutputBufferLimit.merge(DEFAULT, "normal 1k 0 0 pubsub 1 2 3"))
                .isEqualTo("normal 1000 0 0 slave 268435456 67108864 60 pubsub 1 2 3");
        assertThatThrownBy(() -> OutputBufferLimit.merge(DEFAULT, "pubsub 2mb 1mb"))
                .hasMessage("Wrong number of arguments in buffer limit configuration.");
        assertThatThrownBy(() -> OutputBufferLimit.merge(DEFAULT, "foo 1 1 1"))
                .hasMessage("Invalid client class specified in buffer limit configuration.");
        assertThatThrownBy(() -> OutputBufferLimit.merge(DEFAULT, "pubsub x 1 1"))
                .hasMessage("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
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
