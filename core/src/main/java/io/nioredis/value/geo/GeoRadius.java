package io.nioredis.value.geo;

/**
 * A circle of {@code radius} units around a centre: BYRADIUS, GEORADIUS.
 *
 * <p>Redis computes the exact distance of every candidate in the searched cells, five calls to libm each, and
 * most candidates lie outside the circle. Only their rejection is needed, so a test without any trigonometry
 * comes first: the haversine term {@code sin²(Δφ/2) + cos φ1 cos φ2 sin²(Δλ/2)} bounded from below, with
 * {@code x - x³/6} for each sine and the smallest cosine the latitude band allows, against the circle's own term
 * with a margin far wider than any rounding. What remains, the members inside and those just outside (by a
 * ten-thousandth of a 2 km radius at 38 degrees, the band's cosines differing that much), takes Redis's
 * formula, so every answer is Redis's.
 */
public final class GeoRadius implements GeoShape {
    /** Relative slack of the cheap test: rounding moves either side by ~1e-15, so 1e-6 never rejects a member. */
    private static final double SLACK = 1 + 1e-6;

    private final double longitude;
    private final double latitude;
    private final double radius;
    private final GeoUnit unit;
    private final double centreLongitudeRadians;
    private final double centreLatitudeRadians;
    private final double centreLatitudeCos;
    /** Half the central angle of the radius, with the slack: half-latitude differences beyond it are outside. */
    private final double halfAngleReach;
    /** The least {@code cos φ1 cos φ2} of a point in the latitude band, a little under. */
    private final double leastCosProduct;
    /** Haversine terms beyond this are outside; infinite for a radius of half the globe or more. */
    private final double haversineReach;

    public GeoRadius(double longitude, double latitude, double radius, GeoUnit unit) {
        this.longitude = longitude;
        this.latitude = latitude;
        this.radius = radius;
        this.unit = unit;
        double halfAngle = radius * unit.meters / GeoDistance.EARTH_RADIUS_METERS / 2;
        centreLongitudeRadians = GeoDistance.radians(longitude);
        centreLatitudeRadians = GeoDistance.radians(latitude);
        centreLatitudeCos = StrictMath.cos(centreLatitudeRadians);
        halfAngleReach = halfAngle * SLACK;
        double farthestLatitude = Math.abs(centreLatitudeRadians) + 2 * halfAngleReach;
        leastCosProduct = farthestLatitude >= Math.PI / 2 ? 0
                : centreLatitudeCos * Math.cos(farthestLatitude) / SLACK;
        double sin = Math.sin(halfAngle);
        boolean halfGlobe = halfAngle >= Math.PI / 2 * 0.99 || !(halfAngle >= 0); // sin² stops growing at pi/2
        haversineReach = halfGlobe ? Double.POSITIVE_INFINITY : sin * sin * SLACK;
    }

    public double longitude() {
        return longitude;
    }

    public double latitude() {
        return latitude;
    }

    public double radius() {
        return radius;
    }

    public GeoUnit unit() {
        return unit;
    }

    @Override
    public double distanceIfInside(double lon, double lat) {
        double latitudeRadians = GeoDistance.radians(lat);
        double y = Math.abs(latitudeRadians - centreLatitudeRadians) / 2;
        if (y > halfAngleReach) {
            return -1; // the great circle is at least as long as the difference in latitude
        }
        double x = Math.abs(GeoDistance.radians(lon) - centreLongitudeRadians) / 2; // up to pi
        if (x > Math.PI / 2) {
            x = Math.max(0, Math.PI - x - 1e-15); // sin x = sin(pi - x); Math.PI is 1.2e-16 off pi
        }
        double sinY = y * (1 - y * y / 6); // at most sin y on [0, pi/2], as the series alternates
        double sinX = x * (1 - x * x / 6);
        if (sinY * sinY + leastCosProduct * sinX * sinX > haversineReach) {
            return -1;
        }
        double distance = GeoDistance.between(longitude, centreLatitudeCos, latitude, lon, lat);
        return distance > radius * unit.meters ? -1 : distance;
    }

    @Override
    public double halfHeightMeters() {
        return unit.meters * radius;
    }

    @Override
    public double halfWidthMeters() {
        return unit.meters * radius;
    }

    @Override
    public double reachMeters() {
        return radius * unit.meters;
    }

    @Override
    public String toString() {
        return "GeoRadius[longitude=" + longitude + ", latitude=" + latitude + ", radius=" + radius
                + ", unit=" + unit + "]";
    }
}
