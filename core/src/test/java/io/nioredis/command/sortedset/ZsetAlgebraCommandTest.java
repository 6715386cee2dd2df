package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZUNION, ZINTER, ZDIFF, their STORE forms and ZINTERCARD; every expected reply is real Redis 7.0's. */
class ZsetAlgebraCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void unionWithWeightsAndAggregates() {
        h.run("zadd", "za", "1", "a", "2", "b", "3", "c");
        h.run("zadd", "zb", "10", "b", "20", "c", "30", "d");
        h.run("sadd", "sa", "a", "c", "e");
        assertThat(h.run("zunion", "2", "za", "zb")).isEqualTo("*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
        assertThat(h.run("zunion", "2", "za", "zb", "withscores")).isEqualTo("*8\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$2\r\n12\r\n$1\r\nc\r\n$2\r\n23\r\n$1\r\nd\r\n$2\r\n30\r\n");
        assertThat(h.run("zunion", "3", "za", "zb", "sa", "weights", "1", "2", "3", "withscores")).isEqualTo("*10\r\n$1\r\ne\r\n$1\r\n3\r\n$1\r\na\r\n$1\r\n4\r\n$1\r\nb\r\n$2\r\n22\r\n$1\r\nc\r\n$2\r\n46\r\n$1\r\nd\r\n$2\r\n60\r\n");
        assertThat(h.run("zunion", "3", "za", "zb", "sa", "weights", "1", "2", "3", "aggregate", "min", "withscores")).isEqualTo("*10\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\ne\r\n$1\r\n3\r\n$1\r\nd\r\n$2\r\n60\r\n");
        assertThat(h.run("zunion", "3", "za", "zb", "sa", "weights", "1", "2", "3", "aggregate", "MAX", "withscores")).isEqualTo("*10\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\ne\r\n$1\r\n3\r\n$1\r\nb\r\n$2\r\n20\r\n$1\r\nc\r\n$2\r\n40\r\n$1\r\nd\r\n$2\r\n60\r\n");
        assertThat(h.run("zunion", "2", "za", "missing", "withscores")).isEqualTo("*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
    }

    @Test
    void interAndDiffAcceptPlainSets() {
        h.run("zadd", "za", "1", "a", "2", "b", "3", "c");
        h.run("zadd", "zb", "10", "b", "20", "c", "30", "d");
        h.run("sadd", "sa", "a", "c", "e");
        assertThat(h.run("zinter", "2", "za", "zb", "withscores")).isEqualTo("*4\r\n$1\r\nb\r\n$2\r\n12\r\n$1\r\nc\r\n$2\r\n23\r\n");
        assertThat(h.run("zinter", "3", "za", "zb", "sa", "withscores")).isEqualTo("*2\r\n$1\r\nc\r\n$2\r\n24\r\n");
        assertThat(h.run("zinter", "2", "za", "zb", "aggregate", "max", "withscores")).isEqualTo("*4\r\n$1\r\nb\r\n$2\r\n10\r\n$1\r\nc\r\n$2\r\n20\r\n");
        assertThat(h.run("zinter", "2", "za", "missing")).isEqualTo("*0\r\n");
        assertThat(h.run("zdiff", "2", "za", "zb", "withscores")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("zdiff", "2", "sa", "za", "withscores")).isEqualTo("*2\r\n$1\r\ne\r\n$1\r\n1\r\n");
        assertThat(h.run("zdiff", "1", "missing")).isEqualTo("*0\r\n");
    }

    @Test
    void infinitiesFollowRedisNanRules() {
        h.run("zadd", "zj", "inf", "a");
        h.run("zadd", "zk", "-inf", "a");
        assertThat(h.run("zunion", "2", "zj", "zk", "withscores")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\n0\r\n");
        assertThat(h.run("zinter", "2", "zj", "zk", "withscores")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\n0\r\n");
        assertThat(h.run("zunion", "2", "zj", "zk", "weights", "0", "1", "withscores")).isEqualTo("*2\r\n$1\r\na\r\n$4\r\n-inf\r\n");
        assertThat(h.run("zunion", "2", "zj", "zk", "aggregate", "min", "withscores")).isEqualTo("*2\r\n$1\r\na\r\n$4\r\n-inf\r\n");
        assertThat(h.run("zunion", "1", "zj", "weights", "-0.0", "withscores")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\n0\r\n");
    }

    @Test
    void errorsInRedisOrder() {
        h.run("zadd", "za", "1", "a");
        h.run("set", "str", "x");
        assertThat(h.run("zunion", "0", "za")).isEqualTo("-ERR at least 1 input key is needed for 'zunion' command\r\n");
        assertThat(h.run("zunion", "-1", "za")).isEqualTo("-ERR at least 1 input key is needed for 'zunion' command\r\n");
        assertThat(h.run("zunion", "x", "za")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("zunion", "3", "za", "str")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zunion", "2", "za", "str", "weights", "x")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("zunion", "2", "za", "za", "weights", "1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zunion", "2", "za", "za", "weights", "1", "x")).isEqualTo("-ERR weight value is not a float\r\n");
        assertThat(h.run("zunion", "2", "za", "za", "weights", "1", "nan")).isEqualTo("-ERR weight value is not a float\r\n");
        assertThat(h.run("zunion", "2", "za", "za", "aggregate")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zunion", "2", "za", "za", "aggregate", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zdiff", "2", "za", "za", "weights", "1", "1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zdiff", "2", "za", "za", "aggregate", "sum")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zunionstore", "d", "1", "za", "withscores")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zunionstore", "d", "0", "za")).isEqualTo("-ERR at least 1 input key is needed for 'zunionstore' command\r\n");
        assertThat(h.run("zinterstore", "d", "1", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("zintercard", "0", "za")).isEqualTo("-ERR at least 1 input key is needed for 'zintercard' command\r\n");
        assertThat(h.run("zintercard", "1", "za", "withscores")).isEqualTo("-ERR syntax error\r\n");
    }

    @Test
    void storeFormsReplaceOrDelete() {
        h.run("zadd", "za", "1", "a", "2", "b", "3", "c");
        h.run("zadd", "zb", "10", "b", "20", "c", "30", "d");
        h.run("set", "d", "str");
        h.run("expire", "d", "100");
        assertThat(h.run("zunionstore", "d", "2", "za", "zb")).isEqualTo(":4\r\n");
        assertThat(h.run("ttl", "d")).isEqualTo(":-1\r\n");
        assertThat(h.run("zrange", "d", "0", "-1", "withscores")).isEqualTo("*8\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$2\r\n12\r\n$1\r\nc\r\n$2\r\n23\r\n$1\r\nd\r\n$2\r\n30\r\n");
        assertThat(h.run("zinterstore", "d", "2", "za", "zb", "weights", "2", "3")).isEqualTo(":2\r\n");
        assertThat(h.run("zrange", "d", "0", "-1", "withscores")).isEqualTo("*4\r\n$1\r\nb\r\n$2\r\n34\r\n$1\r\nc\r\n$2\r\n66\r\n");
        assertThat(h.run("zdiffstore", "d", "2", "za", "zb")).isEqualTo(":1\r\n");
        assertThat(h.run("zrange", "d", "0", "-1", "withscores")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("zinterstore", "d", "2", "za", "missing")).isEqualTo(":0\r\n");
        assertThat(h.run("exists", "d")).isEqualTo(":0\r\n");
        h.run("zadd", "zi", "1", "a");
        assertThat(h.run("zunionstore", "d", "1", "zi", "weights", "-0")).isEqualTo(":1\r\n");
        assertThat(h.run("zscore", "d", "a")).isEqualTo("$1\r\n0\r\n");
    }

    @Test
    void intercardWithLimit() {
        h.run("zadd", "za", "1", "a", "2", "b", "3", "c");
        h.run("zadd", "zb", "10", "b", "20", "c", "30", "d");
        h.run("sadd", "sa", "b", "c");
        assertThat(h.run("zintercard", "2", "za", "zb")).isEqualTo(":2\r\n");
        assertThat(h.run("zintercard", "3", "za", "zb", "sa", "limit", "1")).isEqualTo(":1\r\n");
        assertThat(h.run("zintercard", "2", "za", "zb", "limit", "0")).isEqualTo(":2\r\n");
        assertThat(h.run("zintercard", "2", "za", "zb", "limit", "-1")).isEqualTo("-ERR LIMIT can't be negative\r\n");
        assertThat(h.run("zintercard", "2", "za", "zb", "limit", "x")).isEqualTo("-ERR LIMIT can't be negative\r\n");
        assertThat(h.run("zintercard", "2", "za", "missing")).isEqualTo(":0\r\n");
    }

    @Test
    void resp3PairsWithScores() {
        h3.run("hello", "3");
        h3.run("zadd", "za", "1", "a", "2", "b");
        h3.run("sadd", "sa", "a");
        assertThat(h3.run("zunion", "2", "za", "sa", "withscores")).isEqualTo("*2\r\n*2\r\n$1\r\na\r\n,2\r\n*2\r\n$1\r\nb\r\n,2\r\n");
        assertThat(h3.run("zinter", "2", "za", "sa", "withscores")).isEqualTo("*1\r\n*2\r\n$1\r\na\r\n,2\r\n");
        assertThat(h3.run("zdiff", "1", "za", "withscores")).isEqualTo("*2\r\n*2\r\n$1\r\na\r\n,1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
        assertThat(h3.run("zunion", "1", "za")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\nb\r\n");
        assertThat(h3.run("zrandmember", "za", "5", "withscores")).isEqualTo("*2\r\n*2\r\n$1\r\nb\r\n,2\r\n*2\r\n$1\r\na\r\n,1\r\n");
        assertThat(h3.run("zrandmember", "missing")).isEqualTo("_\r\n");
        h3.run("zadd", "one", "5", "only");
        assertThat(h3.run("zrandmember", "one", "-2", "withscores")).isEqualTo("*2\r\n*2\r\n$4\r\nonly\r\n,5\r\n*2\r\n$4\r\nonly\r\n,5\r\n");
    }

}
