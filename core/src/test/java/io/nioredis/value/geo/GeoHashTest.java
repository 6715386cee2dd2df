package io.nioredis.value.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GeoHashTest {

    @Test
    void palermoAsInRedisDocumentation() {
        long score = GeoHash.encode(13.361389, 38.115556);
        assertThat(score).isEqualTo(3479099956230698L);
        assertThat(GeoFormat.coordinate(GeoHash.decodeLongitude(score))).isEqualTo("13.36138933897018433");
        assertThat(GeoFormat.coordinate(GeoHash.decodeLatitude(score))).isEqualTo("38.11555639549629859");
        assertThat(new String(GeoHashString.of(score), StandardCharsets.US_ASCII)).isEqualTo("sqc8b49rny0");
    }

    @Test
    void scoresPositionsAndGeohashesAsRedisGave() {
        assertThat(RedisGeoReplies.POINTS).hasSizeGreaterThanOrEqualTo(500);
        for (var p : RedisGeoReplies.POINTS) {
            double lon = Double.parseDouble(p.longitude());
            double lat = Double.parseDouble(p.latitude());
            assertThat(GeoCoordinates.isValid(lon, lat)).isTrue();
            long score = GeoHash.encode(lon, lat);
            assertThat(score).as(p.toString()).isEqualTo(p.score());
            assertThat(GeoFormat.coordinate(GeoHash.decodeLongitude(score))).as(p.toString())
                    .isEqualTo(p.geoposLongitude());
            assertThat(GeoFormat.coordinate(GeoHash.decodeLatitude(score))).as(p.toString())
                    .isEqualTo(p.geoposLatitude());
            assertThat(new String(GeoHashString.of(score), StandardCharsets.US_ASCII)).as(p.toString())
                    .isEqualTo(p.geohash());
        }
    }

    @Test
    void theTopEdgesScaleOneBitAboveTheStepAndDecodeClamped() {
        // Redis stores 2^53 + 2^52 for (180, 85.05112878) and reports it back clamped into the limits.
        long score = GeoHash.encode(180, GeoCoordinates.LATITUDE_MAX);
        assertThat(score).isEqualTo(13510798882111488L);
        assertThat(GeoHash.decodeLongitude(score)).isEqualTo(180.0);
        assertThat(GeoFormat.coordinate(GeoHash.decodeLatitude(score))).isEqualTo("85.0511287799999991");
    }

    @Test
    void refusesPairsOutsideTheLimits() {
        assertThat(GeoHash.encode(180.0000001, 0)).isEqualTo(-1);
        assertThat(GeoHash.encode(0, -85.06)).isEqualTo(-1);
        assertThat(GeoCoordinates.isValid(Double.POSITIVE_INFINITY, 0)).isFalse();
    }

    @Test
    void interleavingRoundTrips() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("GeoHashTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            long even = random.nextLong() & 0xffffffffL;
            long odd = random.nextLong() & 0xffffffffL;
            long bits = GeoHash.interleave(even, odd);
            for (int b = 0; b < 32; b++) {
                assertThat((bits >>> (2 * b)) & 1).as("seed %d", seed).isEqualTo((even >>> b) & 1);
                assertThat((bits >>> (2 * b + 1)) & 1).as("seed %d", seed).isEqualTo((odd >>> b) & 1);
            }
            assertThat(GeoHash.deinterleave(bits)).isEqualTo(even | (odd << 32));
        }
    }

    @Test
    void decodedPositionsStayInTheirCell() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("GeoHashTest seed " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 10_000; i++) {
            double lon = random.nextDouble() * 360 - 180;
            double lat = (random.nextDouble() * 2 - 1) * GeoCoordinates.LATITUDE_MAX;
            long score = GeoHash.encode(lon, lat);
            assertThat(score).isBetween(0L, (1L << 52) - 1);
            double dlon = GeoHash.decodeLongitude(score);
            double dlat = GeoHash.decodeLatitude(score);
            assertThat(Math.abs(dlon - lon)).as("seed %d", seed).isLessThanOrEqualTo(360.0 / (1 << 26));
            assertThat(Math.abs(dlat - lat)).as("seed %d", seed).isLessThanOrEqualTo(171.0 / (1 << 26));
            assertThat(GeoHash.encode(dlon, dlat)).as("seed %d", seed).isEqualTo(score);
        }
    }

    @Test
    void scoresReadAsCDoes() {
        assertThat(GeoHash.bitsOfScore(3479099956230698.0)).isEqualTo(3479099956230698L);
        assertThat(GeoHash.bitsOfScore(-1.0)).isEqualTo(-1L);
        assertThat(GeoHash.bitsOfScore(0x1p63)).isEqualTo(Long.MIN_VALUE);
        assertThat(GeoHash.bitsOfScore(2.5)).isEqualTo(2L);
        assertThat(GeoHash.bitsOfScore(1e300)).as("out of range: x86 gives 2^63, flipped back to 0").isZero();
        assertThat(GeoHash.bitsOfScore(-1e300)).isEqualTo(Long.MIN_VALUE);
    }
}
