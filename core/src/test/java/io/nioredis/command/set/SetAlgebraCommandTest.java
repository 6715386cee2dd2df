package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SetAlgebraCommand replies, each expected value as real Redis 7.0 sends it. */
class SetAlgebraCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void singleResults() {
        h.run("SADD", "a", "1", "2", "3");
        h.run("SADD", "b", "2", "3", "4");
        h.run("SADD", "c", "3", "9");
        assertThat(h.run("SINTER", "a", "b", "c")).isEqualTo("*1\r\n$1\r\n3\r\n");
        assertThat(h.run("SDIFF", "a", "b", "c")).isEqualTo("*1\r\n$1\r\n1\r\n");
        assertThat(h.run("SUNION", "a", "nokey")).isEqualTo("*3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n");
        assertThat(h.run("SINTER", "a", "nokey")).isEqualTo("*0\r\n");
        assertThat(h.run("SDIFF", "nokey", "a")).isEqualTo("*0\r\n");
        assertThat(h.run("SINTERSTORE", "d", "a", "b", "c")).isEqualTo(":1\r\n");
        assertThat(h.run("SMEMBERS", "d")).isEqualTo("*1\r\n$1\r\n3\r\n");
        assertThat(h.run("SINTERSTORE", "d", "a", "nokey")).isEqualTo(":0\r\n");
        assertThat(h.run("EXISTS", "d")).isEqualTo(":0\r\n");
        assertThat(h.run("SDIFFSTORE", "d", "c", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("SMEMBERS", "d")).isEqualTo("*1\r\n$1\r\n9\r\n");
        assertThat(h.run("SUNIONSTORE", "d", "a", "b", "c")).isEqualTo(":5\r\n");
        assertThat(h.run("SCARD", "d")).isEqualTo(":5\r\n");
    }

    @Test
    void storeReplacesAnyTypeAndTtl() {
        h.run("SADD", "a", "x");
        h.run("SET", "d", "str");
        h.run("EXPIRE", "d", "100");
        assertThat(h.run("SUNIONSTORE", "d", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("TYPE", "d")).isEqualTo("+set\r\n");
        assertThat(h.run("TTL", "d")).isEqualTo(":-1\r\n");
    }

    @Test
    void wrongTypeEvenAfterMissingKey() {
        h.run("SET", "str", "x");
        h.run("SADD", "a", "1");
        assertThat(h.run("SINTER", "nokey", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SUNION", "a", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SDIFF", "nokey", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SINTERSTORE", "d", "nokey", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SUNIONSTORE", "d")).isEqualTo("-ERR wrong number of arguments for 'sunionstore' command\r\n");
    }

    @Test
    void resp3() {
        h3.run("SADD", "a", "1");
        assertThat(h3.run("SINTER", "a", "a")).isEqualTo("~1\r\n$1\r\n1\r\n");
        assertThat(h3.run("SUNION", "nokey")).isEqualTo("~0\r\n");
    }
}
