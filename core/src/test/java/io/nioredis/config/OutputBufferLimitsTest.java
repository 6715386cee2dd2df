package io.nioredis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Expected texts are what redis-server 7.0 answers to the same CONFIG SET. */
class OutputBufferLimitsTest {
    @Test
    void mergesNamedClassesAndKeepsTheOthers() {
        assertThat(OutputBufferLimits.merge(OutputBufferLimits.DEFAULT, "normal 1mb 512kb 10"))
                .isEqualTo("normal 1048576 524288 10 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
        assertThat(OutputBufferLimits.merge(OutputBufferLimits.DEFAULT, "replica 1k 2kb 3 NORMAL 1 2 3"))
                .isEqualTo("normal 1 2 3 slave 1000 2048 3 pubsub 33554432 8388608 60");
        assertThat(OutputBufferLimits.merge(OutputBufferLimits.DEFAULT, "")).isEqualTo(OutputBufferLimits.DEFAULT);
    }

    @Test
    void refusesWithRedisMessages() {
        assertThatThrownBy(() -> OutputBufferLimits.merge(OutputBufferLimits.DEFAULT, "normal 1 2"))
                .hasMessage("Wrong number of arguments in buffer limit configuration.");
        assertThatThrownBy(() -> OutputBufferLimits.merge(OutputBufferLimits.DEFAULT, "master 1 2 3"))
                .hasMessage("Invalid client class specified in buffer limit configuration.");
        assertThatThrownBy(() -> OutputBufferLimits.merge(OutputBufferLimits.DEFAULT, "normal -1 2 3"))
                .hasMessage("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
        assertThatThrownBy(() -> OutputBufferLimits.merge(OutputBufferLimits.DEFAULT, "normal 1 2 x"))
                .hasMessage("Error in hard, soft or soft_seconds setting in buffer limit configuration.");
    }

    @Test
    void normalClassIsParsedFromTheSetting() {
        OutputBufferLimits normal = OutputBufferLimits.normal(
                OutputBufferLimits.merge(OutputBufferLimits.DEFAULT, "normal 10mb 5mb 30"));
        assertThat(normal.hardBytes).isEqualTo(10L << 20);
        assertThat(normal.softBytes).isEqualTo(5L << 20);
        assertThat(normal.softSeconds).isEqualTo(30);
        OutputBufferLimits pubsub = OutputBufferLimits.pubsub(
                OutputBufferLimits.merge(OutputBufferLimits.DEFAULT, "pubsub 2mb 1mb 10"));
        assertThat(pubsub.hardBytes).isEqualTo(2L << 20);
        assertThat(pubsub.softBytes).isEqualTo(1L << 20);
        assertThat(pubsub.softSeconds).isEqualTo(10);
    }

    @Test
    void configSetGoesThroughTheSameRulesAndTellsListeners() {
        Config config = new Config();
        StringBuilder told = new StringBuilder();
        config.addListener(told::append);
        assertThat(config.set("client-output-buffer-limit", "normal 1 2")).isEqualTo(
                "Wrong number of arguments in buffer limit configuration.");
        assertThat(told.toString()).isEmpty();
        assertThat(config.set("client-output-buffer-limit", "normal 4 2 1")).isNull();
        assertThat(config.get("client-output-buffer-limit")).startsWith("normal 4 2 1 slave");
        assertThat(told.toString()).isEqualTo("client-output-buffer-limit");
    }
}
