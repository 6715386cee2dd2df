package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SmembersCommand replies, each expected value as real Redis 7.0 sends it. */
class SmembersCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void singleMemberAndMissingKey() {
        h.run("SADD", "s", "only");
        assertThat(h.run("SMEMBERS", "s")).isEqualTo("*1\r\n$4\r\nonly\r\n");
        assertThat(h.run("SMEMBERS", "nokey")).isEqualTo("*0\r\n");
    }

    @Test
    void wrongType() {
        h.run("SET", "str", "x");
        assertThat(h.run("SMEMBERS", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void resp3SetReply() {
        h3.run("SADD", "s", "only");
        assertThat(h3.run("SMEMBERS", "s")).isEqualTo("~1\r\n$4\r\nonly\r\n");
        assertThat(h3.run("SMEMBERS", "nokey")).isEqualTo("~0\r\n");
    }
}
