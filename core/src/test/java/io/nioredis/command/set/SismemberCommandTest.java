package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SismemberCommand replies, each expected value as real Redis 7.0 sends it. */
class SismemberCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void singleAndMulti() {
        h.run("SADD", "s", "a", "b");
        assertThat(h.run("SISMEMBER", "s", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("SISMEMBER", "s", "x")).isEqualTo(":0\r\n");
        assertThat(h.run("SISMEMBER", "nokey", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("SMISMEMBER", "s", "a", "x", "b")).isEqualTo("*3\r\n:1\r\n:0\r\n:1\r\n");
        assertThat(h.run("SMISMEMBER", "nokey", "a", "b")).isEqualTo("*2\r\n:0\r\n:0\r\n");
    }

    @Test
    void wrongType() {
        h.run("SET", "str", "x");
        assertThat(h.run("SISMEMBER", "str", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SMISMEMBER", "str", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("SMISMEMBER", "s")).isEqualTo("-ERR wrong number of arguments for 'smismember' command\r\n");
    }

    @Test
    void resp3StillIntegers() {
        h3.run("SADD", "s", "a");
        assertThat(h3.run("SISMEMBER", "s", "a")).isEqualTo(":1\r\n");
        assertThat(h3.run("SMISMEMBER", "s", "a", "x")).isEqualTo("*2\r\n:1\r\n:0\r\n");
    }
}
