package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZremCommand replies, each expected value as real Redis 7.0 sends it. */
class ZremCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void removesAndDeletesEmpty() {
        h.run("ZADD", "z", "1", "a", "2", "b");
        assertThat(h.run("ZREM", "z", "a", "x", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("ZREM", "z", "b")).isEqualTo(":1\r\n");
        assertThat(h.run("EXISTS", "z")).isEqualTo(":0\r\n");
        assertThat(h.run("ZREM", "nokey", "a")).isEqualTo(":0\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("ZREM", "str", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZREM", "z")).isEqualTo("-ERR wrong number of arguments for 'zrem' command\r\n");
    }
}
