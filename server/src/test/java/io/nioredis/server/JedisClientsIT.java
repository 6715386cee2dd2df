package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.ClientKillParams;

/** Jedis as services use it: transactions with WATCH, pipelines, pub/sub on a listener thread, CLIENT, RESP3. */
class JedisClientsIT {
    @Test
    void transactionsAndWatch() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis(); Jedis other = server.jedis()) {
            Transaction tx = jedis.multi();
            tx.set("a", "1");
            Response<String> a = tx.get("a");
            tx.expire("a", -5); // deletes the key, as Redis does for a negative TTL
            Response<String> gone = tx.get("a");
            List<Object> results = tx.exec();
            assertThat(results).hasSize(4);
            assertThat(a.get()).isEqualTo("1");
            assertThat(gone.get()).isNull();

            jedis.set("balance", "10");
            jedis.watch("balance");
            other.set("balance", "20");
            Transaction lost = jedis.multi();
            lost.set("balance", "11");
            assertThat(lost.exec()).isNull();
            assertThat(jedis.get("balance")).isEqualTo("20");

            jedis.watch("balance");
            Transaction won = jedis.multi();
            won.set("balance", "21");
            assertThat(won.exec()).containsExactly("OK");
            assertThat(jedis.get("balance")).isEqualTo("21");
        }
    }

    @Test
    void pipelines() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            Pipeline p = jedis.pipelined();
            for (int i = 0; i < 1000; i++) {
                p.set("k" + i, "v" + i);
            }
            Response<String> last = p.get("k999");
            p.sync();
            assertThat(last.get()).isEqualTo("v999");
            assertThat(jedis.dbSize()).isEqualTo(1000);
            // Jedis's transaction object pipelines MULTI, the queued commands and EXEC in one write.
            Transaction tx = new Transaction(jedis.getConnection());
            for (int i = 0; i < 100; i++) {
                tx.set("t" + i, "v");
            }
            assertThat(tx.exec()).hasSize(100).containsOnly("OK");
        }
    }

    @Test
    void pubSubWithAListenerThread() throws Exception {
        try (TestServer server = TestServer.start(); Jedis subscriber = server.jedis(); Jedis publisher = server.jedis()) {
            List<String> received = new CopyOnWriteArrayList<>();
            CountDownLatch subscribed = new CountDownLatch(2);
            CountDownLatch done = new CountDownLatch(3);
            JedisPubSub listener = new JedisPubSub() {
                @Override
                public void onMessage(String channel, String message) {
                    received.add(channel + "=" + message);
                    done.countDown();
                }

                @Override
                public void onPMessage(String pattern, String channel, String message) {
                    received.add(pattern + ":" + channel + "=" + message);
                    done.countDown();
                }

                @Override
                public void onSubscribe(String channel, int count) {
                    subscribed.countDown();
                }

                @Override
                public void onPSubscribe(String pattern, int count) {
                    subscribed.countDown();
                }
            };
            Thread thread = new Thread(() -> subscriber.subscribe(listener, "news"));
            thread.start();
            while (!listener.isSubscribed()) {
                Thread.onSpinWait();
            }
            listener.psubscribe("n*");
            assertThat(subscribed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(publisher.publish("news", "hello")).isEqualTo(2);
            assertThat(publisher.publish("nope", "x")).isEqualTo(1);
            assertThat(publisher.publish("other", "x")).isZero();
            assertThat(publisher.pubsubChannels()).containsExactly("news");
            assertThat(publisher.pubsubNumSub("news", "other")).containsEntry("news", 1L).containsEntry("other", 0L);
            assertThat(publisher.pubsubNumPat()).isEqualTo(1);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(received).containsExactlyInAnyOrder("news=hello", "n*:news=hello", "n*:nope=x");
            listener.unsubscribe();
            listener.punsubscribe();
            thread.join(5000);
            assertThat(thread.isAlive()).isFalse();
            assertThat(subscriber.ping()).isEqualTo("PONG"); // back to normal mode
        }
    }

    @Test
    void clientNamesListAndKill() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis(); Jedis victim = server.jedis()) {
            assertThat(jedis.clientSetname("admin")).isEqualTo("OK");
            assertThat(jedis.clientGetname()).isEqualTo("admin");
            victim.clientSetname("victim");
            long victimId = victim.clientId();
            String list = jedis.clientList();
            assertThat(list.split("\n")).hasSize(2);
            assertThat(list).contains("name=admin").contains("id=" + victimId + " ").contains("cmd=client|list");
            assertThat(jedis.clientInfo()).startsWith("id=" + jedis.clientId() + " addr=127.0.0.1:")
                    .contains(" name=admin age=").contains(" db=0 sub=0 psub=0 ssub=0 multi=-1 ")
                    .contains(" user=default redir=-1 resp=2").endsWith("\n");
            assertThat(jedis.clientKill(ClientKillParams.clientKillParams().id(String.valueOf(victimId))))
                    .isEqualTo(1);
            assertThat(jedis.clientList().split("\n")).hasSize(1);
            assertThat(jedis.clientKill(ClientKillParams.clientKillParams().skipMe(ClientKillParams.SkipMe.YES)))
                    .isZero();
        }
    }

    @Test
    void resp3Connection() throws Exception {
        try (TestServer server = TestServer.start();
             Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", server.port()),
                     DefaultJedisClientConfig.builder().protocol(RedisProtocol.RESP3).timeoutMillis(5000).build())) {
            assertThat(jedis.set("k", "v")).isEqualTo("OK");
            assertThat(jedis.get("k")).isEqualTo("v");
            assertThat(jedis.get("missing")).isNull();
            assertThat(jedis.configGet("hz")).containsEntry("hz", "10");
            assertThat(jedis.clientInfo()).contains("resp=3");
            Transaction tx = jedis.multi();
            tx.set("a", "1");
            tx.get("a");
            assertThat(tx.exec()).containsExactly("OK", "1");
        }
    }
}
