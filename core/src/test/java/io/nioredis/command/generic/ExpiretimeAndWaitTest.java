package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** EXPIRETIME, PEXPIRETIME and WAIT, as real Redis 7.0 replies. */
class ExpiretimeAndWaitTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void expiretimeIsTheDeadline() {
        h.run("set", "k", "v");
        h.run("set", "p", "v");
        h.run("expireat", "k", "4000000000");
        h.run("pexpireat", "p", "4000000000789");
        assertThat(h.run("expiretime", "k")).isEqualTo(":4000000000\r\n");
        assertThat(h.run("pexpiretime", "k")).isEqualTo(":4000000000000\r\n");
        assertThat(h.run("expiretime", "p")).isEqualTo(":4000000001\r\n");
        assertThat(h.run("pexpiretime", "p")).isEqualTo(":4000000000789\r\n");
        assertThat(h.run("expiretime", "missing")).isEqualTo(":-2\r\n");
        assertThat(h.run("pexpiretime", "missing")).isEqualTo(":-2\r\n");
        h.run("set", "forever", "v");
        assertThat(h.run("expiretime", "forever")).isEqualTo(":-1\r\n");
        assertThat(h.run("pexpiretime", "forever")).isEqualTo(":-1\r\n");
    }

    @Test
    void secondsOfADeadlineNearTheLargestLongRoundAsRedisDoes() {
        // Redis rounds with (ms+500)/1000, which wraps as an unsigned number past LLONG_MAX: these are its
        // replies (found by DifferentialIT, seed 280920718).
        h.run("set", "k", "v");
        h.run("pexpireat", "k", "9223372036854775807");
        assertThat(h.run("expiretime", "k")).isEqualTo(":9223372036854776\r\n");
        assertThat(h.run("pexpiretime", "k")).isEqualTo(":9223372036854775807\r\n");
        h.run("pexpireat", "k", "9223372036854775308");
        assertThat(h.run("expiretime", "k")).isEqualTo(":9223372036854775\r\n");
        h.run("pexpireat", "k", "9223372036854775000");
        assertThat(h.run("expiretime", "k")).isEqualTo(":9223372036854775\r\n");
    }

    @Test
    void waitAnswersZeroWithoutReplicas() {
        assertThat(h.run("wait", "0", "0")).isEqualTo(":0\r\n");
        assertThat(h.run("wait", "-1", "0")).isEqualTo(":0\r\n");
        h.run("multi");
        h.run("wait", "1", "0");
        assertThat(h.run("exec")).isEqualTo("*1\r\n:0\r\n"); // no blocking inside MULTI
        assertThat(h.run("wait", "x", "0")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("wait", "0", "x")).isEqualTo("-ERR timeout is not an integer or out of range\r\n");
        assertThat(h.run("wait", "0", "1.5")).isEqualTo("-ERR timeout is not an integer or out of range\r\n");
        assertThat(h.run("wait", "0", "-1")).isEqualTo("-ERR timeout is negative\r\n");
    }

    @Test
    void waitForMoreReplicasThanAcknowledgedBlocksUntilItsTimeout() {
        assertThat(h.run("wait", "1", "100")).isEmpty();
        assertThat(h.client.isBlocked()).isTrue();
        h.clock.advance(101);
        h.state.blocking.expire(h.clock.millis());
        assertThat(h.client.isBlocked()).isFalse();
    }

}
