package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * DEBUG DIGEST and DIGEST-VALUE give the same 40 hex digits as a real redis-server for the same dataset, for
 * every type in each of its encodings, with and without expiry, in several databases; and a random dataset
 * built by the same commands on both sides digests the same. Needs {@code redis-server} (see {@link ExternalTools}).
 */
class DigestIT {
    @Test
    void digestsMatchRedis() throws Exception {
        ExternalTools.program("redis-server");
        long seed = Long.getLong("digest.seed", new Random().nextLong() & 0xffff_ffffL);
        System.out.println("DigestIT seed " + seed);
        try (RedisServerProcess redisServer = RedisServerProcess.start("--enable-debug-command", "yes");
             TestServer nioServer = TestServer.start("enable-debug-command", "yes");
             RespConnection redis = new RespConnection(redisServer.port());
             RespConnection nioredis = new RespConnection(nioServer.port())) {
            String[] digest = {"DEBUG", "DIGEST"};
            for (String[] command : fixedDataset()) {
                assertThat(nioredis.call(command).toString()).isEqualTo(redis.call(command).toString());
            }
            assertThat(nioredis.call(digest).toString()).as("fixed dataset").isEqualTo(redis.call(digest).toString());
            for (String[] command : randomDataset(new Random(seed))) {
                Reply expected = redis.call(command);
                Reply actual = nioredis.call(command);
                assertThat(actual.toString()).as("seed %d: %s", seed, String.join(" ", command))
                        .isEqualTo(expected.toString());
            }
            for (int db = 0; db < 3; db++) {
                String[] select = {"SELECT", Integer.toString(db)};
                redis.call(select);
                nioredis.call(select);
                String[] values = {"DEBUG", "DIGEST-VALUE", "s", "n", "l", "st", "h", "z", "e", "bigz", "bigh",
                        "bigl", "bigs", "x", "missing", "r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"};
                assertThat(nioredis.call(values).toString()).as("seed %d, db %d", seed, db)
                        .isEqualTo(redis.call(values).toString());
            }
            Reply expected = redis.call(digest);
            assertThat(expected.text()).isNotEqualTo("0000000000000000000000000000000000000000");
            assertThat(nioredis.call(digest).toString()).as("seed %d", seed).isEqualTo(expected.toString());
        }
    }

    private static List<String[]> fixedDataset() {
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"SET", "s", "hello"});
        c.add(new String[] {"SET", "n", "12345"});
        c.add(new String[] {"RPUSH", "l", "a", "b", "c"});
        c.add(new String[] {"SADD", "st", "x", "y", "1"});
        c.add(new String[] {"XADD", "x", "1-1", "a", "1", "b", "two"});
        c.add(new String[] {"XADD", "x", "1-2", "a", "3", "b", "four"});
        c.add(new String[] {"XADD", "x", "18446744073709551615-7", "c", "-5"});
        c.add(new String[] {"XDEL", "x", "1-2"});
        c.add(new String[] {"HSET", "h", "f1", "v1", "f2", "v2"});
        c.add(new String[] {"ZADD", "z", "1", "a", "2.5", "b", "0.1", "c", "-inf", "d", "1e300", "e"});
        c.add(new String[] {"SET", "e", "v", "EX", "1000"});
        for (int i = 0; i < 200; i++) {
            c.add(new String[] {"ZADD", "bigz", "0." + i, "m" + i});
            c.add(new String[] {"HSET", "bigh", "f" + i, "v" + i});
            c.add(new String[] {"RPUSH", "bigl", "element-" + i});
            c.add(new String[] {"SADD", "bigs", Integer.toString(i)});
        }
        c.add(new String[] {"PEXPIRE", "bigh", "500000"});
        c.add(new String[] {"SELECT", "1"});
        c.add(new String[] {"SET", "s", "hello"});
        c.add(new String[] {"SELECT", "0"});
        return c;
    }

    /** Keys r0..r7 in databases 0-2, of random types, built by random writes. */
    private static List<String[]> randomDataset(Random random) {
        List<String[]> c = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            if (random.nextInt(50) == 0) {
                c.add(new String[] {"SELECT", Integer.toString(random.nextInt(3))});
            }
            String key = "r" + random.nextInt(8);
            String member = "m" + random.nextInt(40);
            String number = Integer.toString(random.nextInt(2000) - 1000);
            switch (random.nextInt(10)) {
                case 0 -> c.add(new String[] {"SET", key, member + number});
                case 1 -> c.add(new String[] {"APPEND", key, member});
                case 2 -> c.add(new String[] {"RPUSH", key, member});
                case 3 -> c.add(new String[] {"LPUSH", key, number});
                case 4 -> c.add(new String[] {"SADD", key, random.nextBoolean() ? number : member});
                case 5 -> c.add(new String[] {"HSET", key, member, number});
                case 6 -> c.add(new String[] {"ZADD", key, number + "." + random.nextInt(1000), member});
                case 7 -> c.add(new String[] {"EXPIRE", key, "1000"});
                case 8 -> c.add(new String[] {"DEL", key});
                default -> c.add(new String[] {"PERSIST", key});
            }
        }
        c.add(new String[] {"SELECT", "0"});
        return c;
    }
}
