package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SetCommands replies, each expected value as real Redis 7.0 sends it. */
class SetCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void typeIsSet() {
        h.run("SADD", "s", "a");
        assertThat(h.run("TYPE", "s")).isEqualTo("+set\r\n");
    }

    @Test
    void expiredSetIsGone() {
        h.run("SADD", "s", "a");
        h.run("PEXPIRE", "s", "100");
        h.clock.advance(100);
        assertThat(h.run("SISMEMBER", "s", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("EXISTS", "s")).isEqualTo(":0\r\n");
        assertThat(h.run("SADD", "s", "b")).isEqualTo(":1\r\n");
        assertThat(h.run("TTL", "s")).isEqualTo(":-1\r\n");
    }
}
