package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SORT and SORT_RO: every expected reply is real Redis 7.0's (sort.c), including its strtod and strcoll rules. */
class SortCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void numbersAlphaAndLimit() {
        h.run("rpush", "l", "3", "1", "2", "10", "-5", "1.5");
        assertThat(h.run("sort", "l")).isEqualTo("*6\r\n$2\r\n-5\r\n$1\r\n1\r\n$3\r\n1.5\r\n$1\r\n2\r\n$1\r\n3\r\n$2\r\n10\r\n");
        assertThat(h.run("sort", "l", "desc")).isEqualTo("*6\r\n$2\r\n10\r\n$1\r\n3\r\n$1\r\n2\r\n$3\r\n1.5\r\n$1\r\n1\r\n$2\r\n-5\r\n");
        assertThat(h.run("sort", "l", "alpha")).isEqualTo("*6\r\n$2\r\n-5\r\n$1\r\n1\r\n$3\r\n1.5\r\n$2\r\n10\r\n$1\r\n2\r\n$1\r\n3\r\n");
        assertThat(h.run("sort", "l", "alpha", "desc")).isEqualTo("*6\r\n$1\r\n3\r\n$1\r\n2\r\n$2\r\n10\r\n$3\r\n1.5\r\n$1\r\n1\r\n$2\r\n-5\r\n");
        assertThat(h.run("sort", "l", "limit", "1", "2")).isEqualTo("*2\r\n$1\r\n1\r\n$3\r\n1.5\r\n");
        assertThat(h.run("sort", "l", "limit", "-1", "2")).isEqualTo("*2\r\n$2\r\n-5\r\n$1\r\n1\r\n");
        assertThat(h.run("sort", "l", "limit", "2", "-1")).isEqualTo("*4\r\n$3\r\n1.5\r\n$1\r\n2\r\n$1\r\n3\r\n$2\r\n10\r\n");
        assertThat(h.run("sort", "l", "limit", "10", "2")).isEqualTo("*0\r\n");
        assertThat(h.run("sort", "l", "limit", "0", "0")).isEqualTo("*0\r\n");
        assertThat(h.run("sort_ro", "l", "desc", "limit", "0", "2")).isEqualTo("*2\r\n$2\r\n10\r\n$1\r\n3\r\n");
    }

    @Test
    void equalScoresOrderByBytes() {
        h.run("rpush", "l", "1.0", "1", "01", "+1", "b");
        h.run("set", "w_b", "1");
        assertThat(h.run("sort", "l", "by", "w_*")).isEqualTo("*5\r\n$2\r\n+1\r\n$2\r\n01\r\n$1\r\n1\r\n$3\r\n1.0\r\n$1\r\nb\r\n");
        assertThat(h.run("sort", "l", "by", "nosort")).isEqualTo("*5\r\n$3\r\n1.0\r\n$1\r\n1\r\n$2\r\n01\r\n$2\r\n+1\r\n$1\r\nb\r\n");
    }

    @Test
    void notANumber() {
        h.run("rpush", "bad", "1", "x");
        h.run("rpush", "ranges", "1e400");
        h.run("rpush", "tiny", "1e-400");
        h.run("rpush", "sub", "5e-324");
        h.run("rpush", "odd", " 3", "0x10", "", "2", "inf", "-inf", "0X1P-1074");
        assertThat(h.run("sort", "odd")).isEqualTo("*7\r\n$4\r\n-inf\r\n$0\r\n\r\n$9\r\n0X1P-1074\r\n$1\r\n2\r\n$2\r\n 3\r\n$4\r\n0x10\r\n$3\r\ninf\r\n");
        assertThat(h.run("sort", "bad")).isEqualTo("-ERR One or more scores can't be converted into double\r\n");
        assertThat(h.run("sort", "ranges")).isEqualTo("-ERR One or more scores can't be converted into double\r\n");
        assertThat(h.run("sort", "tiny")).isEqualTo("-ERR One or more scores can't be converted into double\r\n");
        assertThat(h.run("sort", "sub")).isEqualTo("-ERR One or more scores can't be converted into double\r\n");
        assertThat(h.run("sort", "bad", "alpha")).isEqualTo("*2\r\n$1\r\n1\r\n$1\r\nx\r\n");
        assertThat(h.run("sort", "bad", "by", "nosort")).isEqualTo("*2\r\n$1\r\n1\r\n$1\r\nx\r\n");
    }

    @Test
    void alphaComparesBytesUpToNul() {
        h.run(latin1("rpush", "l", "b", "a\u0000b", "a\u0000a", "a", "\u00ff", "\u0080", "B"));
        assertThat(h.run("sort", "l", "alpha")).isEqualTo("*7\r\n$1\r\nB\r\n$3\r\na\u0000b\r\n$3\r\na\u0000a\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\n\u0080\r\n$1\r\n\u00ff\r\n");
        assertThat(h.run("sort", "l", "alpha", "store", "dst")).isEqualTo(":7\r\n");
        assertThat(h.run("lrange", "dst", "0", "-1")).isEqualTo("*7\r\n$1\r\nB\r\n$1\r\na\r\n$3\r\na\u0000a\r\n$3\r\na\u0000b\r\n$1\r\nb\r\n$1\r\n\u0080\r\n$1\r\n\u00ff\r\n");
    }

    @Test
    void byNosortKeepsListAndSortedSetOrder() {
        h.run("rpush", "l", "c", "a", "b", "d");
        h.run("zadd", "z", "3", "c", "1", "a", "2", "b", "4", "d");
        assertThat(h.run("sort", "l", "by", "nosort")).isEqualTo("*4\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nd\r\n");
        assertThat(h.run("sort", "l", "by", "nosort", "desc")).isEqualTo("*4\r\n$1\r\nd\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nc\r\n");
        assertThat(h.run("sort", "l", "by", "nosort", "limit", "1", "2")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\nb\r\n");
        assertThat(h.run("sort", "l", "by", "nosort", "desc", "limit", "1", "2")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\na\r\n");
        assertThat(h.run("sort", "z", "by", "nosort")).isEqualTo("*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
        assertThat(h.run("sort", "z", "by", "nosort", "desc")).isEqualTo("*4\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
        assertThat(h.run("sort", "z", "by", "nosort", "limit", "1", "1")).isEqualTo("*1\r\n$1\r\nb\r\n");
        assertThat(h.run("sort", "z", "by", "nosort", "desc", "limit", "1", "5")).isEqualTo("*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
        assertThat(h.run("sort", "z", "alpha", "desc")).isEqualTo("*4\r\n$1\r\nd\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
    }

    @Test
    void byAndGetPatterns() {
        h.run("rpush", "l", "3", "1", "2");
        h.run("mset", "w_3", "30", "w_1", "10", "w_2", "20");
        h.run("hset", "h_3", "f", "3", "g", "c");
        h.run("hset", "h_1", "f", "1", "g", "a");
        h.run("hset", "h_2", "f", "-2", "g", "b");
        assertThat(h.run("sort", "l", "by", "w_*")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
        assertThat(h.run("sort", "l", "by", "w_*", "desc")).isEqualTo("*3\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n1\r\n");
        assertThat(h.run("sort", "l", "by", "h_*->f")).isEqualTo("*3\r\n$1\r\n2\r\n$1\r\n1\r\n$1\r\n3\r\n");
        assertThat(h.run("sort", "l", "by", "h_*->f", "get", "#", "get", "h_*->g", "get", "w_*", "get", "nope", "get", "h_*->missing")).isEqualTo("*15\r\n$1\r\n2\r\n$1\r\nb\r\n$2\r\n20\r\n$-1\r\n$-1\r\n$1\r\n1\r\n$1\r\na\r\n$2\r\n10\r\n$-1\r\n$-1\r\n$1\r\n3\r\n$1\r\nc\r\n$2\r\n30\r\n$-1\r\n$-1\r\n");
        assertThat(h.run("sort", "l", "by", "h_*->f", "alpha", "get", "h_*->g")).isEqualTo("*3\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nc\r\n");
        assertThat(h.run("sort", "l", "by", "h_*->", "get", "#")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
        assertThat(h.run("sort", "l", "by", "missing_*", "get", "#")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
        assertThat(h.run("sort", "l", "get", "w_*->f")).isEqualTo("*3\r\n$-1\r\n$-1\r\n$-1\r\n");
        assertThat(h.run("sort", "l", "by", "w_*", "limit", "1", "1", "get", "#")).isEqualTo("*1\r\n$1\r\n2\r\n");
    }

    @Test
    void storeReplacesWithAList() {
        h.run("rpush", "l", "3", "1", "2");
        h.run("mset", "w_3", "30", "w_1", "10");
        h.run("set", "dst", "str");
        h.run("expire", "dst", "100");
        assertThat(h.run("sort", "l", "get", "w_*", "get", "#", "store", "dst")).isEqualTo(":6\r\n");
        assertThat(h.run("ttl", "dst")).isEqualTo(":-1\r\n");
        assertThat(h.run("lrange", "dst", "0", "-1")).isEqualTo("*6\r\n$2\r\n10\r\n$1\r\n1\r\n$0\r\n\r\n$1\r\n2\r\n$2\r\n30\r\n$1\r\n3\r\n");
        assertThat(h.run("sort", "l", "store", "dst", "limit", "0", "0")).isEqualTo(":0\r\n");
        assertThat(h.run("exists", "dst")).isEqualTo(":0\r\n");
        assertThat(h.run("sort", "missing", "store", "dst")).isEqualTo(":0\r\n");
    }

    @Test
    void setsSortByValueAndAlphaWhenStored() {
        h.run("sadd", "s", "5", "3", "9", "1");
        h.run("sadd", "s2", "b", "a", "c");
        assertThat(h.run("sort", "s")).isEqualTo("*4\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$1\r\n9\r\n");
        assertThat(h.run("sort", "s", "desc", "limit", "1", "2")).isEqualTo("*2\r\n$1\r\n5\r\n$1\r\n3\r\n");
        assertThat(h.run("sort", "s", "by", "nosort", "store", "dst")).isEqualTo(":4\r\n");
        assertThat(h.run("lrange", "dst", "0", "-1")).isEqualTo("*4\r\n$1\r\n1\r\n$1\r\n3\r\n$1\r\n5\r\n$1\r\n9\r\n");
        assertThat(h.run("sort", "s2", "alpha")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("sort", "s2")).isEqualTo("-ERR One or more scores can't be converted into double\r\n");
    }

    @Test
    void errors() {
        h.run("set", "str", "x");
        h.run("rpush", "l", "1");
        assertThat(h.run("sort", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("sort", "missing")).isEqualTo("*0\r\n");
        assertThat(h.run("sort", "l", "limit", "x", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("sort", "l", "limit", "1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("sort", "l", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("sort", "l", "store")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("sort_ro", "l", "store", "dst")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("sort", "l", "get")).isEqualTo("-ERR syntax error\r\n");
    }

    @Test
    void subnormalScoreFailsTheFirstNumericSortOfASortedSet() {
        // Redis keeps errno from earlier commands; each "zadd errno-reset XX" clears it, as the differential
        // test does, so that only what SORT itself does decides.
        h.run("zadd", "z", "5e-324", "2", "1", "3");
        h.run("zadd", "y", "5e-324", "2", "1", "3");
        h.run("zadd", "a", "5e-324", "2", "1", "3");
        h.run("mset", "w_2", "20", "w_3", "30", "w_1", "x");
        h.run("zadd", "errno-reset", "XX", "0", "m");
        assertThat(h.run("sort", "z")).isEqualTo("-ERR One or more scores can't be converted into double\r\n");
        h.run("zadd", "errno-reset", "XX", "0", "m");
        assertThat(h.run("sort", "z")).isEqualTo("*2\r\n$1\r\n2\r\n$1\r\n3\r\n");
        h.run("zadd", "errno-reset", "XX", "0", "m");
        assertThat(h.run("sort", "y", "alpha")).isEqualTo("*2\r\n$1\r\n2\r\n$1\r\n3\r\n");
        h.run("zadd", "errno-reset", "XX", "0", "m");
        assertThat(h.run("sort", "y")).isEqualTo("*2\r\n$1\r\n2\r\n$1\r\n3\r\n");
        h.run("zadd", "errno-reset", "XX", "0", "m");
        assertThat(h.run("sort", "a", "by", "w_*")).isEqualTo("*2\r\n$1\r\n2\r\n$1\r\n3\r\n");
        h.run("zadd", "b", "5e-324", "2", "1", "1");
        h.run("zadd", "errno-reset", "XX", "0", "m");
        assertThat(h.run("sort", "b", "by", "w_*")).isEqualTo("-ERR One or more scores can't be converted into double\r\n");
    }

    /** Arguments as ISO-8859-1 bytes, so that every char is one byte as redis-cli would send it. */
    private static byte[][] latin1(String... args) {
        byte[][] out = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return out;
    }

}
