package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/** The event loop end to end: pipelining, split frames, big values, many clients, closing rules. */
class ReactorIT {
    @Test
    void pipelinedCommandsInOneWriteAllRunInOrder() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            StringBuilder batch = new StringBuilder();
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 1000; i++) {
                batch.append("*3\r\n$3\r\nSET\r\n$").append(("k" + i).length()).append("\r\nk").append(i)
                        .append("\r\n$1\r\nv\r\n");
                batch.append("*2\r\n$3\r\nGET\r\n$").append(("k" + i).length()).append("\r\nk").append(i).append("\r\n");
                expected.append("+OK\r\n$1\r\nv\r\n");
            }
            batch.append("PING\r\n");
            expected.append("+PONG\r\n");
            c.send(batch.toString());
            assertThat(c.readLike(expected.toString())).isEqualTo(expected.toString());
        }
    }

    @Test
    void aPipelineThatRunsLongLetsTheOtherClientsInBetweenItsRequests() throws Exception {
        try (TestServer server = TestServer.start("enable-debug-command", "local");
                RawConnection slow = server.raw(); RawConnection other = server.raw()) {
            slow.command("CLIENT", "SETNAME", "slow");
            assertThat(slow.readLike("+OK\r\n")).isEqualTo("+OK\r\n");
            slow.send("DEBUG SLEEP 0.05\r\n".repeat(20)); // a second in all: room for a slow test machine

            // Its first reply comes before the rest have run, and another client is served in between:
            // CLIENT LIST sees the slow client's later requests still waiting in its buffer.
            assertThat(slow.readLike("+OK\r\n")).isEqualTo("+OK\r\n");
            other.command("CLIENT", "LIST");
            String slowLine = other.readReply().lines().filter(l -> l.contains(" name=slow "))
                    .findFirst().orElseThrow();
            Matcher qbuf = Pattern.compile(" qbuf=(\\d+) ").matcher(slowLine);
            assertThat(qbuf.find()).isTrue();
            assertThat(Long.parseLong(qbuf.group(1))).isPositive();

            for (int i = 1; i < 20; i++) {
                assertThat(slow.readLike("+OK\r\n")).isEqualTo("+OK\r\n");
            }
            slow.command("PING");
            assertThat(slow.readLike("+PONG\r\n")).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void jedisPipeline() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            Pipeline p = jedis.pipelined();
            List<Response<String>> gets = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                p.set("key:" + i, "value:" + i);
                gets.add(p.get("key:" + i));
            }
            p.sync();
            for (int i = 0; i < 10_000; i++) {
                assertThat(gets.get(i).get()).isEqualTo("value:" + i);
            }
            assertThat(jedis.dbSize()).isEqualTo(10_000);
        }
    }

    @Test
    void requestArrivingOneByteAtATime() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            byte[] frame = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\nECHO \"x y\"\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1);
            for (byte b : frame) {
                c.send(new byte[] {b});
                Thread.sleep(1); // separate TCP segments
            }
            assertThat(c.readLike("+OK\r\n$3\r\nx y\r\n")).isEqualTo("+OK\r\n$3\r\nx y\r\n");
            c.command("GET", "k");
            assertThat(c.readReply()).isEqualTo("$5\r\nhello\r\n");
        }
    }

    @Test
    void tensOfMegabytesValueRoundTrips() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            byte[] big = new byte[30 * 1024 * 1024];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31);
            }
            assertThat(jedis.set("big".getBytes(), big)).isEqualTo("OK");
            assertThat(jedis.get("big".getBytes())).isEqualTo(big);
        }
    }

    @Test
    void hundredConcurrentClients() throws Exception {
        try (TestServer server = TestServer.start()) {
            ExecutorService pool = Executors.newFixedThreadPool(100);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 100; t++) {
                int id = t;
                results.add(pool.submit(() -> {
                    try (Jedis jedis = server.jedis()) {
                        for (int i = 0; i < 200; i++) {
                            String key = "c" + id + ":" + i;
                            jedis.set(key, key);
                            if (!key.equals(jedis.get(key))) {
                                return false;
                            }
                        }
                        return true;
                    }
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get(60, TimeUnit.SECONDS)).isTrue();
            }
            pool.shutdown();
            try (Jedis jedis = server.jedis()) {
                assertThat(jedis.dbSize()).isEqualTo(100 * 200);
                assertThat(jedis.info("clients")).contains("connected_clients:1");
            }
        }
    }

    @Test
    void quitClosesAfterTheReplyAndRepliesBeforeAProtocolErrorAreSent() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw(); RawConnection d = server.raw()) {
            c.send("PING\r\nQUIT\r\nPING\r\n");
            assertThat(c.readLike("+PONG\r\n+OK\r\n")).isEqualTo("+PONG\r\n+OK\r\n");
            assertThat(c.closedByServer()).isTrue();
            d.send("PING\r\n*1\r\n$-5\r\nPING\r\n");
            String expected = "+PONG\r\n-ERR Protocol error: invalid bulk length\r\n";
            assertThat(d.readLike(expected)).isEqualTo(expected);
            assertThat(d.closedByServer()).isTrue();
        }
    }

    @Test
    void halfClosedAndResetClientsAreForgotten() throws Exception {
        try (TestServer server = TestServer.start()) {
            for (int i = 0; i < 50; i++) {
                RawConnection c = server.raw();
                c.send("*2\r\n$3\r\nGET\r\n$"); // leave a partial request behind
                c.close();
            }
            try (Jedis jedis = server.jedis()) {
                long deadline = System.currentTimeMillis() + 5000;
                while (!jedis.info("clients").contains("connected_clients:1")
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(jedis.info("clients")).contains("connected_clients:1");
                assertThat(jedis.ping()).isEqualTo("PONG");
            }
        }
    }

    @Test
    void slowReaderGetsEveryByteOfAHugeReply() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis(); RawConnection c = server.raw()) {
            jedis.set("v".getBytes(), new byte[1024 * 1024]);
            StringBuilder many = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                many.append("GET v\r\n");
            }
            c.send(many.toString());
            Thread.sleep(200); // let the server fill the socket and register for OP_WRITE
            for (int i = 0; i < 20; i++) {
                String reply = c.readReply();
                assertThat(reply).startsWith("$1048576\r\n").hasSize(10 + 1024 * 1024 + 2);
            }
            assertThat(jedis.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void activeExpiryReclaimsKeysNobodyReads() throws Exception {
        SteppingClock clock = new SteppingClock();
        try (TestServer server = TestServer.start(clock); Jedis jedis = server.jedis()) {
            Pipeline p = jedis.pipelined();
            for (int i = 0; i < 20_000; i++) {
                p.set("tmp:" + i, "x", SetParams.setParams().px(50));
            }
            p.set("keep", "1");
            p.sync();
            assertThat(jedis.dbSize()).isEqualTo(20_001);
            clock.advance(50);
            // Waits for the event loop's active expiry turns, not for the keys' time to pass.
            assertThat(Awaits.until(() -> jedis.dbSize() == 1, 10_000)).isTrue();
            assertThat(jedis.info("stats")).contains("expired_keys:20000");
        }
    }

    @Test
    void shutdownCommandStopsTheServer() throws Exception {
        TestServer server = TestServer.start();
        try (RawConnection c = server.raw()) {
            c.send("SHUTDOWN\r\n");
            assertThat(c.closedByServer()).isTrue();
        }
        server.close();
        assertThat(server.server().state().shutdownRequested).isTrue();
        assertThat(canConnect(server.port())).isFalse();
    }

    private static boolean canConnect(int port) {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
