package io.nioredis.value.geo;

/**
 * The coordinates a geo set can hold: all longitudes, and latitudes within the Web Mercator limits (EPSG:900913),
 * which leave out the poles.
 */
public final class GeoCoordinates {
    public static final double LONGITUDE_MIN = -180;
    public static final double LONGITUDE_MAX = 180;
    public static final double LATITUDE_MIN = -85.05112878;
    public static final double LATITUDE_MAX = 85.05112878;

    /** Whether GEOADD and FROMLONLAT accept the pair; if not, reply Redis's invalid pair error with {@link GeoFormat#printfDefault} numbers. */
    public static boolean isValid(double longitude, double latitude) {
        return !(longitude < LONGITUDE_MIN || longitude > LONGITUDE_MAX
                || latitude < LATITUDE_MIN || latitude > LATITUDE_MAX);
    }

    private GeoCoordinates() {
    }
}
