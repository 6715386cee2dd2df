package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RDB files cross between nioredis and a real redis-server both ways: the same commands build the same
 * dataset on both; one side saves, the other starts on that file, and DEBUG DIGEST (which covers every key,
 * value, database and the presence of a TTL) must match, and so must every stream's XINFO STREAM FULL (groups,
 * PELs and consumers included). redis-check-rdb must accept nioredis's file.
 */
class RdbCompatibilityIT {
    private static final String[] DIGEST = {"DEBUG", "DIGEST"};

    @Test
    void redisLoadsWhatNioredisSaves() throws Exception {
        ExternalTools.program("redis-server");
        long seed = new Random().nextLong();
        System.out.println("RdbCompatibilityIT seed " + seed);
        String digest;
        List<String> streams;
        Path dir;
        try (TestServer nio = TestServer.start("enable-debug-command", "yes");
             RespConnection c = new RespConnection(nio.port())) {
            for (String[] command : dataset(new Random(seed))) {
                c.call(command);
            }
            digest = c.call(DIGEST).text();
            streams = streamStates(c);
            assertThat(c.call("SAVE").toString()).isEqualTo(ok());
            dir = Path.of(c.call("CONFIG", "GET", "dir").elements.get(1).text());
        }
        RdbCheck.assertAccepted(dir.resolve("dump.rdb"));
        try (RedisServerProcess redis = RedisServerProcess.start("--enable-debug-command", "yes", "--dir",
                dir.toString());
             RespConnection c = new RespConnection(redis.port())) {
            assertThat(c.call(DIGEST).text()).as("seed %d", seed).isEqualTo(digest);
            assertThat(Long.parseLong(c.call("PTTL", "ttl").text())).isBetween(1L, 1_000_000L);
            assertThat(streamStates(c)).as("seed %d", seed).isEqualTo(streams);
        }
    }

    @Test
    void nioredisLoadsWhatRedisSaves() throws Exception {
        ExternalTools.program("redis-server");
        long seed = new Random().nextLong();
        System.out.println("RdbCompatibilityIT seed " + seed);
        Path dir = Files.createTempDirectory("nioredis-from-redis");
        String digest;
        List<String> streams;
        try (RedisServerProcess redis = RedisServerProcess.start("--enable-debug-command", "yes", "--dir",
                dir.toString());
             RespConnection c = new RespConnection(redis.port())) {
            for (String[] command : dataset(new Random(seed))) {
                c.call(command);
            }
            digest = c.call(DIGEST).text();
            streams = streamStates(c);
            assertThat(c.call("SAVE").toString()).isEqualTo(ok());
        }
        try (TestServer nio = TestServer.start("enable-debug-command", "yes", "dir", dir.toString());
             RespConnection c = new RespConnection(nio.port())) {
            assertThat(c.call(DIGEST).text()).as("seed %d", seed).isEqualTo(digest);
            assertThat(Long.parseLong(c.call("PTTL", "ttl").text())).isBetween(1L, 1_000_000L);
            assertThat(streamStates(c)).as("seed %d", seed).isEqualTo(streams);
            assertThat(nio.logs()).doesNotContain("Fatal");
        }
    }

    @Test
    void aRestartKeepsTheData() throws Exception {
        Path dir = Files.createTempDirectory("nioredis-restart");
        try (TestServer nio = TestServer.start("dir", dir.toString());
             RespConnection c = new RespConnection(nio.port())) {
            c.call("SET", "k", "v");
            c.call("SELECT", "5");
            c.call("RPUSH", "l", "a", "b");
        } // stopped from outside with save points configured: saves, as Redis on SIGTERM
        try (TestServer nio = TestServer.start("dir", dir.toString());
             RespConnection c = new RespConnection(nio.port())) {
            assertThat(c.call("GET", "k").text()).isEqualTo("v");
            c.call("SELECT", "5");
            assertThat(c.call("LLEN", "l").text()).isEqualTo("2");
        }
    }

    @Test
    void aCorruptFileStopsTheServerFromStarting() throws Exception {
        Path dir = Files.createTempDirectory("nioredis-corrupt");
        Files.write(dir.resolve("dump.rdb"), "REDIS0010\u00fa\u0009redis-ver".getBytes(StandardCharsets.ISO_8859_1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TestServer.start("dir", dir.toString()))
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("Fatal error loading the DB");
    }

    /** Every stream's XINFO STREAM FULL, ranges, group summaries and DIGEST-VALUE (see {@link StreamDataset}). */
    private static List<String> streamStates(RespConnection c) throws java.io.IOException {
        List<String> out = new ArrayList<>();
        for (String key : StreamDataset.KEYS) {
            out.addAll(StreamDataset.state(c, key));
        }
        return out;
    }

    private static String ok() {
        return "+OK\\r\\n";
    }

    /** Every type in each encoding Redis 7.0 uses, TTLs, three databases, binary keys, big values, streams. */
    static List<String[]> dataset(Random random) {
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"SET", "s", "hello"});
        c.add(new String[] {"SET", "n", "-12345"});
        c.add(new String[] {"SET", "bign", "123456789012345"});
        c.add(new String[] {"SET", "long", "ab".repeat(300_000)});
        c.add(new String[] {"SET", "ttl", "v", "PX", "900000"});
        c.add(new String[] {"SET", "k\u0000\u00ff\r\n", "\u0001\u0002"});
        c.add(new String[] {"RPUSH", "l", "a", "b", "c", "1", "-1"});
        c.add(new String[] {"SADD", "intset", "1", "2", "3", "-9000000000"});
        c.add(new String[] {"SADD", "st", "x", "y", "1"});
        c.add(new String[] {"HSET", "h", "f1", "v1", "f2", "2"});
        c.add(new String[] {"ZADD", "z", "1", "a", "2.5", "b", "0.1", "c", "-inf", "d", "1e300", "e"});
        c.add(new String[] {"HSET", "longh", "f", "v".repeat(100)});
        c.add(new String[] {"ZADD", "longz", "1", "m".repeat(100)});
        for (int i = 0; i < 1000; i++) {
            c.add(new String[] {"ZADD", "bigz", Double.toString(random.nextGaussian()), "m" + i});
            c.add(new String[] {"HSET", "bigh", "f" + i, "v" + random.nextInt()});
            c.add(new String[] {"RPUSH", "bigl", "element-" + random.nextInt(1000)});
            c.add(new String[] {"SADD", "bigs", Integer.toString(random.nextInt(100_000))});
            c.add(new String[] {"SADD", "bigmixed", "s" + random.nextInt(100_000)});
        }
        c.add(new String[] {"PEXPIRE", "bigh", "500000"});
        for (int db = 1; db < 3; db++) {
            c.add(new String[] {"SELECT", Integer.toString(db)});
            for (int i = 0; i < 50; i++) {
                c.add(new String[] {"SET", "key" + i, Integer.toString(random.nextInt())});
                c.add(new String[] {"RPUSH", "list" + (i % 5), "x" + i});
            }
        }
        c.add(new String[] {"SELECT", "0"});
        c.addAll(StreamDataset.commands(random));
        c.add(new String[] {"PFADD", "hll", "a", "b", "c"});
        c.add(new String[] {"GEOADD", "geo", "13.361389", "38.115556", "Palermo", "15.087269", "37.502669", "Catania"});
        return c;
    }
}
