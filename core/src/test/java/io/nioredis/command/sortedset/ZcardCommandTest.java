package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZcardCommand replies, each expected value as real Redis 7.0 sends it. */
class ZcardCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void counts() {
        h.run("ZADD", "z", "1", "a", "2", "b");
        assertThat(h.run("ZCARD", "z")).isEqualTo(":2\r\n");
        assertThat(h.run("ZCARD", "nokey")).isEqualTo(":0\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("ZCARD", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }
}
