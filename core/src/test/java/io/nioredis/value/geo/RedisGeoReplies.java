package io.nioredis.value.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replies a real Redis 7.0.15 gave to GEO commands, captured by capture_geo_replies.py beside the fixture
 * (redis-geo-replies.tsv): the points it was given (P lines), GEODIST (D), and GEOSEARCH WITHDIST (S and M).
 */
final class RedisGeoReplies {

    record Point(String name, String longitude, String latitude, long score, String geoposLongitude,
                 String geoposLatitude, String geohash) {
    }

    static final List<Point> POINTS = new ArrayList<>();
    static final Map<String, Point> BY_NAME = new LinkedHashMap<>();
    static final List<String[]> DISTANCES = new ArrayList<>();
    static final List<String[]> SEARCHES = new ArrayList<>();

    static {
        try (var in = RedisGeoReplies.class.getResourceAsStream("redis-geo-replies.tsv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String s;
            while ((s = reader.readLine()) != null) {
                String[] f = s.split("\t", -1);
                switch (f[0]) {
                    case "P" -> {
                        Point p = new Point(f[1], f[2], f[3], Long.parseLong(f[4]), f[5], f[6], f[7]);
                        POINTS.add(p);
                        BY_NAME.put(p.name, p);
                    }
                    case "D" -> DISTANCES.add(f);
                    default -> SEARCHES.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RedisGeoReplies() {
    }
}
