package io.nioredis.value.geo;

/**
 * Great circle distances as Redis 7.0 computes them: the haversine formula on a sphere of Redis's earth radius,
 * with Redis's order of operations. StrictMath keeps the results the same on every JVM and platform.
 */
public final class GeoDistance {
    /** Earth's quadratic mean radius for WGS-84, in meters, as Redis uses it. */
    public static final double EARTH_RADIUS_METERS = 6372797.560856;

    private static final double DEGREES_TO_RADIANS = Math.PI / 180.0;

    /** The distance in meters between two points given in degrees. */
    public static double between(double lon1, double lat1, double lon2, double lat2) {
        return between(lon1, StrictMath.cos(radians(lat1)), lat1, lon2, lat2);
    }

    /**
     * {@link #between} from a centre whose latitude's cosine is already known ({@code cosLat1}), as a search
     * computes it once for all its members.
     */
    static double between(double lon1, double cosLat1, double lat1, double lon2, double lat2) {
        double lat1r = radians(lat1);
        double lon1r = radians(lon1);
        double lat2r = radians(lat2);
        double lon2r = radians(lon2);
        double u = StrictMath.sin((lat2r - lat1r) / 2);
        double v = StrictMath.sin((lon2r - lon1r) / 2);
        return 2.0 * EARTH_RADIUS_METERS
                * StrictMath.asin(StrictMath.sqrt(u * u + cosLat1 * StrictMath.cos(lat2r) * v * v));
    }

    static double radians(double degrees) {
        return degrees * DEGREES_TO_RADIANS;
    }

    static double degrees(double radians) {
        return radians / DEGREES_TO_RADIANS;
    }

    private GeoDistance() {
    }
}
