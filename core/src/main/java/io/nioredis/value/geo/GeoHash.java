package io.nioredis.value.geo;

/**
 * Redis's geohash: a longitude and latitude each scaled to a fixed point number of {@code step} bits and
 * interleaved, latitude bits in the even positions and longitude bits in the odd ones. A geo set's score is the
 * hash at the full step of 26, 52 bits, which a double holds exactly.
 *
 * <p>Every formula keeps Redis's order of floating point operations, so that encoding and decoding give the same
 * bits and the same doubles as Redis.
 */
public final class GeoHash {
    /** The step of the scores stored in a geo set: 26 bits per coordinate. */
    public static final int STEP_MAX = 26;

    /** The score GEOADD stores for a valid pair ({@link GeoCoordinates#isValid}). */
    public static long encode(double longitude, double latitude) {
        return encode(GeoCoordinates.LONGITUDE_MIN, GeoCoordinates.LONGITUDE_MAX, GeoCoordinates.LATITUDE_MIN,
                GeoCoordinates.LATITUDE_MAX, longitude, latitude, STEP_MAX);
    }

    /**
     * Redis's geohashEncode: the interleaved bits of the pair at {@code step} (1..32) within the given ranges, or
     * -1 when the pair is outside the geo set limits or outside the ranges. A coordinate at the top of its range
     * scales to 2^step, one bit above the step, as in Redis.
     */
    public static long encode(double lonMin, double lonMax, double latMin, double latMax, double longitude,
                              double latitude, int step) {
        if (!GeoCoordinates.isValid(longitude, latitude)
                || latitude < latMin || latitude > latMax || longitude < lonMin || longitude > lonMax) {
            return -1;
        }
        double latOffset = (latitude - latMin) / (latMax - latMin);
        double lonOffset = (longitude - lonMin) / (lonMax - lonMin);
        latOffset *= (double) (1L << step);
        lonOffset *= (double) (1L << step);
        return interleave((long) latOffset & 0xffffffffL, (long) lonOffset & 0xffffffffL);
    }

    /**
     * A stored score as the 64 bits Redis decodes: C's (uint64_t) conversion of the double as x86-64 compiles it,
     * a signed conversion (cvttsd2si, which gives 0x8000000000000000 for anything out of range or NaN) of the
     * score, or of the score less 2^63 with the top bit flipped back when the score is 2^63 or more.
     */
    public static long bitsOfScore(double score) {
        if (score >= 0x1p63) {
            return x86Truncate(score - 0x1p63) ^ Long.MIN_VALUE;
        }
        return x86Truncate(score);
    }

    private static long x86Truncate(double d) {
        return d >= 0x1p63 || d < -0x1p63 || Double.isNaN(d) ? Long.MIN_VALUE : (long) d;
    }

    /** The longitude GEOPOS reports for a score: its cell's centre, clamped into the geo set limits. */
    public static double decodeLongitude(long score) {
        long lon = deinterleave(score) >>> 32;
        double min = cellMin(GeoCoordinates.LONGITUDE_MIN, GeoCoordinates.LONGITUDE_MAX, lon, STEP_MAX);
        double max = cellMax(GeoCoordinates.LONGITUDE_MIN, GeoCoordinates.LONGITUDE_MAX, lon, STEP_MAX);
        return clamp((min + max) / 2, GeoCoordinates.LONGITUDE_MIN, GeoCoordinates.LONGITUDE_MAX);
    }

    /** The latitude GEOPOS reports for a score: its cell's centre, clamped into the geo set limits. */
    public static double decodeLatitude(long score) {
        long lat = deinterleave(score) & 0xffffffffL;
        double min = cellMin(GeoCoordinates.LATITUDE_MIN, GeoCoordinates.LATITUDE_MAX, lat, STEP_MAX);
        double max = cellMax(GeoCoordinates.LATITUDE_MIN, GeoCoordinates.LATITUDE_MAX, lat, STEP_MAX);
        return clamp((min + max) / 2, GeoCoordinates.LATITUDE_MIN, GeoCoordinates.LATITUDE_MAX);
    }

    /** The low edge of cell {@code index} (an unsigned 32-bit value) of a range cut in 2^step cells. */
    static double cellMin(double rangeMin, double rangeMax, long index, int step) {
        return rangeMin + (index * 1.0 / (double) (1L << step)) * (rangeMax - rangeMin);
    }

    /** The high edge of that cell; C's 32-bit "index + 1" wraps, and so does this. */
    static double cellMax(double rangeMin, double rangeMax, long index, int step) {
        return rangeMin + (((index + 1) & 0xffffffffL) * 1.0 / (double) (1L << step)) * (rangeMax - rangeMin);
    }

    private static double clamp(double v, double min, double max) {
        if (v > max) {
            v = max;
        }
        if (v < min) {
            v = min;
        }
        return v;
    }

    /** Bits of {@code even} (32 bits) in the even positions and of {@code odd} in the odd positions. */
    static long interleave(long even, long odd) {
        return spread(even) | (spread(odd) << 1);
    }

    /** The even-position bits in the low 32 bits, the odd-position bits in the high 32 bits. */
    static long deinterleave(long bits) {
        return squeeze(bits) | (squeeze(bits >>> 1) << 32);
    }

    private static long spread(long x) {
        x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
        x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
        x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x << 2)) & 0x3333333333333333L;
        x = (x | (x << 1)) & 0x5555555555555555L;
        return x;
    }

    private static long squeeze(long x) {
        x &= 0x5555555555555555L;
        x = (x | (x >>> 1)) & 0x3333333333333333L;
        x = (x | (x >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
        x = (x | (x >>> 4)) & 0x00FF00FF00FF00FFL;
        x = (x | (x >>> 8)) & 0x0000FFFF0000FFFFL;
        x = (x | (x >>> 16)) & 0x00000000FFFFFFFFL;
        return x;
    }

    private GeoHash() {
    }
}
