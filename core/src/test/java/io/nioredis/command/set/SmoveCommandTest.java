package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SmoveCommand replies, each expected value as real Redis 7.0 sends it. */
class SmoveCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void movesAndCreatesDestination() {
        h.run("SADD", "src", "a", "b");
        assertThat(h.run("SMOVE", "src", "dst", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("SMEMBERS", "dst")).isEqualTo("*1\r\n$1\r\na\r\n");
        assertThat(h.run("SMOVE", "src", "dst", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("SMOVE", "src", "dst", "b")).isEqualTo(":1\r\n");
        assertThat(h.run("EXISTS", "src")).isEqualTo(":0\r\n");
        assertThat(h.run("SMOVE", "nokey", "dst", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("SMOVE", "dst", "dst", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("SMOVE", "dst", "dst", "x")).isEqualTo(":0\r\n");
    }

    @Test
    void wrongType() {
        h.run("SADD", "s", "a");
        h.run("SET", "str", "x");
        assertThat(h.run("SMOVE", "s", "str", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SMOVE", "str", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SMOVE", "nokey", "str", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("SISMEMBER", "s", "a")).isEqualTo(":1\r\n");
    }
}
