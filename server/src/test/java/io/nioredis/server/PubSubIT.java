package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.store.Clock;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/** Message delivery between connections: output-buffer limits for slow subscribers, keyspace notifications. */
class PubSubIT {
    private static final int MESSAGE_SIZE = 1024;

    @Test
    void defaultPubSubOutputBufferLimitIsRedis() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            assertThat(jedis.configGet("client-output-buffer-limit")).containsEntry("client-output-buffer-limit",
                    "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60");
        }
    }

    /**
     * A subscriber that never reads is disconnected once its backlog passes the hard limit, while a
     * subscriber that reads receives every message and the publisher is answered throughout.
     */
    @Test
    void slowSubscriberIsDisconnectedAndOthersReceiveEverything() throws Exception {
        try (TestServer server = TestServer.start("client-output-buffer-limit", "pubsub 2mb 1mb 60");
             RawConnection slow = server.raw();
             Jedis fast = server.jedis();
             Jedis publisher = server.jedis()) {
            assertThat(publisher.configGet("client-output-buffer-limit")).containsEntry("client-output-buffer-limit",
                    "normal 0 0 0 slave 268435456 67108864 60 pubsub 2097152 1048576 60");
            slow.command("SUBSCRIBE", "feed");
            assertThat(slow.readReply()).isEqualTo("*3\r\n$9\r\nsubscribe\r\n$4\r\nfeed\r\n:1\r\n");

            int messages = 20_000; // 20 MB: far past the limit plus what the socket buffers can hold
            AtomicInteger received = new AtomicInteger();
            CountDownLatch all = new CountDownLatch(1);
            JedisPubSub listener = new JedisPubSub() {
                @Override
                public void onMessage(String channel, String message) {
                    if (received.incrementAndGet() == messages) {
                        all.countDown();
                    }
                }
            };
            Thread reader = new Thread(() -> fast.subscribe(listener, "feed"));
            reader.start();
            long deadline = System.currentTimeMillis() + 5000;
            while (publisher.pubsubNumSub("feed").get("feed") < 2 && System.currentTimeMillis() < deadline) {
                Thread.onSpinWait();
            }
            String payload = "x".repeat(MESSAGE_SIZE);
            Pipeline p = publisher.pipelined();
            Response<Long> first = p.publish("feed", payload);
            for (int i = 1; i < messages - 1; i++) {
                p.publish("feed", payload);
            }
            Response<Long> last = p.publish("feed", payload);
            p.sync();

            assertThat(first.get()).isEqualTo(2);
            assertThat(last.get()).isEqualTo(1); // the slow one was gone by then
            assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(received.get()).isEqualTo(messages);
            assertThat(drainUntilClosed(slow)).isLessThan((long) messages * (MESSAGE_SIZE + 30));
            assertThat(publisher.clientList().split("\n")).hasSize(2); // publisher and fast subscriber
            listener.unsubscribe();
            reader.join(5000);
        }
    }

    /** Reads what the server sent before closing; returns the byte count, or fails if it never closes. */
    private static long drainUntilClosed(RawConnection c) throws IOException {
        c.setTimeout(10_000);
        long total = 0;
        while (true) {
            String chunk = c.read(1);
            if (chunk.isEmpty()) {
                return total;
            }
            total++;
        }
    }

    @Test
    void keyspaceNotificationsIncludingActiveExpiry() throws Exception {
        AtomicLong now = new AtomicLong(1_700_000_000_000L);
        Clock clock = now::get;
        try (TestServer server = TestServer.start(clock);
             RawConnection sub = server.raw();
             Jedis jedis = server.jedis()) {
            // Off by default: nothing is published.
            sub.command("PSUBSCRIBE", "__key*__:*");
            sub.readReply();
            jedis.set("quiet", "1");
            assertThat(jedis.configGet("notify-keyspace-events")).containsEntry("notify-keyspace-events", "");

            assertThat(jedis.configSet("notify-keyspace-events", "KEA")).isEqualTo("OK");
            assertThat(jedis.configGet("notify-keyspace-events")).containsEntry("notify-keyspace-events", "AKE");
            jedis.set("foo", "bar");
            assertThat(sub.readReply()).isEqualTo(pmessage("__keyspace@0__:foo", "set"));
            assertThat(sub.readReply()).isEqualTo(pmessage("__keyevent@0__:set", "foo"));
            jedis.select(3);
            jedis.set("soon", "v", SetParams.setParams().px(1000));
            assertThat(List.of(sub.readReply(), sub.readReply(), sub.readReply(), sub.readReply())).containsExactly(
                    pmessage("__keyspace@3__:soon", "set"), pmessage("__keyevent@3__:set", "soon"),
                    pmessage("__keyspace@3__:soon", "expire"), pmessage("__keyevent@3__:expire", "soon"));
            now.addAndGet(2000); // the event loop's active expiry cycle deletes it on its next turn
            assertThat(sub.readReply()).isEqualTo(pmessage("__keyspace@3__:soon", "expired"));
            assertThat(sub.readReply()).isEqualTo(pmessage("__keyevent@3__:expired", "soon"));

            // Only the keyevent channel, only generic events.
            jedis.configSet("notify-keyspace-events", "Eg");
            jedis.set("s", "1");
            jedis.del("s");
            assertThat(sub.readReply()).isEqualTo(pmessage("__keyevent@3__:del", "s"));

            // Key misses ('m') of read commands, as Redis's lookupKeyRead.
            jedis.configSet("notify-keyspace-events", "Km");
            jedis.get("nokey");
            assertThat(sub.readReply()).isEqualTo(pmessage("__keyspace@3__:nokey", "keymiss"));
            assertThat(jedis.info("stats")).contains("pubsub_channels:0\r\npubsub_patterns:1\r\n");
        }
    }

    private static String pmessage(String channel, String message) {
        String pattern = "__key*__:*";
        return "*4\r\n$8\r\npmessage\r\n$" + pattern.length() + "\r\n" + pattern + "\r\n$" + channel.length() + "\r\n"
                + channel + "\r\n$" + message.length() + "\r\n" + message + "\r\n";
    }
}
