package io.nioredis.value.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The circle's cheap rejections never change an answer: every test agrees bit for bit with Redis's formula alone. */
class GeoRadiusTest {

    @Test
    void agreesWithTheExactFormulaEverywhereAndAtTheEdge() {
        SplittableRandom random = new SplittableRandom(20261201);
        GeoUnit[] units = GeoUnit.values();
        long inside = 0;
        long outside = 0;
        for (int c = 0; c < 3_000; c++) {
            // a third of the circles small and on the antimeridian, where longitudes differ by nearly 360 degrees
            boolean antimeridian = c % 3 == 0;
            double lon = antimeridian
                    ? Math.copySign(180 - Math.pow(10, random.nextDouble(-9, -2)), random.nextDouble(-1, 1))
                    : random.nextDouble(-180, 180);
            double lat = random.nextDouble(-85.05, 85.05);
            GeoUnit unit = units[random.nextInt(units.length)];
            double meters = Math.pow(10, antimeridian ? random.nextDouble(-1, 5) // 10 cm to 100 km
                    : random.nextDouble(-1, 7.5)); // to beyond half the globe
            GeoRadius shape = new GeoRadius(lon, lat, meters / unit.meters, unit);
            for (int p = 0; p < 200; p++) {
                double[] point = p % 4 == 0 ? anywhere(random) : nearTheEdge(random, lon, lat, meters);
                double expected = exact(shape, point[0], point[1]);
                double actual = shape.distanceIfInside(point[0], point[1]);
                assertThat(actual).as("%s at %s,%s", shape, point[0], point[1]).isEqualTo(expected);
                if (GeoShape.isInside(expected)) {
                    inside++;
                } else {
                    outside++;
                }
            }
        }
        assertThat(inside).isGreaterThan(50_000);
        assertThat(outside).isGreaterThan(50_000);
    }

    @Test
    void aZeroRadiusHoldsOnlyTheCentre() {
        GeoRadius shape = new GeoRadius(13.5, 38.5, 0, GeoUnit.M);
        assertThat(shape.distanceIfInside(13.5, 38.5)).isEqualTo(0.0);
        assertThat(shape.distanceIfInside(Math.nextUp(13.5), 38.5)).isEqualTo(-1);
        assertThat(shape.distanceIfInside(13.5, Math.nextDown(38.5))).isEqualTo(-1);
    }

    /** Redis's geohashGetDistanceIfInRadiusWGS84: the distance, or outside if it exceeds the radius. */
    private static double exact(GeoRadius shape, double lon, double lat) {
        double d = GeoDistance.between(shape.longitude(), shape.latitude(), lon, lat);
        return d > shape.radius() * shape.unit().meters ? -1 : d;
    }

    private static double[] anywhere(SplittableRandom random) {
        return new double[] {random.nextDouble(-180, 180), random.nextDouble(-85.05, 85.05)};
    }

    /** A point at the radius, give or take a relative 1e-16 to 1e-3, in a random direction. */
    private static double[] nearTheEdge(SplittableRandom random, double lon, double lat, double meters) {
        double off = Math.pow(10, random.nextDouble(-16, -3)) * (random.nextBoolean() ? 1 : -1);
        double angle = meters * (1 + off) / GeoDistance.EARTH_RADIUS_METERS;
        double bearing = random.nextDouble(0, 2 * Math.PI);
        double phi = Math.toRadians(lat);
        double lambda = Math.toRadians(lon);
        double phi2 = Math.asin(Math.sin(phi) * Math.cos(angle) + Math.cos(phi) * Math.sin(angle) * Math.cos(bearing));
        double lambda2 = lambda + Math.atan2(Math.sin(bearing) * Math.sin(angle) * Math.cos(phi),
                Math.cos(angle) - Math.sin(phi) * Math.sin(phi2));
        double lon2 = Math.toDegrees(lambda2);
        lon2 = lon2 > 180 ? lon2 - 360 : lon2 < -180 ? lon2 + 360 : lon2;
        return new double[] {lon2, Math.toDegrees(phi2)};
    }
}
