package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Blocking commands over real sockets: what a blocked client sent meanwhile runs after its answer, timeouts
 * fire from the loop's own deadlines, CLIENT UNBLOCK, and clients killed or gone while blocked. Expected
 * bytes are redis-server 7.0.15's for the same exchanges.
 */
class BlockingIT {
    private static boolean blocked(Jedis jedis, long n) throws InterruptedException {
        return Awaits.until(() -> Awaits.infoField(jedis, "blocked_clients") == n, 5000);
    }

    @Test
    void requestsSentWhileBlockedRunAfterTheAnswer() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis(); RawConnection c = server.raw()) {
            c.command("BLPOP", "q", "0").command("PING").command("RPUSH", "q", "v").command("LLEN", "q");
            assertThat(blocked(jedis, 1)).isTrue();
            assertThat(jedis.clientList()).contains("flags=b").contains("cmd=blpop");
            assertThat(jedis.rpush("q", "a")).isEqualTo(1);
            assertThat(c.readLike("*2\r\n$1\r\nq\r\n$1\r\na\r\n+PONG\r\n:1\r\n:1\r\n"))
                    .isEqualTo("*2\r\n$1\r\nq\r\n$1\r\na\r\n+PONG\r\n:1\r\n:1\r\n");
            assertThat(Awaits.infoField(jedis, "blocked_clients")).isZero();
        }
    }

    @Test
    void timeoutsFireFromTheLoopsDeadlines() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw(); RawConnection c3 = server.raw()) {
            long start = System.nanoTime();
            c.command("BRPOPLPUSH", "a", "b", "0.05");
            assertThat(c.readReply()).isEqualTo("*-1\r\n");
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMillis).isGreaterThanOrEqualTo(50);
            c3.command("BZPOPMIN", "z", "0.002").command("PING"); // BullMQ's tiny timeout
            assertThat(c3.readLike("*-1\r\n+PONG\r\n")).isEqualTo("*-1\r\n+PONG\r\n");
        }
    }

    @Test
    void clientUnblock() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis(); RawConnection c = server.raw()) {
            c.command("CLIENT", "ID");
            String id = c.readReply().substring(1).trim();
            c.command("BLMOVE", "a", "b", "LEFT", "LEFT", "0");
            assertThat(blocked(jedis, 1)).isTrue();
            assertThat(jedis.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "UNBLOCK", id, "ERROR"))
                    .isEqualTo(1L);
            assertThat(c.readReply()).isEqualTo("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n");
            c.command("BLPOP", "a", "0");
            assertThat(blocked(jedis, 1)).isTrue();
            assertThat(jedis.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "UNBLOCK", id)).isEqualTo(1L);
            assertThat(c.readReply()).isEqualTo("*-1\r\n");
            assertThat(jedis.sendCommand(redis.clients.jedis.Protocol.Command.CLIENT, "UNBLOCK", id)).isEqualTo(0L);
        }
    }

    @Test
    void aClientKilledOrGoneWhileBlockedIsServedNothing() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis();
             RawConnection killed = server.raw(); RawConnection gone = server.raw()) {
            killed.command("CLIENT", "ID");
            String id = killed.readReply().substring(1).trim();
            killed.command("BLPOP", "k", "0");
            gone.command("BRPOP", "k", "0");
            assertThat(blocked(jedis, 2)).isTrue();
            assertThat(jedis.clientKill(new redis.clients.jedis.params.ClientKillParams().id(id))).isEqualTo(1);
            assertThat(killed.closedByServer()).isTrue();
            gone.close();
            assertThat(blocked(jedis, 0)).isTrue();
            assertThat(jedis.rpush("k", "kept")).isEqualTo(1);
            assertThat(jedis.lrange("k", 0, -1)).containsExactly("kept");
        }
    }

    @Test
    void aBlockedClientKeepsSendingWithoutSpinningTheServer() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis(); RawConnection c = server.raw()) {
            c.command("BLPOP", "q", "0");
            assertThat(blocked(jedis, 1)).isTrue();
            StringBuilder pings = new StringBuilder();
            for (int i = 0; i < 20_000; i++) {
                pings.append("*1\r\n$4\r\nPING\r\n");
            }
            c.send(pings.toString()); // 280 KB queued behind the blocked command
            assertThat(Awaits.until(() -> jedis.clientList().contains("qbuf=280000"), 5000)).isTrue();
            jedis.rpush("q", "x");
            assertThat(c.readReply()).isEqualTo("*2\r\n$1\r\nq\r\n$1\r\nx\r\n");
            for (int i = 0; i < 20_000; i++) {
                assertThat(c.readReply()).isEqualTo("+PONG\r\n");
            }
        }
    }
}
