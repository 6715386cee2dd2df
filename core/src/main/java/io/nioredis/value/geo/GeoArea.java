package io.nioredis.value.geo;

import java.util.List;

/**
 * The score ranges a search walks, in Redis's order (the centre cell, then north, south, east, west, north-east,
 * north-west, south-east, south-west), each range [min, max) to be read from the sorted set with min included
 * and max excluded. Redis leaves out the neighbours that cannot reach the shape and a neighbour equal to the one
 * walked just before it; it does not leave out other repeats (possible with huge shapes), and neither does this,
 * so a member may be found twice exactly when Redis finds it twice.
 *
 * <p>With ANY and COUNT n, Redis stops before walking the next range once n members were found, and stops
 * walking a range as soon as the n-th member is found.
 */
public record GeoArea(int step, List<GeoHashCell> cells, double minLongitude, double minLatitude,
                      double maxLongitude, double maxLatitude) {

    public GeoArea {
        cells = List.copyOf(cells);
    }

    /** The number of score ranges to walk. */
    public int count() {
        return cells.size();
    }

    /** The lowest score of range {@code i}, included. */
    public long minScore(int i) {
        return cells.get(i).minScore();
    }

    /** The score past range {@code i}, excluded. */
    public long maxScore(int i) {
        return cells.get(i).maxScore();
    }
}
