package io.nioredis.value.geo;

/**
 * A box {@code width} by {@code height} units around a centre: BYBOX. Its sides follow the meridian and the
 * parallel through the member, as Redis 7.0 measures them: a member is inside when its distance along its own
 * parallel to the centre's meridian is within half the width, and its distance along its meridian to the
 * centre's parallel within half the height.
 */
public record GeoBox(double longitude, double latitude, double width, double height, GeoUnit unit)
        implements GeoShape {

    @Override
    public double distanceIfInside(double lon, double lat) {
        double widthMeters = width * unit.meters;
        double heightMeters = height * unit.meters;
        double lonDistance = GeoDistance.between(lon, lat, longitude, lat);
        double latDistance = GeoDistance.between(lon, lat, lon, latitude);
        if (lonDistance > widthMeters / 2 || latDistance > heightMeters / 2) {
            return -1;
        }
        return GeoDistance.between(longitude, latitude, lon, lat);
    }

    @Override
    public double halfHeightMeters() {
        return unit.meters * (height / 2);
    }

    @Override
    public double halfWidthMeters() {
        return unit.meters * (width / 2);
    }

    @Override
    public double reachMeters() {
        return Math.sqrt((width / 2) * (width / 2) + (height / 2) * (height / 2)) * unit.meters;
    }
}
