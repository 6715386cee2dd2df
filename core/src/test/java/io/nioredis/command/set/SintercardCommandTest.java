package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SintercardCommand replies, each expected value as real Redis 7.0 sends it. */
class SintercardCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void countsWithLimit() {
        h.run("SADD", "a", "1", "2", "3", "4");
        h.run("SADD", "b", "2", "3", "4", "5");
        assertThat(h.run("SINTERCARD", "2", "a", "b")).isEqualTo(":3\r\n");
        assertThat(h.run("SINTERCARD", "2", "a", "b", "LIMIT", "2")).isEqualTo(":2\r\n");
        assertThat(h.run("SINTERCARD", "2", "a", "b", "LIMIT", "0")).isEqualTo(":3\r\n");
        assertThat(h.run("SINTERCARD", "1", "a")).isEqualTo(":4\r\n");
        assertThat(h.run("SINTERCARD", "2", "a", "nokey")).isEqualTo(":0\r\n");
    }

    @Test
    void errors() {
        h.run("SADD", "a", "1");
        h.run("SET", "str", "x");
        assertThat(h.run("SINTERCARD", "0", "a")).isEqualTo("-ERR numkeys should be greater than 0\r\n");
        assertThat(h.run("SINTERCARD", "x", "a")).isEqualTo("-ERR numkeys should be greater than 0\r\n");
        assertThat(h.run("SINTERCARD", "3", "a")).isEqualTo("-ERR Number of keys can't be greater than number of args\r\n");
        assertThat(h.run("SINTERCARD", "1", "a", "LIMIT", "-1")).isEqualTo("-ERR LIMIT can't be negative\r\n");
        assertThat(h.run("SINTERCARD", "1", "a", "LIMIT", "x")).isEqualTo("-ERR LIMIT can't be negative\r\n");
        assertThat(h.run("SINTERCARD", "1", "a", "LIMIT")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("SINTERCARD", "1", "a", "FOO", "1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("SINTERCARD", "2", "nokey", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SINTERCARD", "1", "nokey", "str")).isEqualTo("-ERR syntax error\r\n");
    }
}
