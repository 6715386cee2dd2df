package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZrangeCommand replies, each expected value as real Redis 7.0 sends it. */
class ZrangeCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void byRank() {
        h.run("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
        assertThat(h.run("ZRANGE", "z", "0", "-1")).isEqualTo("*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "WITHSCORES")).isEqualTo("*10\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\ne\r\n$1\r\n5\r\n");
        assertThat(h.run("ZRANGE", "z", "-3", "-1")).isEqualTo("*3\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
        assertThat(h.run("ZRANGE", "z", "-100", "100")).isEqualTo("*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
        assertThat(h.run("ZRANGE", "z", "3", "1")).isEqualTo("*0\r\n");
        assertThat(h.run("ZRANGE", "z", "100", "200")).isEqualTo("*0\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "1", "REV", "WITHSCORES")).isEqualTo("*4\r\n$1\r\ne\r\n$1\r\n5\r\n$1\r\nd\r\n$1\r\n4\r\n");
        assertThat(h.run("ZREVRANGE", "z", "0", "1", "WITHSCORES")).isEqualTo("*4\r\n$1\r\ne\r\n$1\r\n5\r\n$1\r\nd\r\n$1\r\n4\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "LIMIT", "0", "1")).isEqualTo("-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "LIMIT", "0", "-1")).isEqualTo("*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
        assertThat(h.run("ZRANGE", "z", "x", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("ZRANGE", "nokey", "0", "-1")).isEqualTo("*0\r\n");
    }

    @Test
    void byScore() {
        h.run("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d", "5", "e");
        assertThat(h.run("ZRANGE", "z", "(1", "+inf", "BYSCORE", "WITHSCORES")).isEqualTo("*8\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n$1\r\ne\r\n$1\r\n5\r\n");
        assertThat(h.run("ZRANGE", "z", "+inf", "(1", "BYSCORE", "REV")).isEqualTo("*4\r\n$1\r\ne\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n");
        assertThat(h.run("ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "1", "2")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "1", "-1")).isEqualTo("*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
        assertThat(h.run("ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "-1", "2")).isEqualTo("*0\r\n");
        assertThat(h.run("ZRANGE", "z", "-inf", "+inf", "BYSCORE", "LIMIT", "0", "0")).isEqualTo("*0\r\n");
        assertThat(h.run("ZRANGE", "z", "+inf", "-inf", "BYSCORE", "REV", "LIMIT", "2", "3", "WITHSCORES")).isEqualTo("*6\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("ZRANGEBYSCORE", "z", "(2", "5", "WITHSCORES", "LIMIT", "0", "2")).isEqualTo("*4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
        assertThat(h.run("ZRANGEBYSCORE", "z", "5", "2")).isEqualTo("*0\r\n");
        assertThat(h.run("ZRANGEBYSCORE", "z", "(2", "2")).isEqualTo("*0\r\n");
        assertThat(h.run("ZRANGEBYSCORE", "z", "0", "10", "REV")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("ZREVRANGEBYSCORE", "z", "5", "(2", "LIMIT", "1", "10")).isEqualTo("*2\r\n$1\r\nd\r\n$1\r\nc\r\n");
        assertThat(h.run("ZRANGE", "z", "a", "b", "BYSCORE")).isEqualTo("-ERR min or max is not a float\r\n");
        assertThat(h.run("ZRANGEBYSCORE", "z", "((1", "2")).isEqualTo("-ERR min or max is not a float\r\n");
        assertThat(h.run("ZRANGE", "nokey", "a", "b", "BYSCORE")).isEqualTo("-ERR min or max is not a float\r\n");
    }

    @Test
    void byLex() {
        h.run("ZADD", "z", "0", "a", "0", "b", "0", "c", "0", "d", "0", "e");
        assertThat(h.run("ZRANGE", "z", "-", "+", "BYLEX")).isEqualTo("*5\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\ne\r\n");
        assertThat(h.run("ZRANGE", "z", "[b", "(d", "BYLEX")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("ZRANGE", "z", "[d", "(b", "BYLEX", "REV")).isEqualTo("*2\r\n$1\r\nd\r\n$1\r\nc\r\n");
        assertThat(h.run("ZRANGEBYLEX", "z", "-", "+", "LIMIT", "1", "2")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("ZREVRANGEBYLEX", "z", "+", "-", "LIMIT", "0", "2")).isEqualTo("*2\r\n$1\r\ne\r\n$1\r\nd\r\n");
        assertThat(h.run("ZRANGEBYLEX", "z", "b", "d")).isEqualTo("-ERR min or max not valid string range item\r\n");
        assertThat(h.run("ZRANGEBYLEX", "z", "+", "-")).isEqualTo("*0\r\n");
        assertThat(h.run("ZRANGE", "z", "-", "+", "BYLEX", "WITHSCORES")).isEqualTo("-ERR syntax error, WITHSCORES not supported in combination with BYLEX\r\n");
    }

    @Test
    void optionErrors() {
        h.run("ZADD", "z", "1", "a");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "BYSCORE", "BYLEX")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "REV", "REV")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "LIMIT", "1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "LIMIT", "x", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("ZRANGEBYSCORE", "z", "0", "10", "BYSCORE")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("ZREVRANGE", "z", "0", "-1", "REV")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("ZRANGE", "z", "0", "-1", "FOO")).isEqualTo("-ERR syntax error\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("ZRANGE", "str", "0", "-1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZRANGE", "z", "0")).isEqualTo("-ERR wrong number of arguments for 'zrange' command\r\n");
    }

    @Test
    void resp3Pairs() {
        h3.run("ZADD", "z", "1", "a", "2.5", "b");
        assertThat(h3.run("ZRANGE", "z", "0", "-1", "WITHSCORES")).isEqualTo("*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2.5\r\n");
        assertThat(h3.run("ZRANGE", "z", "0", "-1")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\nb\r\n");
        assertThat(h3.run("ZREVRANGEBYSCORE", "z", "+inf", "-inf", "WITHSCORES")).isEqualTo("*2\r\n*2\r\n$1\r\nb\r\n,2.5\r\n*2\r\n$1\r\na\r\n,1\r\n");
        assertThat(h3.run("ZRANGE", "nokey", "0", "-1", "WITHSCORES")).isEqualTo("*0\r\n");
    }
}
