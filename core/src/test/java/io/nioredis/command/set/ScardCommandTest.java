package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ScardCommand replies, each expected value as real Redis 7.0 sends it. */
class ScardCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void counts() {
        h.run("SADD", "s", "a", "b", "c");
        assertThat(h.run("SCARD", "s")).isEqualTo(":3\r\n");
        assertThat(h.run("SCARD", "nokey")).isEqualTo(":0\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("SCARD", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }
}
