package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisDataException;

/** maxmemory through a real client, and the INFO fields that report it. */
class EvictionIT {
    private static final String VALUE = "v".repeat(1000);

    @Test
    void noevictionRefusesWritesAndServesReads() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            for (int i = 0; i < 100; i++) {
                jedis.set("k" + i, VALUE);
            }
            long used = Awaits.infoField(jedis, "used_memory");
            jedis.configSet("maxmemory", Long.toString(used - 1));
            assertThatThrownBy(() -> jedis.set("more", "x")).isInstanceOf(JedisDataException.class)
                    .hasMessage("OOM command not allowed when used memory > 'maxmemory'.");
            assertThat(jedis.get("k1")).isEqualTo(VALUE);
            assertThat(jedis.info("memory")).contains("maxmemory:" + (used - 1)).contains("maxmemory_policy:noeviction");
        }
    }

    @Test
    void allkeysLruKeepsMemoryUnderTheLimitWhileWritesGoOn() throws Exception {
        try (TestServer server = TestServer.start("maxmemory-policy", "allkeys-lru"); Jedis jedis = server.jedis()) {
            jedis.set("seed", VALUE);
            long limit = Awaits.infoField(jedis, "used_memory") + 300 * 1024;
            jedis.configSet("maxmemory", Long.toString(limit));
            for (int i = 0; i < 5000; i++) {
                assertThat(jedis.set("k" + i, VALUE)).isEqualTo("OK");
            }
            jedis.ping(); // evicts whatever the last write took over the limit
            assertThat(Awaits.infoField(jedis, "used_memory")).isLessThanOrEqualTo(limit);
            long evicted = Awaits.infoField(jedis, "evicted_keys");
            assertThat(evicted).isGreaterThan(4000);
            assertThat(jedis.dbSize()).isEqualTo(5001 - evicted);
        }
    }

    @Test
    void infoReportsTheCountersRedisReports() throws Exception {
        SteppingClock clock = new SteppingClock();
        try (TestServer server = TestServer.start(clock); Jedis jedis = server.jedis()) {
            String info = jedis.info();
            for (String field : new String[] {"connected_clients", "rejected_connections", "evicted_keys",
                "expired_keys", "total_connections_received", "used_memory", "maxmemory", "maxmemory_policy"}) {
                assertThat(info).containsPattern("(?m)^" + field + ":");
            }
            jedis.set("short", "x", redis.clients.jedis.params.SetParams.setParams().px(1));
            assertThat(Awaits.infoField(jedis, "expired_keys")).isZero();
            clock.advance(1);
            assertThat(jedis.get("short")).isNull();
            assertThat(Awaits.infoField(jedis, "expired_keys")).isEqualTo(1);
        }
    }
}
