package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/** What the original Python server did, through a real client: PING, ECHO, SET with PX, GET, expiry. */
class BasicsIT {
    @Test
    void pyRedisFeatureList() throws Exception {
        SteppingClock clock = new SteppingClock();
        try (TestServer server = TestServer.start(clock); Jedis jedis = server.jedis()) {
            assertThat(jedis.ping()).isEqualTo("PONG");
            assertThat(jedis.echo("hello")).isEqualTo("hello");
            assertThat(jedis.set("fruit", "mango")).isEqualTo("OK");
            assertThat(jedis.get("fruit")).isEqualTo("mango");
            assertThat(jedis.set("short", "lived", SetParams.setParams().px(100))).isEqualTo("OK");
            assertThat(jedis.get("short")).isEqualTo("lived");
            clock.advance(99);
            assertThat(jedis.get("short")).isEqualTo("lived");
            clock.advance(1);
            assertThat(jedis.get("short")).isNull();
            assertThat(jedis.get("nothing")).isNull();
        }
    }

    @Test
    void protocolErrorClosesOnlyThatConnection() throws Exception {
        try (TestServer server = TestServer.start();
             RawConnection bad = server.raw();
             RawConnection good = server.raw()) {
            good.command("SET", "k", "v");
            assertThat(good.readReply()).isEqualTo("+OK\r\n");
            bad.send("*1\r\n$x\r\n");
            assertThat(bad.readReply()).isEqualTo("-ERR Protocol error: invalid bulk length\r\n");
            assertThat(bad.closedByServer()).isTrue();
            good.command("GET", "k");
            assertThat(good.readReply()).isEqualTo("$1\r\nv\r\n");
        }
    }
}
