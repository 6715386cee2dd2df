package io.nioredis.value.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GeoDistanceTest {

    @Test
    void geodistAnswersAsRedisDid() {
        assertThat(RedisGeoReplies.DISTANCES).hasSizeGreaterThan(400);
        for (String[] d : RedisGeoReplies.DISTANCES) {
            long a = RedisGeoReplies.BY_NAME.get(d[1]).score();
            long b = RedisGeoReplies.BY_NAME.get(d[2]).score();
            GeoUnit unit = GeoUnit.parse(d[3].getBytes(StandardCharsets.US_ASCII));
            double meters = GeoDistance.between(GeoHash.decodeLongitude(a), GeoHash.decodeLatitude(a),
                    GeoHash.decodeLongitude(b), GeoHash.decodeLatitude(b));
            assertThat(GeoFormat.distance(meters / unit.meters)).as(String.join(" ", d)).isEqualTo(d[4]);
        }
    }

    @Test
    void palermoToCatania() {
        long palermo = GeoHash.encode(13.361389, 38.115556);
        long catania = GeoHash.encode(15.087269, 37.502669);
        double meters = GeoDistance.between(GeoHash.decodeLongitude(palermo), GeoHash.decodeLatitude(palermo),
                GeoHash.decodeLongitude(catania), GeoHash.decodeLatitude(catania));
        assertThat(GeoFormat.distance(meters)).isEqualTo("166274.1516");
        assertThat(GeoFormat.distance(meters / GeoUnit.KM.meters)).isEqualTo("166.2742");
    }

    @Test
    void samePointIsZero() {
        assertThat(GeoFormat.distance(GeoDistance.between(10, 20, 10, 20))).isEqualTo("0.0000");
    }
}
