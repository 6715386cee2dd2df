package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZaddCommand replies, each expected value as real Redis 7.0 sends it. */
class ZaddCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void addsAndUpdates() {
        assertThat(h.run("ZADD", "z", "1", "a", "2", "b", "3", "c")).isEqualTo(":3\r\n");
        assertThat(h.run("ZADD", "z", "1", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("ZADD", "z", "CH", "5", "a", "2", "b")).isEqualTo(":1\r\n");
        assertThat(h.run("ZADD", "z", "NX", "10", "a", "11", "d")).isEqualTo(":1\r\n");
        assertThat(h.run("ZADD", "z", "XX", "12", "a", "13", "e")).isEqualTo(":0\r\n");
        assertThat(h.run("ZADD", "z", "GT", "CH", "0", "a", "20", "b")).isEqualTo(":1\r\n");
        assertThat(h.run("ZADD", "z", "LT", "CH", "0", "a", "20", "b")).isEqualTo(":1\r\n");
        assertThat(h.run("ZADD", "z", "GT", "7", "newm")).isEqualTo(":1\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "WITHSCORES")).isEqualTo("*10\r\n$1\r\na\r\n$1\r\n0\r\n$1\r\nc\r\n$1\r\n3\r\n$4\r\nnewm\r\n$1\r\n7\r\n$1\r\nd\r\n$2\r\n11\r\n$1\r\nb\r\n$2\r\n20\r\n");
        assertThat(h.run("TYPE", "z")).isEqualTo("+zset\r\n");
    }

    @Test
    void optionConflictsAndSyntax() {
        assertThat(h.run("ZADD", "z", "XX", "NX", "1", "a")).isEqualTo("-ERR XX and NX options at the same time are not compatible\r\n");
        assertThat(h.run("ZADD", "z", "GT", "LT", "1", "a")).isEqualTo("-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
        assertThat(h.run("ZADD", "z", "GT", "NX", "1", "a")).isEqualTo("-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
        assertThat(h.run("ZADD", "z", "LT", "NX", "1", "a")).isEqualTo("-ERR GT, LT, and/or NX options at the same time are not compatible\r\n");
        assertThat(h.run("ZADD", "z", "INCR", "1", "a", "2", "b")).isEqualTo("-ERR INCR option supports a single increment-element pair\r\n");
        assertThat(h.run("ZADD", "z", "1")).isEqualTo("-ERR wrong number of arguments for 'zadd' command\r\n");
        assertThat(h.run("ZADD", "z", "1", "a", "2")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("ZADD", "z", "NX")).isEqualTo("-ERR wrong number of arguments for 'zadd' command\r\n");
        assertThat(h.run("EXISTS", "z")).isEqualTo(":0\r\n");
    }

    @Test
    void scoreParsing() {
        assertThat(h.run("ZADD", "z", "x", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZADD", "z", "nan", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZADD", "z", " 1", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZADD", "z", "1 ", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZADD", "z", "1e400", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZADD", "z", "1e-400", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZADD", "z", "1e", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZADD", "z", "", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZADD", "z", "1", "a", "x", "b")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("EXISTS", "z")).isEqualTo(":0\r\n");
        assertThat(h.run("ZADD", "z", "inf", "a", "-inf", "b", "+inf", "c", "infinity", "d", "1e3", "e", "0x10", "f", "+5", "g", ".5", "h", "5.", "i", "-0", "j", "1e-310", "k")).isEqualTo(":11\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "WITHSCORES")).isEqualTo("*22\r\n$1\r\nb\r\n$4\r\n-inf\r\n$1\r\nj\r\n$1\r\n0\r\n$1\r\nk\r\n$23\r\n9.9999999999999694e-311\r\n$1\r\nh\r\n$3\r\n0.5\r\n$1\r\ng\r\n$1\r\n5\r\n$1\r\ni\r\n$1\r\n5\r\n$1\r\nf\r\n$2\r\n16\r\n$1\r\ne\r\n$4\r\n1000\r\n$1\r\na\r\n$3\r\ninf\r\n$1\r\nc\r\n$3\r\ninf\r\n$1\r\nd\r\n$3\r\ninf\r\n");
    }

    @Test
    void incr() {
        assertThat(h.run("ZADD", "z", "INCR", "1.5", "a")).isEqualTo("$3\r\n1.5\r\n");
        assertThat(h.run("ZADD", "z", "INCR", "0.1", "a")).isEqualTo("$18\r\n1.6000000000000001\r\n");
        assertThat(h.run("ZADD", "z", "NX", "INCR", "1", "a")).isEqualTo("$-1\r\n");
        assertThat(h.run("ZADD", "z", "XX", "INCR", "1", "nomember")).isEqualTo("$-1\r\n");
        assertThat(h.run("ZADD", "nokey", "XX", "INCR", "1", "a")).isEqualTo("$-1\r\n");
        assertThat(h.run("ZADD", "nokey", "XX", "1", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("EXISTS", "nokey")).isEqualTo(":0\r\n");
        assertThat(h.run("ZADD", "z", "INCR", "inf", "b")).isEqualTo("$3\r\ninf\r\n");
        assertThat(h.run("ZADD", "z", "INCR", "-inf", "b")).isEqualTo("-ERR resulting score is not a number (NaN)\r\n");
        assertThat(h.run("ZSCORE", "z", "b")).isEqualTo("$3\r\ninf\r\n");
        assertThat(h.run("ZINCRBY", "z", "2", "a")).isEqualTo("$18\r\n3.6000000000000001\r\n");
        assertThat(h.run("ZINCRBY", "z", "x", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZINCRBY", "z", "1", "a", "b")).isEqualTo("-ERR wrong number of arguments for 'zincrby' command\r\n");
        assertThat(h.run("ZINCRBY", "new", "-0", "m")).isEqualTo("$2\r\n-0\r\n");
    }

    @Test
    void wrongTypeAfterScoreCheck() {
        h.run("SET", "str", "x");
        assertThat(h.run("ZADD", "str", "x", "a")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("ZADD", "str", "1", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZINCRBY", "str", "1", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void negativeZeroKeptOnlyInBigSets() {
        assertThat(h.run("ZADD", "z", "-0", "m")).isEqualTo(":1\r\n");
        assertThat(h.run("ZSCORE", "z", "m")).isEqualTo("$1\r\n0\r\n");
    }

    @Test
    void resp3() {
        assertThat(h3.run("ZADD", "z", "INCR", "5", "a")).isEqualTo(",5\r\n");
        assertThat(h3.run("ZADD", "z", "NX", "INCR", "5", "a")).isEqualTo("_\r\n");
        assertThat(h3.run("ZINCRBY", "z", "0.25", "a")).isEqualTo(",5.25\r\n");
    }
}
