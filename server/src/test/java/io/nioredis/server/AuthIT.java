package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** requirepass end to end; replies are redis-server 7.0's for the same bytes. */
class AuthIT {
    @Test
    void strangersGetNoauthUntilTheyAuthenticate() throws Exception {
        try (TestServer server = TestServer.start("requirepass", "s3cret"); RawConnection c = server.raw()) {
            c.command("SET", "k", "v");
            assertThat(c.readReply()).isEqualTo("-NOAUTH Authentication required.\r\n");
            c.command("AUTH", "nope");
            assertThat(c.readReply()).isEqualTo("-WRONGPASS invalid username-password pair or user is disabled.\r\n");
            c.command("AUTH", "default", "s3cret");
            assertThat(c.readReply()).isEqualTo("+OK\r\n");
            c.command("SET", "k", "v");
            assertThat(c.readReply()).isEqualTo("+OK\r\n");
        }
    }

    @Test
    void strangersCannotMakeTheServerBufferMuch() throws Exception {
        try (TestServer server = TestServer.start("requirepass", "s3cret")) {
            try (RawConnection c = server.raw()) {
                c.send("*11\r\n");
                assertThat(c.readReply()).isEqualTo("-ERR Protocol error: unauthenticated multibulk length\r\n");
                assertThat(c.closedByServer()).isTrue();
            }
            try (RawConnection c = server.raw()) {
                c.send("*2\r\n$4\r\nAUTH\r\n$16385\r\n");
                assertThat(c.readReply()).isEqualTo("-ERR Protocol error: unauthenticated bulk length\r\n");
                assertThat(c.closedByServer()).isTrue();
            }
            try (RawConnection c = server.raw()) {
                c.command("AUTH", "s3cret");
                assertThat(c.readReply()).isEqualTo("+OK\r\n");
                c.send("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$16385\r\n" + "x".repeat(16385) + "\r\n");
                assertThat(c.readReply()).isEqualTo("+OK\r\n");
            }
        }
    }

    @Test
    void jedisWithThePasswordWorksAndWithoutItIsRefused() throws Exception {
        try (TestServer server = TestServer.start("requirepass", "s3cret");
             Jedis good = server.jedis();
             Jedis bad = server.jedis()) {
            assertThat(good.auth("s3cret")).isEqualTo("OK");
            assertThat(good.set("k", "v")).isEqualTo("OK");
            assertThatThrownBy(() -> bad.get("k")).isInstanceOf(JedisDataException.class)
                    .hasMessage("NOAUTH Authentication required.");
            assertThat(good.configGet("requirepass")).containsEntry("requirepass", "s3cret");
        }
    }

    @Test
    void passwordSetAtRuntimeBindsNewClientsOnly() throws Exception {
        try (TestServer server = TestServer.start(); Jedis admin = server.jedis()) {
            assertThat(admin.configSet("requirepass", "later")).isEqualTo("OK");
            assertThat(admin.ping()).isEqualTo("PONG");
            try (RawConnection c = server.raw()) {
                c.command("PING");
                assertThat(c.readReply()).isEqualTo("-NOAUTH Authentication required.\r\n");
            }
            assertThat(server.logs()).doesNotContain("later");
        }
    }

    @Test
    void authWithoutAPasswordConfigured() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection c = server.raw()) {
            c.command("AUTH", "x");
            assertThat(c.readReply()).isEqualTo("-ERR AUTH <password> called without any password configured for "
                    + "the default user. Are you sure your configuration is correct?\r\n");
            c.command("AUTH", "default", "x");
            assertThat(c.readReply()).isEqualTo("+OK\r\n");
        }
    }
}
