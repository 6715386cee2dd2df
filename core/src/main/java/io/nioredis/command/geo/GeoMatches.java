package io.nioredis.command.geo;

import io.nioredis.value.ScoreRange;
import io.nioredis.value.SortedSetValue;
import io.nioredis.value.geo.GeoArea;
import io.nioredis.value.geo.GeoShape;

/**
 * The members a geo search found (Redis's geoArray): each member's rank in the set, its decoded position and its distance
 * from the centre in meters, in the order found, then sorted by distance. Reused by every search of one command:
 * {@link #collect} starts afresh, {@link #clear} forgets them afterwards. The ranks are valid while the set is unchanged.
 */
final class GeoMatches {
    private long[] ranks = new long[16];
    private double[] distances = new double[16];
    private double[] longitudes = new double[16];
    private double[] latitudes = new double[16];
    private int[] order = new int[16];
    private int[] scratch = new int[16];
    private int size;
    private final ScoreRange range = new ScoreRange();

    /**
     * Walks the area's score ranges in Redis's order, keeping every member inside the shape; with {@code limit}
     * above 0 (ANY), stops as soon as that many were found, as Redis does.
     */
    void collect(SortedSetValue zset, GeoArea area, GeoShape shape, long limit) {
        size = 0;
        long members = zset.size();
        for (int i = 0; i < area.count(); i++) {
            if (limit > 0 && size >= limit) {
                break;
            }
            double max = area.maxScore(i);
            range.set(area.minScore(i), false, max, true);
            long first = zset.firstRankInRange(range);
            for (long r = first; first >= 0 && r < members && zset.score(r) < max; r++) {
                double score = zset.score(r);
                double longitude = GeoScores.longitude(score);
                double latitude = GeoScores.latitude(score);
                double distance = shape.distanceIfInside(longitude, latitude);
                if (!GeoShape.isInside(distance)) {
                    continue;
                }
                add(r, longitude, latitude, distance);
                if (limit > 0 && size >= limit) {
                    break;
                }
            }
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
    }

    private void add(long rank, double longitude, double latitude, double distance) {
        if (size == ranks.length) {
            int capacity = size * 2;
            ranks = java.util.Arrays.copyOf(ranks, capacity);
            distances = java.util.Arrays.copyOf(distances, capacity);
            longitudes = java.util.Arrays.copyOf(longitudes, capacity);
            latitudes = java.util.Arrays.copyOf(latitudes, capacity);
            order = new int[capacity];
            scratch = new int[capacity];
        }
        ranks[size] = rank;
        longitudes[size] = longitude;
        latitudes[size] = latitude;
        distances[size] = distance;
        size++;
    }

    int size() {
        return size;
    }

    /**
     * Orders the matches by distance, nearest first or last. Stable, as glibc's qsort (a merge sort) is for the
     * arrays Redis sorts whole, so equal distances keep the order they were found in; with COUNT below the number
     * found Redis uses a partial quicksort, whose order of ties nothing promises.
     */
    void sort(boolean descending) {
        mergeSort(0, size, descending);
    }

    private void mergeSort(int from, int to, boolean descending) {
        if (to - from < 2) {
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(from, mid, descending);
        mergeSort(mid, to, descending);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            // glibc's merge takes the right element only when the comparator puts the left one after it; Redis's
            // comparator is 1 if greater, 0 if equal, -1 otherwise (so a NaN distance compares as less).
            int c = compare(distances[order[i]], distances[order[j]]);
            if (descending ? c < 0 : c > 0) {
                scratch[k++] = order[j++];
            } else {
                scratch[k++] = order[i++];
            }
        }
        while (i < mid) {
            scratch[k++] = order[i++];
        }
        while (j < to) {
            scratch[k++] = order[j++];
        }
        System.arraycopy(scratch, from, order, from, to - from);
    }

    private static int compare(double a, double b) {
        return a > b ? 1 : a == b ? 0 : -1;
    }

    /** The {@code i}-th match in the current order. */
    long rank(int i) {
        return ranks[order[i]];
    }

    double distance(int i) {
        return distances[order[i]];
    }

    double longitude(int i) {
        return longitudes[order[i]];
    }

    double latitude(int i) {
        return latitudes[order[i]];
    }

    void clear() {
        size = 0;
    }
}
