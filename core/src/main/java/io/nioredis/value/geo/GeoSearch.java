package io.nioredis.value.geo;

import java.util.ArrayList;
import java.util.List;

/**
 * Redis's geohashCalculateAreasByShapeWGS84: from a shape, the geohash step and the nine cells (centre and
 * neighbours) whose score ranges hold every member the shape can hold, then the cells worth walking.
 */
public final class GeoSearch {
    private static final double MERCATOR_MAX = 20037726.37;

    /** The score ranges to walk for {@code shape}, in Redis's order. */
    public static GeoArea areas(GeoShape shape) {
        double longitude = shape.longitude();
        double latitude = shape.latitude();

        // The bounding box; its east-west extent is taken at the parallel farther from the equator.
        double latDelta = GeoDistance.degrees(shape.halfHeightMeters() / GeoDistance.EARTH_RADIUS_METERS);
        double halfWidth = shape.halfWidthMeters();
        double lonDeltaTop = GeoDistance.degrees(halfWidth / GeoDistance.EARTH_RADIUS_METERS
                / StrictMath.cos(GeoDistance.radians(latitude + latDelta)));
        double lonDeltaBottom = GeoDistance.degrees(halfWidth / GeoDistance.EARTH_RADIUS_METERS
                / StrictMath.cos(GeoDistance.radians(latitude - latDelta)));
        boolean southern = latitude < 0;
        double minLon = southern ? longitude - lonDeltaBottom : longitude - lonDeltaTop;
        double maxLon = southern ? longitude + lonDeltaBottom : longitude + lonDeltaTop;
        double minLat = latitude - latDelta;
        double maxLat = latitude + latDelta;

        int step = estimateStep(shape.reachMeters(), latitude);
        GeoHashCell centre = GeoHashCell.of(longitude, latitude, step);

        // Near a cell's edge the estimated step may leave part of the box outside the nine cells: one step less.
        boolean decrease = centre.move(0, 1).latitudeMax() < maxLat
                || centre.move(0, -1).latitudeMin() > minLat
                || centre.move(1, 0).longitudeMax() < maxLon
                || centre.move(-1, 0).longitudeMin() > minLon;
        if (step > 1 && decrease) {
            step--;
            centre = GeoHashCell.of(longitude, latitude, step);
        }

        GeoHashCell north = centre.move(0, 1);
        GeoHashCell south = centre.move(0, -1);
        GeoHashCell east = centre.move(1, 0);
        GeoHashCell west = centre.move(-1, 0);
        GeoHashCell northEast = centre.move(1, 1);
        GeoHashCell northWest = centre.move(-1, 1);
        GeoHashCell southEast = centre.move(1, -1);
        GeoHashCell southWest = centre.move(-1, -1);

        // Leave out the neighbours on a side where the centre cell already reaches past the bounding box.
        if (step >= 2) {
            if (centre.latitudeMin() < minLat) {
                south = southWest = southEast = GeoHashCell.NONE;
            }
            if (centre.latitudeMax() > maxLat) {
                north = northEast = northWest = GeoHashCell.NONE;
            }
            if (centre.longitudeMin() < minLon) {
                west = southWest = northWest = GeoHashCell.NONE;
            }
            if (centre.longitudeMax() > maxLon) {
                east = southEast = northEast = GeoHashCell.NONE;
            }
        }

        GeoHashCell[] order = {centre, north, south, east, west, northEast, northWest, southEast, southWest};
        List<GeoHashCell> walk = new ArrayList<>(9);
        // As Redis's membersOfAllNeighbors: skip a cell equal to the last one walked, unless that was the centre.
        int last = 0;
        for (int i = 0; i < order.length; i++) {
            if (order[i].isNone()) {
                continue;
            }
            if (last != 0 && order[i].equals(order[last])) {
                continue;
            }
            walk.add(order[i]);
            last = i;
        }
        return new GeoArea(step, walk, minLon, minLat, maxLon, maxLat);
    }

    /**
     * Redis's geohashEstimateStepsByRadius: the step (1..26) whose cells are about as large as the search reach,
     * one or two steps coarser near the poles, where cells narrow.
     */
    public static int estimateStep(double rangeMeters, double latitude) {
        if (rangeMeters == 0) {
            return GeoHash.STEP_MAX;
        }
        int step = 1;
        while (rangeMeters < MERCATOR_MAX) {
            rangeMeters *= 2;
            step++;
        }
        step -= 2;
        if (latitude > 66 || latitude < -66) {
            step--;
            if (latitude > 80 || latitude < -80) {
                step--;
            }
        }
        return Math.max(1, Math.min(GeoHash.STEP_MAX, step));
    }

    private GeoSearch() {
    }
}
