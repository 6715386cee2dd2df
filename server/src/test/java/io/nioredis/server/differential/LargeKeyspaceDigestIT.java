package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A dataset past the sizes at which nioredis changes how it stores things, built by the same seeded writes on
 * nioredis and on a real redis-server, digests the same: a keyspace past its dict's first big slot pages
 * (made ahead of their first key) with keys deleted on the way, and a set, a hash and a sorted set past the
 * mark from which their entries move into their dict's pages a few per add, with removals and values of
 * other lengths written while some have moved and others not. Then nioredis reloads its own file, and Redis
 * loads it, and both still digest the same. The general differential tests keep their data small.
 * Needs {@code redis-server} (see {@link ExternalTools}).
 */
class LargeKeyspaceDigestIT {
    private static final String[] DIGEST = {"DEBUG", "DIGEST"};
    /** Past the keyspace dict's first two big pages of 131,072 slots. */
    private static final int KEYS = 300_000;
    /** Past FieldEntry's sharing mark of 65,536 members, with room for the moves after it. */
    private static final int MEMBERS = 80_000;
    private static final int BATCH = 1_000;

    @Test
    void aLargeDatasetDigestsAsRedisBeforeAndAfterReloads() throws Exception {
        ExternalTools.program("redis-server");
        long seed = Long.getLong("large.seed", new Random().nextLong() & 0xffff_ffffL);
        System.out.println("LargeKeyspaceDigestIT seed " + seed);
        String digest;
        Path dir;
        try (RedisServerProcess redisServer = RedisServerProcess.start("--enable-debug-command", "yes");
             TestServer nioServer = TestServer.start("enable-debug-command", "yes");
             RespConnection redis = new RespConnection(redisServer.port());
             RespConnection nioredis = new RespConnection(nioServer.port())) {
            for (String[] command : dataset(new Random(seed))) {
                Reply expected = redis.call(command);
                assertThat(nioredis.call(command).toString()).as("seed %d: %s %s", seed, command[0], command[1])
                        .isEqualTo(expected.toString());
            }
            digest = redis.call(DIGEST).text();
            String[] values = {"DEBUG", "DIGEST-VALUE", "set", "hash", "zset"};
            assertThat(nioredis.call(values).toString()).as("seed %d", seed)
                    .isEqualTo(redis.call(values).toString());
            assertThat(nioredis.call(DIGEST).text()).as("seed %d", seed).isEqualTo(digest);
            assertThat(nioredis.call("DEBUG", "RELOAD").text()).isEqualTo("OK");
            assertThat(nioredis.call(DIGEST).text()).as("seed %d, reloaded", seed).isEqualTo(digest);
            dir = Path.of(nioredis.call("CONFIG", "GET", "dir").elements.get(1).text());
        }
        try (RedisServerProcess redis = RedisServerProcess.start("--enable-debug-command", "yes", "--dir",
                dir.toString());
             RespConnection c = new RespConnection(redis.port())) {
            assertThat(c.call(DIGEST).text()).as("seed %d, nioredis's file in Redis", seed).isEqualTo(digest);
        }
    }

    /** Writes in batches of {@link #BATCH}, so that each server takes a few thousand round trips. */
    private static List<String[]> dataset(Random random) {
        List<String[]> c = new ArrayList<>();
        for (int from = 0; from < KEYS; from += BATCH) {
            List<String> mset = new ArrayList<>(List.of("MSET"));
            List<String> del = new ArrayList<>(List.of("DEL"));
            for (int i = from; i < from + BATCH; i++) {
                mset.add(key(i));
                mset.add("v".repeat(1 + random.nextInt(20)));
                del.add(key(random.nextInt(i + 1)));
            }
            c.add(mset.toArray(String[]::new));
            if (random.nextInt(4) == 0) {
                c.add(del.toArray(String[]::new));
            }
        }
        for (int from = 0; from < MEMBERS; from += BATCH) {
            List<String> sadd = new ArrayList<>(List.of("SADD", "set"));
            List<String> hset = new ArrayList<>(List.of("HSET", "hash"));
            List<String> zadd = new ArrayList<>(List.of("ZADD", "zset"));
            for (int i = from; i < from + BATCH; i++) {
                sadd.add(member(i));
                hset.add(member(i));
                hset.add("x".repeat(1 + random.nextInt(12)));
                zadd.add(Integer.toString(random.nextInt(1_000)));
                zadd.add(member(i));
            }
            c.add(sadd.toArray(String[]::new));
            c.add(hset.toArray(String[]::new));
            c.add(zadd.toArray(String[]::new));
            if (from >= 60_000) { // around and past the mark: remove and rewrite members of every age
                List<String> srem = new ArrayList<>(List.of("SREM", "set"));
                List<String> hdel = new ArrayList<>(List.of("HDEL", "hash"));
                List<String> zrem = new ArrayList<>(List.of("ZREM", "zset"));
                List<String> rewrite = new ArrayList<>(List.of("HSET", "hash"));
                for (int j = 0; j < 50; j++) {
                    srem.add(member(random.nextInt(from)));
                    hdel.add(member(random.nextInt(from)));
                    zrem.add(member(random.nextInt(from)));
                    rewrite.add(member(random.nextInt(from)));
                    rewrite.add("y".repeat(1 + random.nextInt(30)));
                }
                c.add(srem.toArray(String[]::new));
                c.add(hdel.toArray(String[]::new));
                c.add(zrem.toArray(String[]::new));
                c.add(rewrite.toArray(String[]::new));
            }
        }
        return c;
    }

    private static String key(int i) {
        return String.format("key:%09d", i);
    }

    private static String member(int i) {
        return "member:" + i;
    }
}
