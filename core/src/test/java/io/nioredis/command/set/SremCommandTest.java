package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SremCommand replies, each expected value as real Redis 7.0 sends it. */
class SremCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void removesAndDeletesEmptySet() {
        h.run("SADD", "s", "a", "b", "c");
        assertThat(h.run("SREM", "s", "a", "x", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("SREM", "s", "b", "c", "d")).isEqualTo(":2\r\n");
        assertThat(h.run("EXISTS", "s")).isEqualTo(":0\r\n");
        assertThat(h.run("SREM", "s", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("SREM", "nokey", "a")).isEqualTo(":0\r\n");
    }

    @Test
    void wrongType() {
        h.run("SET", "str", "x");
        assertThat(h.run("SREM", "str", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }
}
