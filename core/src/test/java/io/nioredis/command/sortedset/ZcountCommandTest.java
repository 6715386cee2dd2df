package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZcountCommand replies, each expected value as real Redis 7.0 sends it. */
class ZcountCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void scoreRanges() {
        h.run("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
        assertThat(h.run("ZCOUNT", "z", "-inf", "+inf")).isEqualTo(":4\r\n");
        assertThat(h.run("ZCOUNT", "z", "(1", "3")).isEqualTo(":2\r\n");
        assertThat(h.run("ZCOUNT", "z", "(1", "(3")).isEqualTo(":1\r\n");
        assertThat(h.run("ZCOUNT", "z", "3", "1")).isEqualTo(":0\r\n");
        assertThat(h.run("ZCOUNT", "z", "2", "2")).isEqualTo(":1\r\n");
        assertThat(h.run("ZCOUNT", "z", "(2", "2")).isEqualTo(":0\r\n");
        assertThat(h.run("ZCOUNT", "z", " 1", "5")).isEqualTo(":4\r\n");
        assertThat(h.run("ZCOUNT", "z", "", "5")).isEqualTo(":4\r\n");
        assertThat(h.run("ZCOUNT", "z", "(", "5")).isEqualTo(":4\r\n");
        assertThat(h.run("ZCOUNT", "z", "1e400", "inf")).isEqualTo(":0\r\n");
        assertThat(h.run("ZCOUNT", "z", "-1e400", "2")).isEqualTo(":2\r\n");
        assertThat(h.run("ZCOUNT", "z", "0x1", "2")).isEqualTo(":2\r\n");
        assertThat(h.run("ZCOUNT", "z", "nan", "5")).isEqualTo("-ERR min or max is not a float\r\n");
        assertThat(h.run("ZCOUNT", "z", "x", "5")).isEqualTo("-ERR min or max is not a float\r\n");
        assertThat(h.run("ZCOUNT", "z", "1", "5 ")).isEqualTo("-ERR min or max is not a float\r\n");
        assertThat(h.run("ZCOUNT", "nokey", "0", "1")).isEqualTo(":0\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("ZCOUNT", "str", "0", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZCOUNT", "str", "x", "1")).isEqualTo("-ERR min or max is not a float\r\n");
    }

    @Test
    void lexRanges() {
        h.run("ZADD", "z", "0", "a", "0", "b", "0", "c", "0", "d");
        assertThat(h.run("ZLEXCOUNT", "z", "-", "+")).isEqualTo(":4\r\n");
        assertThat(h.run("ZLEXCOUNT", "z", "[b", "[c")).isEqualTo(":2\r\n");
        assertThat(h.run("ZLEXCOUNT", "z", "(b", "[d")).isEqualTo(":2\r\n");
        assertThat(h.run("ZLEXCOUNT", "z", "+", "-")).isEqualTo(":0\r\n");
        assertThat(h.run("ZLEXCOUNT", "z", "-", "-")).isEqualTo(":0\r\n");
        assertThat(h.run("ZLEXCOUNT", "z", "[a", "(a")).isEqualTo(":0\r\n");
        assertThat(h.run("ZLEXCOUNT", "z", "x", "y")).isEqualTo("-ERR min or max not valid string range item\r\n");
        assertThat(h.run("ZLEXCOUNT", "z", "", "+")).isEqualTo("-ERR min or max not valid string range item\r\n");
        assertThat(h.run("ZLEXCOUNT", "z", "-a", "+")).isEqualTo("-ERR min or max not valid string range item\r\n");
        assertThat(h.run("ZLEXCOUNT", "nokey", "-", "+")).isEqualTo(":0\r\n");
    }
}
