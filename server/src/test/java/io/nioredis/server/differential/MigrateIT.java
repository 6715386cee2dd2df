package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MIGRATE outside cluster mode, compared with Redis 7.0: the same session of MIGRATEs from a redis-server
 * source and from a nioredis source to one redis-server target gives the same replies and leaves the same
 * keys on both sides; and Redis migrates keys into a nioredis target.
 */
class MigrateIT {
    /** The session: sets keys on the source, migrates them in every form, and reads both sides. */
    private static List<String> session(RespConnection source, RespConnection target, int targetPort)
            throws Exception {
        String port = Integer.toString(targetPort);
        List<String> replies = new ArrayList<>();
        target.call("FLUSHALL");
        source.call("FLUSHALL");
        source.call("SET", "k1", "v1");
        source.call("RPUSH", "list", "a", "b", "c");
        source.call("HSET", "hash", "f", "v");
        source.call("SET", "k2", "v2", "PX", "100000");
        String[][] steps = {
            {"MIGRATE", "127.0.0.1", port, "k1", "3", "1000"},
            {"MIGRATE", "127.0.0.1", port, "", "3", "1000", "KEYS", "list", "k2", "hash", "nokey"},
            {"SET", "k1", "again"},
            {"MIGRATE", "127.0.0.1", port, "k1", "3", "1000"},
            {"MIGRATE", "127.0.0.1", port, "k1", "3", "1000", "COPY", "REPLACE"},
            {"EXISTS", "k1", "list", "k2", "hash"},
            {"MIGRATE", "127.0.0.1", port, "missing", "3", "1000"},
            {"MIGRATE", "127.0.0.1", port, "k1", "3", "1000", "AUTH", "pw"},
            {"MIGRATE", "127.0.0.1", port, "k1", "3", "1000", "AUTH2", "user", "pw"},
            {"MIGRATE", "127.0.0.1", port, "k1", "99", "1000"},
            {"MIGRATE", "127.0.0.1", port, "k1", "3", "1000", "KEYS", "k1"},
            {"MIGRATE", "127.0.0.1", port, "k1", "3", "1000", "BOGUS"},
            {"MIGRATE", "127.0.0.1", port, "k1", "x", "1000"},
        };
        for (String[] step : steps) {
            replies.add(new String(source.call(step).raw, StandardCharsets.ISO_8859_1));
        }
        target.call("SELECT", "3");
        for (String[] read : new String[][] {{"GET", "k1"}, {"LRANGE", "list", "0", "-1"}, {"HGETALL", "hash"},
            {"GET", "k2"}, {"DBSIZE"}}) {
            replies.add(new String(target.call(read).raw, StandardCharsets.ISO_8859_1));
        }
        long ttl = Long.parseLong(new String(target.call("PTTL", "k2").payload, StandardCharsets.US_ASCII));
        assertThat(ttl).isBetween(90_000L, 100_000L); // the deadline travelled with the key
        target.call("SELECT", "0");
        return replies;
    }

    @Test
    void nioredisMigratesAsRedisDoes() throws Exception {
        ExternalTools.program("redis-server");
        try (RedisServerProcess target = RedisServerProcess.start();
             RedisServerProcess redisSource = RedisServerProcess.start();
             TestServer nioSource = TestServer.start();
             RespConnection t = new RespConnection(target.port());
             RespConnection rs = new RespConnection(redisSource.port());
             RespConnection ns = new RespConnection(nioSource.port())) {
            List<String> expected = session(rs, t, target.port());
            List<String> actual = session(ns, t, target.port());
            assertThat(actual).containsExactlyElementsOf(expected);
            assertThat(expected.get(0)).isEqualTo("+OK\r\n");
            assertThat(expected.get(3)).startsWith("-ERR Target instance replied with error: BUSYKEY");
        }
    }

    @Test
    void redisMigratesIntoNioredis() throws Exception {
        ExternalTools.program("redis-server");
        try (RedisServerProcess source = RedisServerProcess.start();
             TestServer target = TestServer.start();
             RespConnection s = new RespConnection(source.port());
             RespConnection t = new RespConnection(target.port())) {
            s.call("RPUSH", "list", "a", "b");
            s.call("ZADD", "z", "1", "one", "2", "two");
            s.call("SET", "str", "value", "EX", "1000");
            assertThat(s.call("MIGRATE", "127.0.0.1", Integer.toString(target.port()), "", "0", "1000", "KEYS",
                    "list", "z", "str").raw).asString(StandardCharsets.US_ASCII).isEqualTo("+OK\r\n");
            assertThat(s.call("DBSIZE").raw).asString(StandardCharsets.US_ASCII).isEqualTo(":0\r\n");
            assertThat(t.call("LRANGE", "list", "0", "-1").raw).asString(StandardCharsets.US_ASCII)
                    .isEqualTo("*2\r\n$1\r\na\r\n$1\r\nb\r\n");
            assertThat(t.call("ZSCORE", "z", "two").raw).asString(StandardCharsets.US_ASCII).isEqualTo("$1\r\n2\r\n");
            assertThat(t.call("GET", "str").raw).asString(StandardCharsets.US_ASCII).isEqualTo("$5\r\nvalue\r\n");
        }
    }
}
