package io.nioredis.pubsub;

import io.nioredis.client.Client;
import io.nioredis.command.CommandHarness;
import io.nioredis.command.RecordingLink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Delivery and bookkeeping of PubSub; frames are the bytes redis-server 7.0.15 sends. */
class PubSubTest {
    private final CommandHarness h = new CommandHarness();

    private Client subscriber(long id, int protocol) {
        Client c = new Client(id, h.state);
        c.protocol(protocol);
        c.link(new RecordingLink());
        return c;
    }

    @Test
    void publishDeliversOneFramePerProtocolToChannelAndPatternSubscribers() {
        Client resp2 = subscriber(2, 2);
        Client resp3 = subscriber(3, 3);
        h.runAs(resp2, "SUBSCRIBE", "ch");
        h.runAs(resp3, "SUBSCRIBE", "ch");
        h.runAs(resp3, "PSUBSCRIBE", "c?");
        assertThat(h.run("PUBLISH", "ch", "hi")).isEqualTo(":3\r\n");
        assertThat(((RecordingLink) resp2.link()).take()).isEqualTo("*3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n");
        assertThat(((RecordingLink) resp3.link()).take()).isEqualTo(">3\r\n$7\r\nmessage\r\n$2\r\nch\r\n$2\r\nhi\r\n"
                + ">4\r\n$8\r\npmessage\r\n$2\r\nc?\r\n$2\r\nch\r\n$2\r\nhi\r\n");
        assertThat(h.run("PUBLISH", "other", "x")).isEqualTo(":0\r\n");
    }

    @Test
    void sameFrameBytesAreSharedBetweenSubscribersOfOneProtocol() {
        byte[][] seen = new byte[2][];
        for (int i = 0; i < 2; i++) {
            int index = i;
            Client c = new Client(10 + i, h.state);
            c.link(new RecordingLink() {
                @Override
                public void push(byte[] frame) {
                    seen[index] = frame;
                }
            });
            h.runAs(c, "SUBSCRIBE", "ch");
        }
        h.run("PUBLISH", "ch", "payload");
        assertThat(seen[0]).isSameAs(seen[1]);
    }

    @Test
    void pubsubIntrospectionAndDisconnect() {
        Client a = subscriber(2, 2);
        Client b = subscriber(3, 2);
        h.runAs(a, "SUBSCRIBE", "news", "sport");
        h.runAs(b, "SUBSCRIBE", "news");
        h.runAs(b, "PSUBSCRIBE", "n*", "n*");
        assertThat(h.run("PUBSUB", "NUMSUB", "news", "sport", "none"))
                .isEqualTo("*6\r\n$4\r\nnews\r\n:2\r\n$5\r\nsport\r\n:1\r\n$4\r\nnone\r\n:0\r\n");
        assertThat(h.run("PUBSUB", "NUMPAT")).isEqualTo(":1\r\n");
        assertThat(h.run("PUBSUB", "CHANNELS", "s*")).isEqualTo("*1\r\n$5\r\nsport\r\n");
        a.disconnected();
        assertThat(h.run("PUBSUB", "NUMSUB", "news", "sport")).isEqualTo("*4\r\n$4\r\nnews\r\n:1\r\n$5\r\nsport\r\n:0\r\n");
        assertThat(h.run("PUBSUB", "CHANNELS")).isEqualTo("*1\r\n$4\r\nnews\r\n");
        assertThat(h.run("PUBLISH", "news", "x")).isEqualTo(":2\r\n"); // b by channel and by pattern
    }

    @Test
    void unsubscribeWithoutArgumentsDropsEverySubscription() {
        Client a = subscriber(2, 2);
        assertThat(h.runAs(a, "SUBSCRIBE", "a", "b")).isEqualTo(
                "*3\r\n$9\r\nsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$9\r\nsubscribe\r\n$1\r\nb\r\n:2\r\n");
        assertThat(h.runAs(a, "UNSUBSCRIBE")).isEqualTo(
                "*3\r\n$11\r\nunsubscribe\r\n$1\r\na\r\n:1\r\n*3\r\n$11\r\nunsubscribe\r\n$1\r\nb\r\n:0\r\n");
        assertThat(h.runAs(a, "UNSUBSCRIBE")).isEqualTo("*3\r\n$11\r\nunsubscribe\r\n$-1\r\n:0\r\n");
        a.protocol(3);
        assertThat(h.runAs(a, "PUNSUBSCRIBE")).isEqualTo(">3\r\n$12\r\npunsubscribe\r\n_\r\n:0\r\n");
    }
}
