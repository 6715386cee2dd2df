package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The commands Sentinel sends to the servers it monitors (src/sentinel.c) answer as Redis 7.0's do, byte for
 * byte: the transaction it wraps around every reconfiguration (MULTI, SLAVEOF, CONFIG REWRITE, CLIENT KILL
 * TYPE normal, CLIENT KILL TYPE pubsub, EXEC; Sentinel ignores the replies but not what they do) with and
 * without a config file, what CONFIG REWRITE then writes, and the CLIENT KILL filters. SentinelIT runs the
 * real Sentinel.
 */
class SentinelCommandsIT {

    @Test
    void reconfigurationTransactionWithoutConfigFile() throws Exception {
        ExternalTools.program("redis-server");
        try (TestServer nioredis = TestServer.start();
             RedisServerProcess redis = RedisServerProcess.start()) {
            List<String> expected = reconfiguration(redis.port(), "NO", "ONE");
            assertThat(expected).contains(
                    "*4\\r\\n+OK\\r\\n-ERR The server is running without a config file\\r\\n:1\\r\\n:1\\r\\n");
            assertThat(reconfiguration(nioredis.port(), "NO", "ONE")).isEqualTo(expected);
        }
    }

    @Test
    void reconfigurationTransactionWithConfigFile() throws Exception {
        ExternalTools.program("redis-server");
        Path dir = Files.createTempDirectory("sentinel-commands");
        Path nioredisFile = dir.resolve("nioredis.conf");
        Files.writeString(nioredisFile, "port 0\nbind 127.0.0.1\nsave \"\"\n", StandardCharsets.UTF_8);
        Path redisFile = dir.resolve("redis.conf");
        Files.writeString(redisFile, "save \"\"\n", StandardCharsets.UTF_8);
        try (TestServer nioredis = TestServer.fromFile(nioredisFile, "--dir", dir.toString());
             RedisServerProcess redis = RedisServerProcess.start(redisFile)) {
            // Repointed at a master that is not there (port 1): the link stays down, the file says it.
            List<String> expected = reconfiguration(redis.port(), "127.0.0.1", "1");
            assertThat(expected).contains("*4\\r\\n+OK\\r\\n+OK\\r\\n:1\\r\\n:1\\r\\n");
            assertThat(reconfiguration(nioredis.port(), "127.0.0.1", "1")).isEqualTo(expected);
            assertThat(Files.readAllLines(redisFile)).contains("replicaof 127.0.0.1 1");
            assertThat(Files.readAllLines(nioredisFile)).contains("replicaof 127.0.0.1 1");
            // Promoted again: the replicaof line goes.
            assertThat(reconfiguration(nioredis.port(), "NO", "ONE"))
                    .isEqualTo(reconfiguration(redis.port(), "NO", "ONE"));
            assertThat(Files.readString(redisFile)).doesNotContain("replicaof");
            assertThat(Files.readString(nioredisFile)).doesNotContain("replicaof");
        }
    }

    @Test
    void clientKillFiltersAnswerAsRedis() throws Exception {
        ExternalTools.program("redis-server");
        try (TestServer nioredis = TestServer.start();
             RedisServerProcess redis = RedisServerProcess.start()) {
            assertThat(killFilters(nioredis.port())).isEqualTo(killFilters(redis.port()));
        }
    }

    /**
     * Sentinel's transaction ({@code SLAVEOF slaveOf...} first) from one connection while a normal client and
     * a subscriber are connected: the replies, then whether each of the others was disconnected.
     */
    private static List<String> reconfiguration(int port, String... slaveOf) throws IOException {
        List<String> seen = new ArrayList<>();
        try (RespConnection sentinel = new RespConnection(port);
             RespConnection normal = new RespConnection(port);
             RespConnection subscriber = new RespConnection(port)) {
            normal.call("PING");
            seen.add(subscriber.call("SUBSCRIBE", "__sentinel__:hello").toString());
            seen.add(sentinel.call("CLIENT", "SETNAME", "sentinel-0123abcd-cmd").toString());
            seen.add(sentinel.call("MULTI").toString());
            seen.add(sentinel.call("SLAVEOF", slaveOf[0], slaveOf[1]).toString());
            seen.add(sentinel.call("CONFIG", "REWRITE").toString());
            seen.add(sentinel.call("CLIENT", "KILL", "TYPE", "normal").toString());
            seen.add(sentinel.call("CLIENT", "KILL", "TYPE", "pubsub").toString());
            seen.add(sentinel.call("EXEC").toString());
            seen.add(sentinel.call("PING").toString()); // SKIPME yes: the sender stays
            seen.add("normal " + (disconnected(normal) ? "killed" : "alive"));
            seen.add("subscriber " + (disconnected(subscriber) ? "killed" : "alive"));
        }
        return seen;
    }

    private static List<String> killFilters(int port) throws IOException {
        String[][] commands = {
            {"CLIENT", "KILL", "TYPE", "master"},
            {"CLIENT", "KILL", "TYPE", "replica"},
            {"CLIENT", "KILL", "TYPE", "slave"},
            {"CLIENT", "KILL", "TYPE", "bogus"},
            {"CLIENT", "KILL", "TYPE"},
            {"CLIENT", "KILL", "ID", "0"},
            {"CLIENT", "KILL", "ID", "abc"},
            {"CLIENT", "KILL", "ID", "999999"},
            {"CLIENT", "KILL", "ADDR", "10.1.2.3:4"},
            {"CLIENT", "KILL", "LADDR", "10.1.2.3:4"},
            {"CLIENT", "KILL", "USER", "nobody"},
            {"CLIENT", "KILL", "SKIPME", "maybe"},
            {"CLIENT", "KILL", "MAXAGE", "10"}, // Redis 7.2's filter: a syntax error in 7.0
            {"CLIENT", "KILL", "10.1.2.3:4"},
            {"CLIENT", "KILL", "TYPE", "normal", "SKIPME"},
        };
        List<String> seen = new ArrayList<>();
        try (RespConnection c = new RespConnection(port)) {
            for (String[] command : commands) {
                seen.add(String.join(" ", command) + " -> " + c.call(command));
            }
            try (RespConnection other = new RespConnection(port)) {
                other.call("PING");
                String id = other.call("CLIENT", "ID").text();
                seen.add("by id " + c.call("CLIENT", "KILL", "ID", id, "TYPE", "normal", "SKIPME", "yes"));
                seen.add("other " + (disconnected(other) ? "killed" : "alive"));
            }
            seen.add("self " + c.call("CLIENT", "KILL", "TYPE", "normal", "SKIPME", "no"));
            seen.add("self " + (disconnected(c) ? "killed" : "alive"));
        }
        return seen;
    }

    private static boolean disconnected(RespConnection c) {
        try {
            c.call("PING");
            return false;
        } catch (IOException | RuntimeException closed) {
            return true;
        }
    }
}
