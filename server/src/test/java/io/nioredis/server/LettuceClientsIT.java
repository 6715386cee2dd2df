package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TransactionResult;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.protocol.ProtocolVersion;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Lettuce as Spring apps use it: the default handshake (HELLO 3, then CLIENT SETINFO), a RESP2-pinned
 * connection, async pipelining, MULTI/EXEC with WATCH, and async pub/sub with push messages.
 */
class LettuceClientsIT {
    private static RedisClient client(TestServer server, ProtocolVersion protocol) {
        RedisClient client = RedisClient.create(RedisURI.Builder.redis("127.0.0.1", server.port())
                .withTimeout(Duration.ofSeconds(5)).build());
        if (protocol != null) {
            client.setOptions(ClientOptions.builder().protocolVersion(protocol).build());
        }
        return client;
    }

    private static void shutdown(RedisClient client) {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
    }

    @Test
    void defaultHandshakeNegotiatesResp3() throws Exception {
        try (TestServer server = TestServer.start()) {
            RedisClient client = client(server, null);
            try (StatefulRedisConnection<String, String> conn = client.connect()) {
                RedisCommands<String, String> sync = conn.sync();
                assertThat(sync.clientInfo()).contains("resp=3");
                assertThat(sync.set("k", "v")).isEqualTo("OK");
                assertThat(sync.get("k")).isEqualTo("v");
                assertThat(sync.get("missing")).isNull();
                assertThat(sync.configGet("hz")).containsEntry("hz", "10");
                assertThat(sync.clientSetname("spring")).isEqualTo("OK");
                assertThat(sync.clientGetname()).isEqualTo("spring");
                assertThat(sync.clientList()).contains("name=spring");
                assertThat(sync.ping()).isEqualTo("PONG");
                assertThat(sync.echo("hi")).isEqualTo("hi");
                assertThat(sync.info("keyspace")).contains("db0:keys=1,expires=0");
            } finally {
                shutdown(client);
            }
        }
    }

    @Test
    void resp2PinnedConnectionWithAsyncPipelining() throws Exception {
        try (TestServer server = TestServer.start()) {
            RedisClient client = client(server, ProtocolVersion.RESP2);
            try (StatefulRedisConnection<String, String> conn = client.connect()) {
                assertThat(conn.sync().clientInfo()).contains("resp=2");
                RedisAsyncCommands<String, String> async = conn.async();
                conn.setAutoFlushCommands(false);
                List<RedisFuture<?>> futures = new ArrayList<>();
                for (int i = 0; i < 2000; i++) {
                    futures.add(async.set("key:" + i, "value:" + i));
                }
                RedisFuture<String> last = async.get("key:1999");
                futures.add(last);
                conn.flushCommands();
                assertThat(LettuceFutures.awaitAll(5, TimeUnit.SECONDS, futures.toArray(new RedisFuture[0]))).isTrue();
                assertThat(last.get()).isEqualTo("value:1999");
                conn.setAutoFlushCommands(true);
                assertThat(conn.sync().dbsize()).isEqualTo(2000);
            } finally {
                shutdown(client);
            }
        }
    }

    @Test
    void multiExecAndWatch() throws Exception {
        try (TestServer server = TestServer.start()) {
            RedisClient client = client(server, null);
            try (StatefulRedisConnection<String, String> conn = client.connect();
                 StatefulRedisConnection<String, String> other = client.connect()) {
                RedisCommands<String, String> sync = conn.sync();
                assertThat(sync.multi()).isEqualTo("OK");
                sync.set("a", "1");
                sync.get("a");
                TransactionResult result = sync.exec();
                assertThat(result.wasDiscarded()).isFalse();
                assertThat((String) result.get(0)).isEqualTo("OK");
                assertThat((String) result.get(1)).isEqualTo("1");

                sync.watch("a");
                other.sync().set("a", "2");
                sync.multi();
                sync.set("a", "3");
                assertThat(sync.exec().wasDiscarded()).isTrue();
                assertThat(sync.get("a")).isEqualTo("2");
            } finally {
                shutdown(client);
            }
        }
    }

    @Test
    void asyncPubSubOverResp3AndResp2() throws Exception {
        for (ProtocolVersion protocol : new ProtocolVersion[] {ProtocolVersion.RESP3, ProtocolVersion.RESP2}) {
            try (TestServer server = TestServer.start()) {
                RedisClient client = client(server, protocol);
                try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub();
                     StatefulRedisConnection<String, String> pub = client.connect()) {
                    BlockingQueue<String> received = new LinkedBlockingQueue<>();
                    sub.addListener(new RedisPubSubAdapter<>() {
                        @Override
                        public void message(String channel, String message) {
                            received.add(channel + "=" + message);
                        }

                        @Override
                        public void message(String pattern, String channel, String message) {
                            received.add(pattern + ":" + channel + "=" + message);
                        }
                    });
                    sub.async().subscribe("orders").get(5, TimeUnit.SECONDS);
                    sub.async().psubscribe("ord*").get(5, TimeUnit.SECONDS);
                    assertThat(pub.sync().publish("orders", "42")).isEqualTo(2);
                    List<String> got = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        got.add(received.poll(5, TimeUnit.SECONDS));
                    }
                    assertThat(got).containsExactlyInAnyOrder("orders=42", "ord*:orders=42");
                    sub.async().unsubscribe("orders").get(5, TimeUnit.SECONDS);
                    assertThat(pub.sync().publish("orders", "43")).isEqualTo(1);
                    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("ord*:orders=43");
                } finally {
                    shutdown(client);
                }
            }
        }
    }
}
