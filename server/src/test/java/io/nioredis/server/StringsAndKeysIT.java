package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** The string and keyspace commands through a real client and socket: pipelining, big replies, SCAN. */
class StringsAndKeysIT {
    @Test
    void pipelinedCountersFromSeveralClients() throws Exception {
        try (TestServer server = TestServer.start()) {
            List<Jedis> clients = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                clients.add(server.jedis());
            }
            for (Jedis jedis : clients) {
                Pipeline p = jedis.pipelined();
                for (int i = 0; i < 1000; i++) {
                    p.incr("counter");
                    p.incrByFloat("float", 0.5);
                }
                p.sync();
            }
            Jedis jedis = clients.get(0);
            assertThat(jedis.get("counter")).isEqualTo("4000");
            assertThat(jedis.get("float")).isEqualTo("2000");
            assertThat(jedis.decrBy("counter", 4001)).isEqualTo(-1);
            for (Jedis c : clients) {
                c.close();
            }
        }
    }

    @Test
    void largeValuesAcrossManyReads() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            assertThat(jedis.setrange("big", 3_000_000, "end")).isEqualTo(3_000_003);
            assertThat(jedis.strlen("big")).isEqualTo(3_000_003);
            assertThat(jedis.getrange("big", -3, -1)).isEqualTo("end");
            assertThat(jedis.append("big", "!")).isEqualTo(3_000_004);
            assertThat(jedis.get("big")).hasSize(3_000_004).endsWith("end!");
            jedis.mset("a", "1", "b", "2");
            assertThat(jedis.mget("a", "big", "b").get(2)).isEqualTo("2");
        }
    }

    @Test
    void scanVisitsEveryKeyWhileTheKeyspaceGrows() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            Set<String> stable = new HashSet<>();
            Pipeline p = jedis.pipelined();
            for (int i = 0; i < 5000; i++) {
                p.set("key:" + i, "v");
                stable.add("key:" + i);
            }
            p.sync();
            Set<String> seen = new HashSet<>();
            String cursor = ScanParams.SCAN_POINTER_START;
            int added = 0;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(200).match("key:*"));
                seen.addAll(page.getResult());
                cursor = page.getCursor();
                for (int i = 0; i < 300; i++) {
                    jedis.set("new:" + added++, "v");
                }
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            assertThat(seen).containsAll(stable);
            assertThat(seen).allMatch(k -> k.startsWith("key:"));
        }
    }

    @Test
    void renameAndCopyKeepTtls() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            jedis.setex("a", 1000, "v");
            assertThat(jedis.rename("a", "b")).isEqualTo("OK");
            assertThat(jedis.ttl("b")).isBetween(999L, 1000L);
            assertThat(jedis.copy("b", "c", 3, false)).isTrue();
            jedis.select(3);
            assertThat(jedis.get("c")).isEqualTo("v");
            assertThat(jedis.ttl("c")).isBetween(999L, 1000L);
        }
    }
}
