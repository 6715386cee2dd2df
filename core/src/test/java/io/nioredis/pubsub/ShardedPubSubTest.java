package io.nioredis.pubsub;

import io.nioredis.client.Client;
import io.nioredis.command.CommandHarness;
import io.nioredis.command.RecordingLink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * SSUBSCRIBE, SUNSUBSCRIBE, SPUBLISH and PUBSUB SHARDCHANNELS|SHARDNUMSUB without a cluster: shard channels
 * are a namespace of their own. Every expected frame is what redis-server 7.0.15 sends.
 */
class ShardedPubSubTest {
    private static final String NOT_IN_CONTEXT = "-ERR Can't execute 'get': only (P|S)SUBSCRIBE / "
            + "(P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context\r\n";
    private final CommandHarness h = new CommandHarness();

    private Client subscriber(long id, int protocol) {
        Client c = new Client(id, h.state);
        c.protocol(protocol);
        c.link(new RecordingLink());
        return c;
    }

    @Test
    void shardChannelsAreTheirOwnNamespace() {
        Client s = subscriber(2, 2);
        assertThat(h.runAs(s, "SSUBSCRIBE", "a", "b")).isEqualTo(
                "*3\r\n$10\r\nssubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$10\r\nssubscribe\r\n$1\r\nb\r\n:2\r\n");
        assertThat(h.runAs(s, "SUBSCRIBE", "a")).isEqualTo("*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n");
        assertThat(h.run("PUBLISH", "a", "m1")).isEqualTo(":1\r\n");
        assertThat(h.run("SPUBLISH", "a", "m2")).isEqualTo(":1\r\n");
        assertThat(h.run("SPUBLISH", "c", "m3")).isEqualTo(":0\r\n");
        assertThat(((RecordingLink) s.link()).take()).isEqualTo("*3\r\n$7\r\nmessage\r\n$1\r\na\r\n$2\r\nm1\r\n"
                + "*3\r\n$8\r\nsmessage\r\n$1\r\na\r\n$2\r\nm2\r\n");
        assertThat(h.run("PUBSUB", "SHARDCHANNELS", "a*")).isEqualTo("*1\r\n$1\r\na\r\n");
        assertThat(h.run("PUBSUB", "SHARDNUMSUB", "a", "c")).isEqualTo("*4\r\n$1\r\na\r\n:1\r\n$1\r\nc\r\n:0\r\n");
        assertThat(h.run("PUBSUB", "CHANNELS")).isEqualTo("*1\r\n$1\r\na\r\n");
        assertThat(h.run("PUBSUB", "SHARDNUMSUB")).isEqualTo("*0\r\n");
        assertThat(h.run("PUBSUB", "SHARDCHANNELS", "x", "y")).isEqualTo("-ERR unknown subcommand or wrong number "
                + "of arguments for 'SHARDCHANNELS'. Try PUBSUB HELP.\r\n");
        assertThat(h.run("INFO", "stats")).contains("pubsubshard_channels:2\r\n");
    }

    @Test
    void anySubscriptionKeepsTheSubscribedContext() {
        Client s = subscriber(2, 2);
        h.runAs(s, "SSUBSCRIBE", "z");
        assertThat(h.runAs(s, "GET", "x")).isEqualTo(NOT_IN_CONTEXT);
        assertThat(h.runAs(s, "UNSUBSCRIBE")).isEqualTo("*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n");
        assertThat(h.runAs(s, "GET", "x")).isEqualTo(NOT_IN_CONTEXT);
        assertThat(h.runAs(s, "SUNSUBSCRIBE", "z", "y")).isEqualTo(
                "*3\r\n$12\r\nsunsubscribe\r\n$1\r\nz\r\n:0\r\n*3\r\n$12\r\nsunsubscribe\r\n$1\r\ny\r\n:0\r\n");
        assertThat(h.runAs(s, "GET", "x")).isEqualTo("$-1\r\n");
        assertThat(h.runAs(s, "SUNSUBSCRIBE")).isEqualTo("*3\r\n$12\r\nsunsubscribe\r\n$-1\r\n:0\r\n");
    }

    @Test
    void resp3PushesAndDisconnect() {
        Client s = subscriber(3, 3);
        assertThat(h.runAs(s, "SSUBSCRIBE", "q")).isEqualTo(">3\r\n$10\r\nssubscribe\r\n$1\r\nq\r\n:1\r\n");
        assertThat(h.run("SPUBLISH", "q", "hi")).isEqualTo(":1\r\n");
        assertThat(((RecordingLink) s.link()).take()).isEqualTo(">3\r\n$8\r\nsmessage\r\n$1\r\nq\r\n$2\r\nhi\r\n");
        h.state.pubsub.forget(s);
        assertThat(h.run("SPUBLISH", "q", "hi")).isEqualTo(":0\r\n");
        assertThat(h.run("PUBSUB", "SHARDCHANNELS")).isEqualTo("*0\r\n");
    }
}
