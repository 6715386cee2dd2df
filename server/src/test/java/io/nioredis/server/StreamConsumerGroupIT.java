package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A consumer group served to several Jedis consumers over sockets: one consumer "crashes" (stops acking
 * what it read), a survivor takes its entries over with XAUTOCLAIM, and every entry is acknowledged exactly
 * once, none lost.
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

    private static void ack(Jedis client, StreamEntryID id, Map<String, Integer> acked) {
        assertThat(client.xack("jobs", "workers", id)).isEqualTo(1);
        acked.merge(id.toString(), 1, Integer::sum);
    }
}
