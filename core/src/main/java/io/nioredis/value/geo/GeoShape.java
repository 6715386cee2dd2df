package io.nioredis.value.geo;

/**
 * The area a GEOSEARCH (or GEORADIUS) looks in: a circle ({@link GeoRadius}) or a box ({@link GeoBox}) around a
 * centre, with sizes in a {@link GeoUnit}.
 */
public sealed interface GeoShape permits GeoRadius, GeoBox {

    double longitude();

    double latitude();

    GeoUnit unit();

    /**
     * The distance in meters from the centre to a member at the given (decoded) position if the shape holds it,
     * or a negative number if not. Divide by {@code unit().meters} for the distance Redis replies. (In Redis's own
     * degenerate case of a nearly antipodal point the haversine gives NaN and Redis keeps the member: so does this.)
     */
    double distanceIfInside(double longitude, double latitude);

    /** Whether a {@link #distanceIfInside} answer means inside (NaN included, as Redis keeps such a member). */
    static boolean isInside(double distanceIfInside) {
        return !(distanceIfInside < 0);
    }

    /** Half the north-south extent in meters: the radius, or half the height. */
    double halfHeightMeters();

    /** Half the east-west extent in meters: the radius, or half the width. */
    double halfWidthMeters();

    /** The distance from the centre to the farthest corner, in meters, from which Redis estimates the step. */
    double reachMeters();
}
