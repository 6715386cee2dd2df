package io.nioredis.command.geo;

import io.nioredis.value.ScoreRange;
import io.nioredis.value.SkipList;
import io.nioredis.value.SortedSetValue;
import io.nioredis.value.geo.GeoArea;
import io.nioredis.value.geo.GeoShape;

/**
 * The members a geo search found (Redis's geoArray): each member's node, its decoded position and its distance
 * from the centre in meters, in the order found, then sorted by distance. Reused by every search of one command:
 * {@link #collect} starts afresh, {@link #clear} drops the node references afterwards.
 */
final class GeoMatches {
    private SkipList.Node[] nodes = new SkipList.Node[16];
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
        SkipList list = zset.list();
        for (int i = 0; i < area.count(); i++) {
            if (limit > 0 && size >= limit) {
                break;
            }
            double max = area.maxScore(i);
            range.set(area.minScore(i), false, max, true);
            for (SkipList.Node n = list.firstInRange(range); n != null && n.score() < max; n = n.next()) {
                double longitude = GeoScores.longitude(n.score());
                double latitude = GeoScores.latitude(n.score());
                double distance = shape.distanceIfInside(longitude, latitude);
                if (!GeoShape.isInside(distance)) {
                    continue;
                }
                add(n, longitude, latitude, distance);
                if (limit > 0 && size >= limit) {
                    break;
                }
            }
        }
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
    }

    private void add(SkipList.Node node, double longitude, double latitude, double distance) {
        if (size == nodes.length) {
            int capacity = size * 2;
            nodes = java.util.Arrays.copyOf(nodes, capacity);
            distances = java.util.Arrays.copyOf(distances, capacity);
            longitudes = java.util.Arrays.copyOf(longitudes, capacity);
            latitudes = java.util.Arrays.copyOf(latitudes, capacity);
            order = new int[capacity];
            scratch = new int[capacity];
        }
        nodes[size] = node;
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
    SkipList.Node node(int i) {
        return nodes[order[i]];
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
        java.util.Arrays.fill(nodes, 0, size, null);
        size = 0;
    }
}
