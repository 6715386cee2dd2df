package io.nioredis.value.geo;

/**
 * A geohash cell of {@code step} bits per coordinate (Redis's GeoHashBits): the search walks the centre cell and
 * its eight neighbours. Step 0 with bits 0 is Redis's "zeroed" cell, one the search leaves out.
 */
public record GeoHashCell(long bits, int step) {
    static final GeoHashCell NONE = new GeoHashCell(0, 0);

    /** The cell holding a valid pair at {@code step}, within the geo set limits. */
    static GeoHashCell of(double longitude, double latitude, int step) {
        return new GeoHashCell(GeoHash.encode(GeoCoordinates.LONGITUDE_MIN, GeoCoordinates.LONGITUDE_MAX,
                GeoCoordinates.LATITUDE_MIN, GeoCoordinates.LATITUDE_MAX, longitude, latitude, step), step);
    }

    boolean isNone() {
        return bits == 0 && step == 0;
    }

    /** The lowest 52-bit score inside this cell. */
    public long minScore() {
        return bits << (52 - step * 2);
    }

    /** The lowest 52-bit score past this cell (excluded from it). */
    public long maxScore() {
        return (bits + 1) << (52 - step * 2);
    }

    double longitudeMin() {
        return GeoHash.cellMin(GeoCoordinates.LONGITUDE_MIN, GeoCoordinates.LONGITUDE_MAX, lonIndex(), step);
    }

    double longitudeMax() {
        return GeoHash.cellMax(GeoCoordinates.LONGITUDE_MIN, GeoCoordinates.LONGITUDE_MAX, lonIndex(), step);
    }

    double latitudeMin() {
        return GeoHash.cellMin(GeoCoordinates.LATITUDE_MIN, GeoCoordinates.LATITUDE_MAX, latIndex(), step);
    }

    double latitudeMax() {
        return GeoHash.cellMax(GeoCoordinates.LATITUDE_MIN, GeoCoordinates.LATITUDE_MAX, latIndex(), step);
    }

    private long lonIndex() {
        return GeoHash.deinterleave(bits) >>> 32;
    }

    private long latIndex() {
        return GeoHash.deinterleave(bits) & 0xffffffffL;
    }

    /**
     * The neighbour {@code dx} cells east (-1 west) and {@code dy} cells north (-1 south), wrapping around at the
     * edges as Redis's geohash_move_x/geohash_move_y do (so across the antimeridian, and from top to bottom).
     */
    GeoHashCell move(int dx, int dy) {
        return new GeoHashCell(moveY(moveX(bits, dx), dy), step);
    }

    private long moveX(long hash, int d) {
        if (d == 0) {
            return hash;
        }
        long x = hash & 0xaaaaaaaaaaaaaaaaL;
        long y = hash & 0x5555555555555555L;
        long zz = 0x5555555555555555L >>> (64 - step * 2);
        if (d > 0) {
            x = x + (zz + 1);
        } else {
            x = x | zz;
            x = x - (zz + 1);
        }
        x &= 0xaaaaaaaaaaaaaaaaL >>> (64 - step * 2);
        return x | y;
    }

    private long moveY(long hash, int d) {
        if (d == 0) {
            return hash;
        }
        long x = hash & 0xaaaaaaaaaaaaaaaaL;
        long y = hash & 0x5555555555555555L;
        long zz = 0xaaaaaaaaaaaaaaaaL >>> (64 - step * 2);
        if (d > 0) {
            y = y + (zz + 1);
        } else {
            y = y | zz;
            y = y - (zz + 1);
        }
        y &= 0x5555555555555555L >>> (64 - step * 2);
        return x | y;
    }
}
