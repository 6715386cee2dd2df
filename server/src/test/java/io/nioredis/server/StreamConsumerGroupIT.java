package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A consumer group served to several Jedis consumers over sockets: one consumer "crashes" (stops acking
 * what it read), a survivor takes its entries over with XAUTOCLAIM, and every entry is acknowledged exactly
 * once, none lost. And consumers blocked in XREADGROUP BLOCK while a producer adds: each entry delivered to
 * exactly one of them.
 */
class StreamConsumerGroupIT {
    private static final int ENTRIES = 3000;

    @Test
    void noEntryLostOrAckedTwiceAcrossACrashAndAutoclaim() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("StreamConsumerGroupIT seed " + seed);
        Random random = new Random(seed);
        try (TestServer server = TestServer.start();
             Jedis producer = server.jedis();
             Jedis a = server.jedis();
             Jedis b = server.jedis();
             Jedis crashing = server.jedis()) {
            producer.xgroupCreate("jobs", "workers", new StreamEntryID(0, 0), true);
            for (int i = 0; i < ENTRIES; i++) {
                producer.xadd("jobs", new StreamEntryID(i + 1, 0), Map.of("n", Integer.toString(i)));
            }
            Map<String, Integer> acked = new HashMap<>();
            Jedis[] clients = {a, b, crashing};
            String[] names = {"a", "b", "crashing"};
            Set<String> abandoned = new HashSet<>();
            boolean drained = false;
            while (!drained) {
                drained = true;
                for (int c = 0; c < clients.length; c++) {
                    List<Map.Entry<String, List<StreamEntry>>> read = clients[c].xreadGroup("workers", names[c],
                            XReadGroupParams.xReadGroupParams().count(1 + random.nextInt(20)),
                            Map.of("jobs", StreamEntryID.UNRECEIVED_ENTRY));
                    if (read == null || read.isEmpty()) continue;
                    drained = false;
                    for (StreamEntry e : read.get(0).getValue()) {
                        if (names[c].equals("crashing") && random.nextInt(3) == 0) {
                            abandoned.add(e.getID().toString()); // read, never acknowledged
                            continue;
                        }
                        ack(clients[c], e.getID(), acked);
                    }
                }
            }
            assertThat(abandoned).isNotEmpty();
            assertThat(producer.xpending("jobs", "workers").getTotal()).isEqualTo(abandoned.size());

            // The survivor claims whatever the crashed consumer left, page by page.
            StreamEntryID cursor = new StreamEntryID(0, 0);
            do {
                Map.Entry<StreamEntryID, List<StreamEntry>> page = a.xautoclaim("jobs", "workers", "a", 0, cursor,
                        XAutoClaimParams.xAutoClaimParams().count(7));
                for (StreamEntry e : page.getValue()) {
                    assertThat(abandoned).contains(e.getID().toString());
                    ack(a, e.getID(), acked);
                }
                cursor = page.getKey();
            } while (!cursor.equals(new StreamEntryID(0, 0)));

            assertThat(acked).hasSize(ENTRIES);
            assertThat(acked.values()).allMatch(times -> times == 1);
            assertThat(producer.xpending("jobs", "workers").getTotal()).isZero();
            assertThat(producer.xlen("jobs")).isEqualTo(ENTRIES);
        }
    }

    @Test
    void consumersBlockedInXreadgroupGetEachEntryExactlyOnce() throws Exception {
        int entries = 20_000;
        int consumers = 4;
        long seed = new Random().nextLong();
        System.out.println("StreamConsumerGroupIT blocked consumers seed " + seed);
        Random random = new Random(seed);
        ConcurrentHashMap<String, Integer> delivered = new ConcurrentHashMap<>();
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger emptyWakeups = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(consumers);
        try (TestServer server = TestServer.start(); Jedis producer = server.jedis()) {
            producer.xgroupCreate("events", "workers", new StreamEntryID(0, 0), true);
            List<Future<Integer>> running = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                String name = "c" + c;
                int count = 1 + random.nextInt(50);
                running.add(pool.submit(() -> {
                    int mine = 0;
                    try (Jedis jedis = server.jedis()) {
                        while (acked.get() < entries) {
                            List<Map.Entry<String, List<StreamEntry>>> read = jedis.xreadGroup("workers", name,
                                    XReadGroupParams.xReadGroupParams().count(count).block(100),
                                    Map.of("events", StreamEntryID.UNRECEIVED_ENTRY));
                            if (read == null) {
                                emptyWakeups.incrementAndGet();
                                continue;
                            }
                            for (StreamEntry e : read.get(0).getValue()) {
                                delivered.merge(e.getID().toString(), 1, Integer::sum);
                                assertThat(jedis.xack("events", "workers", e.getID())).isEqualTo(1);
                                acked.incrementAndGet();
                                mine++;
                            }
                        }
                    }
                    return mine;
                }));
            }
            // Wait until every consumer is blocked, so the first entries wake blocked clients.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!producer.info("clients").contains("blocked_clients:" + consumers) && System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            for (int i = 0; i < entries; i++) {
                producer.xadd("events", StreamEntryID.NEW_ENTRY, Map.of("n", Integer.toString(i)));
            }
            int total = 0;
            for (Future<Integer> f : running) {
                total += f.get(120, TimeUnit.SECONDS);
            }
            assertThat(total).isEqualTo(entries);
            assertThat(delivered).hasSize(entries);
            assertThat(delivered.values()).allMatch(times -> times == 1);
            assertThat(producer.xpending("events", "workers").getTotal()).isZero();
            assertThat(producer.info("clients")).contains("blocked_clients:0");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void ack(Jedis client, StreamEntryID id, Map<String, Integer> acked) {
        assertThat(client.xack("jobs", "workers", id)).isEqualTo(1);
        acked.merge(id.toString(), 1, Integer::sum);
    }
}
