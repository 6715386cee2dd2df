package io.nioredis.command.geo;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.value.SortedSetValue;
import io.nioredis.value.geo.GeoHash;
import io.nioredis.value.geo.GeoRadius;
import io.nioredis.value.geo.GeoSearch;
import io.nioredis.value.geo.GeoShape;
import io.nioredis.value.geo.GeoUnit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeoMatchesTest {
    private final SortedSetValue zset = new SortedSetValue("t".getBytes(StandardCharsets.US_ASCII));
    private final GeoMatches matches = new GeoMatches();

    private void add(String member, double longitude, double latitude) {
        byte[] m = member.getBytes(StandardCharsets.US_ASCII);
        zset.add(GeoHash.encode(longitude, latitude), m, 0, m.length, 128, 64);
    }

    private List<String> found() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < matches.size(); i++) {
            out.add(new String(zset.member(matches.rank(i)), StandardCharsets.US_ASCII));
        }
        return out;
    }

    @Test
    void equalDistancesKeepTheOrderFoundInBothDirections() {
        // As redis-server 7.0.15 (glibc's stable qsort): ASC d a b c, DESC a b c d.
        add("c", 13.4, 38.1);
        add("a", 13.4, 38.1);
        add("b", 13.4, 38.1);
        add("d", 13.38, 38.11);
        GeoShape shape = new GeoRadius(13.37, 38.11, 100, GeoUnit.KM);
        matches.collect(zset, GeoSearch.areas(shape), shape, 0);
        assertThat(found()).containsExactly("a", "b", "c", "d");
        matches.sort(false);
        assertThat(found()).containsExactly("d", "a", "b", "c");
        matches.collect(zset, GeoSearch.areas(shape), shape, 0);
        matches.sort(true);
        assertThat(found()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void anyStopsAtTheLimitAndManyMatchesGrowTheArrays() {
        for (int i = 0; i < 100; i++) {
            add("m" + i, 13 + i * 0.001, 38);
        }
        GeoShape shape = new GeoRadius(13, 38, 50, GeoUnit.KM);
        matches.collect(zset, GeoSearch.areas(shape), shape, 3);
        assertThat(matches.size()).isEqualTo(3);
        matches.collect(zset, GeoSearch.areas(shape), shape, 0);
        assertThat(matches.size()).isEqualTo(100);
        matches.sort(false);
        for (int i = 1; i < 100; i++) {
            assertThat(matches.distance(i)).isGreaterThanOrEqualTo(matches.distance(i - 1));
        }
        matches.clear();
        assertThat(matches.size()).isZero();
    }
}
