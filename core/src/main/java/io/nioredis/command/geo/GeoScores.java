package io.nioredis.command.geo;

import io.nioredis.value.geo.GeoHash;

/** A geo set member's score read back as Redis's decodeGeohash does: the centre of its cell. */
final class GeoScores {
    private GeoScores() {}

    static double longitude(double score) {
        return GeoHash.decodeLongitude(GeoHash.bitsOfScore(score));
    }

    static double latitude(double score) {
        return GeoHash.decodeLatitude(GeoHash.bitsOfScore(score));
    }
}
