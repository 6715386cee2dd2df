package io.nioredis.value.geo;

/** A circle of {@code radius} units around a centre: BYRADIUS, GEORADIUS. */
public record GeoRadius(double longitude, double latitude, double radius, GeoUnit unit) implements GeoShape {

    @Override
    public double distanceIfInside(double lon, double lat) {
        double distance = GeoDistance.between(longitude, latitude, lon, lat);
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
}
