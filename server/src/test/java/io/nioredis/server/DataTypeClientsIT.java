package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.GeoCoordinate;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.args.GeoUnit;
import redis.clients.jedis.params.GeoSearchParam;
import redis.clients.jedis.resps.GeoRadiusResponse;

/**
 * Jedis as metrics, analytics and delivery code uses it: BITFIELD counters (Sidekiq's histogram buckets),
 * PFADD/PFCOUNT unique counts, GEOADD/GEOSEARCH nearest-first lookups.
 */
class DataTypeClientsIT {
    @Test
    void bitfieldCounters() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            for (int i = 0; i < 70; i++) {
                jedis.bitfield("histogram", "OVERFLOW", "SAT", "INCRBY", "u16", "#" + (i % 3), "1");
            }
            List<Long> buckets = jedis.bitfieldReadonly("histogram", "GET", "u16", "#0", "GET", "u16", "#1",
                    "GET", "u16", "#2", "GET", "u16", "#3");
            assertThat(buckets).containsExactly(24L, 23L, 23L, 0L);
            assertThat(jedis.bitfield("histogram", "OVERFLOW", "FAIL", "INCRBY", "u16", "#0", "65535"))
                    .containsExactly((Long) null);
            assertThat(jedis.strlen("histogram")).isEqualTo(6);
            assertThat(jedis.bitcount("histogram")).isEqualTo(Long.bitCount(24) + Long.bitCount(23) * 2L);
        }
    }

    @Test
    void uniqueCounts() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            String[] day1 = new String[5000];
            String[] day2 = new String[5000];
            for (int i = 0; i < 5000; i++) {
                day1[i] = "user:" + i;
                day2[i] = "user:" + (i + 2500);
            }
            assertThat(jedis.pfadd("visitors:1", day1)).isEqualTo(1);
            assertThat(jedis.pfadd("visitors:2", day2)).isEqualTo(1);
            assertThat(jedis.pfadd("visitors:1", "user:1")).isZero();
            // Redis 7.0.15 answers 5025, 5030 and 7575 for these inputs: same hash, same registers.
            assertThat(jedis.pfcount("visitors:1")).isEqualTo(5025);
            assertThat(jedis.pfcount("visitors:2")).isEqualTo(5030);
            assertThat(jedis.pfcount("visitors:1", "visitors:2")).isEqualTo(7575);
            assertThat(jedis.pfmerge("visitors:week", "visitors:1", "visitors:2")).isEqualTo("OK");
            assertThat(jedis.pfcount("visitors:week")).isEqualTo(7575);
        }
    }

    @Test
    void nearestFirstSearches() throws Exception {
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            jedis.geoadd("couriers", 13.361389, 38.115556, "palermo");
            jedis.geoadd("couriers", 15.087269, 37.502669, "catania");
            jedis.geoadd("couriers", 13.583333, 37.316667, "agrigento");
            List<GeoRadiusResponse> near = jedis.geosearch("couriers", new GeoSearchParam()
                    .fromLonLat(15, 37).byRadius(200, GeoUnit.KM).asc().withDist().withCoord());
            assertThat(near).extracting(GeoRadiusResponse::getMemberByString)
                    .containsExactly("catania", "agrigento", "palermo");
            assertThat(near).extracting(GeoRadiusResponse::getDistance).containsExactly(56.4413, 130.4235, 190.4424);
            GeoCoordinate palermo = near.get(2).getCoordinate();
            assertThat(palermo.getLongitude()).isCloseTo(13.361389, within(1e-5));
            assertThat(palermo.getLatitude()).isCloseTo(38.115556, within(1e-5));
            List<GeoRadiusResponse> box = jedis.geosearch("couriers", new GeoSearchParam()
                    .fromMember("palermo").byBox(400, 400, GeoUnit.KM).count(2).desc());
            assertThat(box).extracting(GeoRadiusResponse::getMemberByString).containsExactly("catania", "agrigento");
        }
    }
}
