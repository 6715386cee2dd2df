package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SpopCommand replies, each expected value as real Redis 7.0 sends it. */
class SpopCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void popsTheOnlyMember() {
        h.run("SADD", "s", "a");
        assertThat(h.run("SPOP", "s")).isEqualTo("$1\r\na\r\n");
        assertThat(h.run("EXISTS", "s")).isEqualTo(":0\r\n");
        assertThat(h.run("SPOP", "s")).isEqualTo("$-1\r\n");
        assertThat(h.run("SPOP", "s", "3")).isEqualTo("*0\r\n");
    }

    @Test
    void countErrors() {
        h.run("SADD", "s", "a", "b");
        assertThat(h.run("SPOP", "s", "-1")).isEqualTo("-ERR value is out of range, must be positive\r\n");
        assertThat(h.run("SPOP", "s", "x")).isEqualTo("-ERR value is out of range, must be positive\r\n");
        assertThat(h.run("SPOP", "s", "1", "2")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("SPOP", "s", "0")).isEqualTo("*0\r\n");
        assertThat(h.run("SCARD", "s")).isEqualTo(":2\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("SPOP", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SPOP", "str", "2")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void countAboveSizeTakesAll() {
        h.run("SADD", "s", "a");
        assertThat(h.run("SPOP", "s", "5")).isEqualTo("*1\r\n$1\r\na\r\n");
        assertThat(h.run("EXISTS", "s")).isEqualTo(":0\r\n");
    }

    @Test
    void resp3() {
        h3.run("SADD", "s", "a");
        assertThat(h3.run("SPOP", "s", "1")).isEqualTo("~1\r\n$1\r\na\r\n");
        assertThat(h3.run("SPOP", "s")).isEqualTo("_\r\n");
        assertThat(h3.run("SPOP", "s", "2")).isEqualTo("~0\r\n");
    }
}
