package io.nioredis.pubsub;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Canonical texts as redis-server 7.0.15's CONFIG GET shows them after CONFIG SET. */
class NotifyFlagsTest {
    @Test
    void canonicalOrderAndAlias() {
        assertThat(NotifyFlags.format(NotifyFlags.parse("KEA"))).isEqualTo("AKE");
        assertThat(NotifyFlags.format(NotifyFlags.parse("Elgx$K"))).isEqualTo("g$lxKE");
        assertThat(NotifyFlags.format(NotifyFlags.parse("Elgx$Kmn"))).isEqualTo("g$lxnKEm");
        assertThat(NotifyFlags.format(NotifyFlags.parse("g$lshzxetdK"))).isEqualTo("AK");
        assertThat(NotifyFlags.format(NotifyFlags.parse(""))).isEmpty();
    }

    @Test
    void unknownLetterIsRejectedWithRedisMessage() {
        assertThat(NotifyFlags.parse("Q")).isEqualTo(-1);
        CommandHarness h = new CommandHarness();
        assertThat(h.run("CONFIG", "SET", "notify-keyspace-events", "KQ")).isEqualTo("-ERR CONFIG SET failed "
                + "(possibly related to argument 'notify-keyspace-events') - Invalid event class character. "
                + "Use 'Ag$lshzxeKEtmdn'.\r\n");
        assertThat(h.run("CONFIG", "SET", "notify-keyspace-events", "EKA")).isEqualTo(CommandHarness.OK);
        assertThat(h.run("CONFIG", "GET", "notify-keyspace-events"))
                .isEqualTo("*2\r\n$22\r\nnotify-keyspace-events\r\n$3\r\nAKE\r\n");
    }
}
