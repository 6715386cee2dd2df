package io.nioredis.value.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GeoSearchTest {

    /** A sorted set's view for the search: score to the members holding it. */
    private static TreeMap<Long, List<String>> sortedSet(Map<String, Long> scores) {
        TreeMap<Long, List<String>> zset = new TreeMap<>();
        scores.forEach((member, score) -> zset.computeIfAbsent(score, s -> new ArrayList<>()).add(member));
        return zset;
    }

    /** GEOSEARCH as the command layer is to run it: walk the ranges in order, keep the members inside. */
    private static List<String[]> search(TreeMap<Long, List<String>> zset, GeoShape shape) {
        GeoArea area = GeoSearch.areas(shape);
        List<String[]> hits = new ArrayList<>();
        for (int i = 0; i < area.count(); i++) {
            for (var entry : zset.subMap(area.minScore(i), true, area.maxScore(i), false).entrySet()) {
                double lon = GeoHash.decodeLongitude(entry.getKey());
                double lat = GeoHash.decodeLatitude(entry.getKey());
                double meters = shape.distanceIfInside(lon, lat);
                if (GeoShape.isInside(meters)) {
                    for (String member : entry.getValue()) {
                        hits.add(new String[] {member, GeoFormat.distance(meters / shape.unit().meters)});
                    }
                }
            }
        }
        return hits;
    }

    private static String joined(List<String[]> hits) {
        List<String> pairs = new ArrayList<>();
        hits.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        for (String[] h : hits) {
            pairs.add(h[0] + "=" + h[1]);
        }
        return String.join(",", pairs);
    }

    @Test
    void geosearchAnswersAsRedisDid() {
        Map<String, Long> scores = new java.util.HashMap<>();
        RedisGeoReplies.POINTS.forEach(p -> scores.put(p.name(), p.score()));
        TreeMap<Long, List<String>> zset = sortedSet(scores);
        assertThat(RedisGeoReplies.SEARCHES).hasSizeGreaterThan(600);
        int nonEmpty = 0;
        for (String[] s : RedisGeoReplies.SEARCHES) {
            double lon;
            double lat;
            int i;
            if (s[0].equals("S")) {
                lon = Double.parseDouble(s[1]);
                lat = Double.parseDouble(s[2]);
                i = 3;
            } else {
                long score = RedisGeoReplies.BY_NAME.get(s[1]).score();
                lon = GeoHash.decodeLongitude(score);
                lat = GeoHash.decodeLatitude(score);
                i = 2;
            }
            GeoShape shape = s[i].equals("BYRADIUS")
                    ? new GeoRadius(lon, lat, Double.parseDouble(s[i + 1]), unit(s[i + 2]))
                    : new GeoBox(lon, lat, Double.parseDouble(s[i + 1]), Double.parseDouble(s[i + 2]), unit(s[i + 3]));
            String expected = s[s.length - 1];
            nonEmpty += expected.isEmpty() ? 0 : 1;
            assertThat(joined(search(zset, shape))).as(String.join(" ", s).substring(0, Math.min(80, String.join(" ", s).length()))).isEqualTo(expected);
        }
        assertThat(nonEmpty).isGreaterThan(400);
    }

    private static GeoUnit unit(String name) {
        return GeoUnit.parse(name.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void findsEveryMemberInsideTheShape() {
        // CI plays one fixed seed, so that it fails only when the search changed; elsewhere every run explores a
        // new one. The exact shape is a stricter oracle than Redis at the pole's edge: seed 90575680605288 put
        // m75 at (14.1252, -85.0511) inside a 1,240 km radius around (-13.1920, -79.1278), and redis-server
        // 7.0.15's GEOSEARCH of that radius does not find it either.
        long seed = Long.getLong("seed", "true".equals(System.getenv("CI")) ? 20261202L : System.nanoTime());
        System.out.println("GeoSearchTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 300; round++) {
            double clon = random.nextDouble() * 360 - 180;
            double clat = (random.nextDouble() * 2 - 1) * (random.nextBoolean() ? 85 : 60);
            double spread = new double[] {0.01, 0.3, 3, 30}[random.nextInt(4)];
            Map<String, Long> scores = new java.util.HashMap<>();
            for (int i = 0; i < 300; i++) {
                double lon = clon + random.nextGaussian() * spread;
                // Not exactly on the east or north limit: no search finds those (see the test below).
                lon = lon >= 180 ? lon - 360 : lon < -180 ? lon + 360 : lon;
                double lat = Math.max(GeoCoordinates.LATITUDE_MIN,
                        Math.min(85.05112877, clat + random.nextGaussian() * spread));
                scores.put("m" + i, GeoHash.encode(lon, lat));
            }
            double size = spread * 111_000 * random.nextDouble() * 2;
            GeoUnit unit = GeoUnit.values()[random.nextInt(4)];
            GeoShape shape = random.nextBoolean()
                    ? new GeoRadius(clon, clat, size / unit.meters, unit)
                    : new GeoBox(clon, clat, 2 * size / unit.meters, size * random.nextDouble() * 3 / unit.meters, unit);

            Set<String> found = new HashSet<>();
            for (String[] hit : search(sortedSet(scores), shape)) {
                assertThat(found.add(hit[0])).as("seed %d: %s found twice in %s", seed, hit[0], shape).isTrue();
            }
            for (var e : scores.entrySet()) {
                double lon = GeoHash.decodeLongitude(e.getValue());
                double lat = GeoHash.decodeLatitude(e.getValue());
                boolean inside = GeoShape.isInside(shape.distanceIfInside(lon, lat));
                assertThat(found.contains(e.getKey())).as("seed %d: %s at %s,%s in %s", seed, e.getKey(), lon, lat, shape)
                        .isEqualTo(inside);
            }
        }
    }

    @Test
    void membersOnTheEastOrNorthLimitAreNeverFound() {
        // Their scores carry the bit above the 52 (the coordinate scales to 2^26), past every cell's range.
        // Checked against redis-server 7.0.15: GEOADD k 180 0 e 179.999 0 f;
        // GEOSEARCH k FROMLONLAT 179.99 0 BYRADIUS 10 km finds only f.
        TreeMap<Long, List<String>> zset = sortedSet(Map.of("e", GeoHash.encode(180, 0),
                "f", GeoHash.encode(179.999, 0), "n", GeoHash.encode(0, GeoCoordinates.LATITUDE_MAX)));
        assertThat(joined(search(zset, new GeoRadius(179.99, 0, 10, GeoUnit.KM)))).isEqualTo("f=1.0010");
        assertThat(search(zset, new GeoRadius(0, 85, 100, GeoUnit.KM))).isEmpty();
    }

    @Test
    void stepFollowsTheRadius() {
        assertThat(GeoSearch.estimateStep(0, 0)).isEqualTo(26);
        assertThat(GeoSearch.estimateStep(1, 0)).isEqualTo(24);
        assertThat(GeoSearch.estimateStep(1000, 0)).isEqualTo(14);
        assertThat(GeoSearch.estimateStep(1000, 70)).isEqualTo(13);
        assertThat(GeoSearch.estimateStep(1000, -81)).isEqualTo(12);
        assertThat(GeoSearch.estimateStep(50_000_000, 0)).isEqualTo(1);
    }

    @Test
    void walksTheCentreCellFirst() {
        GeoArea area = GeoSearch.areas(new GeoRadius(13.361389, 38.115556, 10, GeoUnit.KM));
        long score = GeoHash.encode(13.361389, 38.115556);
        assertThat(area.count()).isBetween(1, 9);
        assertThat(score).isGreaterThanOrEqualTo(area.minScore(0)).isLessThan(area.maxScore(0));
    }
}
