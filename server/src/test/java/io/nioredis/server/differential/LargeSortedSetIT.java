package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Large sorted sets (thousands of members, three levels of nioredis's tree) answer as a real redis-server's
 * skip list does: the same seeded writes and reads on both, every reply compared. The general differential
 * test keeps its sets small; this one grows them past many node splits, then shrinks them through merges.
 * Needs {@code redis-server} (see {@link ExternalTools}).
 */
class LargeSortedSetIT {
    private static final int MEMBERS = 9_000;

    @Test
    void largeSortedSetsAnswerAsRedis() throws Exception {
        ExternalTools.program("redis-server");
        long seed = Long.getLong("zset.seed", new Random().nextLong() & 0xffff_ffffL);
        System.out.println("LargeSortedSetIT seed " + seed);
        Random random = new Random(seed);
        try (RedisServerProcess redisServer = RedisServerProcess.start();
             TestServer nioServer = TestServer.start();
             RespConnection redis = new RespConnection(redisServer.port());
             RespConnection nioredis = new RespConnection(nioServer.port())) {
            for (int i = 0; i < MEMBERS; i += 100) {
                List<String> add = new ArrayList<>(List.of("ZADD", "z"));
                List<String> lex = new ArrayList<>(List.of("ZADD", "lex"));
                for (int j = i; j < i + 100; j++) {
                    add.add(score(random));
                    add.add(member(random));
                    lex.add("0");
                    lex.add(member(random));
                }
                same(redis, nioredis, seed, add.toArray(String[]::new));
                same(redis, nioredis, seed, lex.toArray(String[]::new));
            }
            for (int op = 0; op < 6_000; op++) {
                same(redis, nioredis, seed, command(random));
            }
            // Shrink both sets to a few members and back, through merges and a lower tree.
            same(redis, nioredis, seed, "ZREMRANGEBYRANK", "z", "10", "-10");
            same(redis, nioredis, seed, "ZREMRANGEBYLEX", "lex", "[m1", "[m7");
            for (int op = 0; op < 1_000; op++) {
                same(redis, nioredis, seed, command(random));
            }
            same(redis, nioredis, seed, "ZRANGE", "z", "0", "-1", "WITHSCORES");
            same(redis, nioredis, seed, "ZRANGE", "lex", "0", "-1", "WITHSCORES");
        }
    }

    private static void same(RespConnection redis, RespConnection nioredis, long seed, String... command)
            throws Exception {
        Reply expected = redis.call(command);
        Reply actual = nioredis.call(command);
        assertThat(actual.toString()).as("seed %d: %s", seed, String.join(" ", command)).isEqualTo(expected.toString());
    }

    private static String[] command(Random r) {
        String key = r.nextInt(4) == 0 ? "lex" : "z";
        String a = Integer.toString(r.nextInt(MEMBERS + 20) - 10);
        String b = Integer.toString(r.nextInt(MEMBERS + 20) - 10);
        switch (r.nextInt(key.equals("lex") ? 20 : 17)) {
            case 0: case 1: case 2:
                return key.equals("lex") ? new String[] {"ZADD", key, "0", member(r)}
                        : new String[] {"ZADD", key, score(r), member(r)};
            case 3:
                return new String[] {"ZADD", "z", pick(r, "GT", "LT", "XX", "NX"), "CH", score(r), member(r)};
            case 4:
                return new String[] {"ZINCRBY", "z", pick(r, "1", "-1", "0.5", "100"), member(r)};
            case 5:
                return new String[] {"ZREM", key, member(r), member(r)};
            case 6:
                return new String[] {pick(r, "ZRANK", "ZREVRANK"), key, member(r)};
            case 7:
                return new String[] {"ZSCORE", key, member(r)};
            case 8:
                return new String[] {"ZRANGE", key, a, Integer.toString(Integer.parseInt(a) + r.nextInt(40)),
                        "WITHSCORES"};
            case 9:
                return new String[] {"ZREVRANGE", key, a, Integer.toString(Integer.parseInt(a) + r.nextInt(40))};
            case 10:
                return r.nextBoolean()
                        ? new String[] {"ZRANGE", "z", bound(r), bound(r), "BYSCORE", "LIMIT", "0", "30", "WITHSCORES"}
                        : new String[] {"ZRANGE", "z", bound(r), bound(r), "BYSCORE", "REV", "LIMIT", "2", "20"};
            case 11:
                return new String[] {"ZCOUNT", "z", bound(r), bound(r)};
            case 12:
                return new String[] {"ZREMRANGEBYRANK", key, a, Integer.toString(Integer.parseInt(a) + r.nextInt(30))};
            case 13:
                String low = bound(r);
                return new String[] {"ZREMRANGEBYSCORE", "z", low, low};
            case 14:
                return new String[] {pick(r, "ZPOPMIN", "ZPOPMAX"), key, Integer.toString(r.nextInt(5))};
            case 15:
                return new String[] {"ZCARD", key};
            case 16:
                return new String[] {"ZRANGESTORE", "dst", key, a, b};
            default:
                String from = lexBound(r);
                String to = lexBound(r);
                switch (r.nextInt(4)) {
                    case 0:
                        return new String[] {"ZLEXCOUNT", "lex", from, to};
                    case 1:
                        return new String[] {"ZREVRANGEBYLEX", "lex", to, from, "LIMIT", "0", "25"};
                    case 2:
                        return new String[] {"ZREMRANGEBYLEX", "lex", from, from.startsWith("[") ? from : "[m5"};
                    default:
                        return new String[] {"ZRANGEBYLEX", "lex", from, to, "LIMIT", "3", "25"};
                }
        }
    }

    /** Scores from a narrow range, so many members share one and their bytes order them; -0 among them. */
    private static String score(Random r) {
        int n = r.nextInt(400);
        return n == 0 ? "-0" : n == 1 ? "-inf" : n == 2 ? "+inf" : Double.toString((n - 200) / 4.0);
    }

    private static String bound(Random r) {
        String s = r.nextInt(10) == 0 ? pick(r, "-inf", "+inf") : Double.toString((r.nextInt(420) - 210) / 4.0);
        return r.nextInt(3) == 0 && !s.endsWith("inf") ? "(" + s : s;
    }

    private static String lexBound(Random r) {
        int k = r.nextInt(12);
        return k == 0 ? "-" : k == 1 ? "+" : (r.nextBoolean() ? "[" : "(") + member(r);
    }

    private static String member(Random r) {
        return "m" + r.nextInt(MEMBERS * 2);
    }

    private static String pick(Random r, String... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
