package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SaddCommand replies, each expected value as real Redis 7.0 sends it. */
class SaddCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void addsOnlyNewMembers() {
        assertThat(h.run("SADD", "s", "a", "b", "a", "c")).isEqualTo(":3\r\n");
        assertThat(h.run("SADD", "s", "a", "d")).isEqualTo(":1\r\n");
        assertThat(h.run("SCARD", "s")).isEqualTo(":4\r\n");
        assertThat(h.run("TYPE", "s")).isEqualTo("+set\r\n");
        assertThat(h.run("SADD", "s", "")).isEqualTo(":1\r\n");
        assertThat(h.run("SISMEMBER", "s", "")).isEqualTo(":1\r\n");
    }

    @Test
    void wrongTypeAndArity() {
        h.run("SET", "str", "x");
        assertThat(h.run("SADD", "str", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SADD", "s")).isEqualTo("-ERR wrong number of arguments for 'sadd' command\r\n");
    }

    @Test
    void binaryMembers() {
        assertThat(h.run("SADD", "s", "\u0000a", "\\r\\n", "\u0000a")).isEqualTo(":2\r\n");
        assertThat(h.run("SISMEMBER", "s", "\u0000a")).isEqualTo(":1\r\n");
        assertThat(h.run("SISMEMBER", "s", "\u0000b")).isEqualTo(":0\r\n");
    }
}
