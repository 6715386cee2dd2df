package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SrandmemberCommand replies, each expected value as real Redis 7.0 sends it. */
class SrandmemberCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void singleMember() {
        h.run("SADD", "s", "a");
        assertThat(h.run("SRANDMEMBER", "s")).isEqualTo("$1\r\na\r\n");
        assertThat(h.run("SRANDMEMBER", "s", "1")).isEqualTo("*1\r\n$1\r\na\r\n");
        assertThat(h.run("SRANDMEMBER", "s", "3")).isEqualTo("*1\r\n$1\r\na\r\n");
        assertThat(h.run("SRANDMEMBER", "s", "-3")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\na\r\n$1\r\na\r\n");
        assertThat(h.run("SRANDMEMBER", "s", "0")).isEqualTo("*0\r\n");
        assertThat(h.run("SRANDMEMBER", "nokey")).isEqualTo("$-1\r\n");
        assertThat(h.run("SRANDMEMBER", "nokey", "2")).isEqualTo("*0\r\n");
        assertThat(h.run("SRANDMEMBER", "nokey", "-2")).isEqualTo("*0\r\n");
    }

    @Test
    void errors() {
        h.run("SADD", "s", "a");
        assertThat(h.run("SRANDMEMBER", "s", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("SRANDMEMBER", "s", "-9223372036854775808")).isEqualTo("-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n");
        assertThat(h.run("SRANDMEMBER", "s", "1", "2")).isEqualTo("-ERR syntax error\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("SRANDMEMBER", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SRANDMEMBER", "str", "2")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void resp3ArrayNotSet() {
        h3.run("SADD", "s", "a");
        assertThat(h3.run("SRANDMEMBER", "s", "5")).isEqualTo("*1\r\n$1\r\na\r\n");
        assertThat(h3.run("SRANDMEMBER", "s")).isEqualTo("$1\r\na\r\n");
        assertThat(h3.run("SRANDMEMBER", "nokey")).isEqualTo("_\r\n");
    }

    @Test
    void hugeRepeatedCountIsRefusedNotBuffered() {
        // Deliberately unlike Redis, which streams any size: one reply array cannot hold this.
        h.run("SADD", "s", "a");
        assertThat(h.run("SRANDMEMBER", "s", "-1000000000000")).isEqualTo("-ERR value is out of range\r\n");
        assertThat(h.run("SRANDMEMBER", "s", "-3")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\na\r\n$1\r\na\r\n");
    }
}
