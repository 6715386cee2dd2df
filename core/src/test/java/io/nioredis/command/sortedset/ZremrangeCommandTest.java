package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZremrangeCommand replies, each expected value as real Redis 7.0 sends it. */
class ZremrangeCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void byRank() {
        h.run("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
        assertThat(h.run("ZREMRANGEBYRANK", "z", "0", "0")).isEqualTo(":1\r\n");
        assertThat(h.run("ZREMRANGEBYRANK", "z", "5", "1")).isEqualTo(":0\r\n");
        assertThat(h.run("ZREMRANGEBYRANK", "z", "-1", "-1")).isEqualTo(":1\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("ZREMRANGEBYRANK", "z", "0", "100")).isEqualTo(":2\r\n");
        assertThat(h.run("EXISTS", "z")).isEqualTo(":0\r\n");
        assertThat(h.run("ZREMRANGEBYRANK", "z", "x", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("ZREMRANGEBYRANK", "nokey", "0", "1")).isEqualTo(":0\r\n");
    }

    @Test
    void byScoreAndLex() {
        h.run("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
        assertThat(h.run("ZREMRANGEBYSCORE", "z", "-inf", "(2")).isEqualTo(":1\r\n");
        assertThat(h.run("ZREMRANGEBYSCORE", "z", "(3", "+inf")).isEqualTo(":1\r\n");
        assertThat(h.run("ZREMRANGEBYSCORE", "z", "x", "1")).isEqualTo("-ERR min or max is not a float\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
        h.run("ZADD", "l", "0", "a", "0", "b", "0", "c");
        assertThat(h.run("ZREMRANGEBYLEX", "l", "[a", "(c")).isEqualTo(":2\r\n");
        assertThat(h.run("ZREMRANGEBYLEX", "l", "x", "y")).isEqualTo("-ERR min or max not valid string range item\r\n");
        assertThat(h.run("ZRANGE", "l", "0", "-1")).isEqualTo("*1\r\n$1\r\nc\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("ZREMRANGEBYSCORE", "str", "0", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZREMRANGEBYRANK", "str", "0", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZREMRANGEBYSCORE", "str", "x", "1")).isEqualTo("-ERR min or max is not a float\r\n");
    }
}
