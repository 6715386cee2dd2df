/**
 * Geo: the coordinates, geohash scores, distances and search areas of Redis 7.0's GEO commands (src/geohash.c,
 * src/geohash_helper.c, src/geo.c), computed as Redis computes them so that replies match byte for byte.
 *
 * <p>A geo set is a sorted set whose scores are 52-bit interleaved geohashes ({@link GeoHash#encode}). GEOPOS
 * decodes a score to its cell centre ({@link GeoHash#decodeLongitude}, {@link GeoHash#decodeLatitude}) and prints
 * it with {@link GeoFormat#coordinate}; GEODIST uses {@link GeoDistance#between} and {@link GeoFormat#distance};
 * GEOHASH uses {@link GeoHashString#of}. A search builds a {@link GeoShape} ({@link GeoRadius} or {@link GeoBox}),
 * asks {@link GeoSearch#areas} for the score ranges to walk, in Redis's order, and keeps each member whose decoded
 * position passes {@link GeoShape#distanceIfInside}. Nothing here knows of keys or replies.
 */
package io.nioredis.value.geo;
