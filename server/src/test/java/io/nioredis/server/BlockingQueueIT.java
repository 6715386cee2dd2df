package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.LMoveArgs;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.args.ListDirection;
import redis.clients.jedis.util.KeyValue;

/**
 * Job queues as Sidekiq, Celery or BullMQ run them: one producer, several consumers blocked on the queue,
 * 100,000 jobs; every job is delivered exactly once. With Jedis on BRPOP and BZPOPMIN, with Lettuce on
 * BLMOVE into a per-consumer processing list (the reliable-queue pattern).
 *
 * <p>A consumer that finds nothing within its short timeout asks again, as the libraries do; stop pills
 * pushed after the jobs end the consumers once the queue is drained.
 */
class BlockingQueueIT {
    private static final int JOBS = 100_000;
    private static final int CONSUMERS = 4;
    private static final String STOP = "stop";

    /** Runs consumers until each took a stop pill, then checks that every job arrived exactly once. */
    private static void runQueue(Function<Integer, List<String>> consumer, Runnable producer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONSUMERS);
        try {
            List<Future<List<String>>> consumers = new ArrayList<>();
            for (int i = 0; i < CONSUMERS; i++) {
                int n = i;
                consumers.add(pool.submit(() -> consumer.apply(n)));
            }
            producer.run();
            Set<String> seen = new HashSet<>();
            int total = 0;
            for (Future<List<String>> f : consumers) {
                List<String> got = f.get(120, TimeUnit.SECONDS);
                total += got.size();
                seen.addAll(got);
            }
            assertThat(total).isEqualTo(JOBS);
            assertThat(seen).hasSize(JOBS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void produce(TestServer server, java.util.function.BiConsumer<Pipeline, Integer> push,
                                java.util.function.Consumer<Pipeline> stops) {
        try (Jedis jedis = server.jedis()) {
            Pipeline p = jedis.pipelined();
            for (int i = 0; i < JOBS; i++) {
                push.accept(p, i);
                if (i % 1000 == 999) {
                    p.sync();
                }
            }
            stops.accept(p);
            p.sync();
        }
    }

    @Test
    void jedisConsumersOnBrpop() throws Exception {
        try (TestServer server = TestServer.start()) {
            runQueue(n -> {
                List<String> got = new ArrayList<>();
                try (Jedis jedis = server.jedis()) {
                    while (true) {
                        KeyValue<String, String> job = jedis.brpop(0.5, "jobs");
                        if (job == null) {
                            continue;
                        }
                        if (job.getValue().equals(STOP)) {
                            return got;
                        }
                        got.add(job.getValue());
                    }
                }
            }, () -> produce(server, (p, i) -> p.lpush("jobs", "job" + i), p -> {
                for (int i = 0; i < CONSUMERS; i++) {
                    p.lpush("jobs", STOP);
                }
            }));
            try (Jedis jedis = server.jedis()) {
                assertThat(jedis.exists("jobs")).isFalse();
                assertThat(Awaits.infoField(jedis, "blocked_clients")).isZero();
            }
        }
    }

    @Test
    void jedisConsumersOnBzpopmin() throws Exception {
        try (TestServer server = TestServer.start()) {
            runQueue(n -> {
                List<String> got = new ArrayList<>();
                try (Jedis jedis = server.jedis()) {
                    while (true) {
                        var job = jedis.bzpopmin(0.5, "delayed");
                        if (job == null) {
                            continue;
                        }
                        if (job.getValue().getElement().startsWith(STOP)) {
                            return got;
                        }
                        got.add(job.getValue().getElement());
                    }
                }
            }, () -> produce(server, (p, i) -> p.zadd("delayed", i, "job" + i), p -> {
                for (int i = 0; i < CONSUMERS; i++) {
                    p.zadd("delayed", 1e12, STOP + i);
                }
            }));
        }
    }

    @Test
    void lettuceConsumersOnBlmove() throws Exception {
        try (TestServer server = TestServer.start()) {
            RedisClient client = RedisClient.create(RedisURI.Builder.redis("127.0.0.1", server.port())
                    .withTimeout(Duration.ofSeconds(30)).build());
            Set<String> processing = ConcurrentHashMap.newKeySet();
            try {
                runQueue(n -> {
                    List<String> got = new ArrayList<>();
                    String mine = "processing:" + n;
                    processing.add(mine);
                    try (StatefulRedisConnection<String, String> conn = client.connect()) {
                        RedisCommands<String, String> sync = conn.sync();
                        while (true) {
                            String job = sync.blmove("queue", mine, LMoveArgs.Builder.rightLeft(), 0.5);
                            if (job == null) {
                                continue;
                            }
                            if (job.equals(STOP)) {
                                return got;
                            }
                            got.add(job);
                        }
                    }
                }, () -> produce(server, (p, i) -> p.lpush("queue", "job" + i), p -> {
                    for (int i = 0; i < CONSUMERS; i++) {
                        p.lpush("queue", STOP);
                    }
                }));
                try (Jedis jedis = server.jedis()) {
                    long kept = 0;
                    for (String key : processing) {
                        kept += jedis.llen(key);
                    }
                    assertThat(kept).isEqualTo(JOBS + CONSUMERS); // each job moved to exactly one processing list
                    assertThat(jedis.exists("queue")).isFalse();
                }
            } finally {
                client.shutdown(Duration.ZERO, Duration.ofSeconds(5));
            }
        }
    }
}
