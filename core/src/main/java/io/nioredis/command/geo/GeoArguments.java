package io.nioredis.command.geo;

import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.text.FloatArgument;
import io.nioredis.value.geo.GeoCoordinates;
import io.nioredis.value.geo.GeoFormat;
import io.nioredis.value.geo.GeoUnit;

/**
 * The argument readers geo.c shares among its commands, each replying Redis's error itself ("...OrReply"):
 * a longitude and latitude, a radius with its unit, a box with its unit.
 */
final class GeoArguments {
    private GeoArguments() {}

    /**
     * Redis's extractLongLatOrReply: two floats at {@code arg} and {@code arg + 1} into {@code xy}, within the geo
     * set limits; false after replying.
     */
    static boolean lonLatOrReply(Request request, int arg, double[] xy, RespWriter out) {
        for (int i = 0; i < 2; i++) {
            xy[i] = FloatArgument.strict(request.array(), request.offset(arg + i), request.length(arg + i));
            if (Double.isNaN(xy[i])) {
                out.raw(Errors.NOT_A_VALID_FLOAT);
                return false;
            }
        }
        if (!GeoCoordinates.isValid(xy[0], xy[1])) {
            out.error(Errors.invalidLonLatPair(GeoFormat.printfDefault(xy[0]), GeoFormat.printfDefault(xy[1])));
            return false;
        }
        return true;
    }

    /** Redis's extractUnitOrReply (m, km, ft, mi in any case); null after replying. */
    static GeoUnit unitOrReply(Request request, int arg, RespWriter out) {
        GeoUnit unit = GeoUnit.parse(request.array(), request.offset(arg), request.length(arg));
        if (unit == null) {
            out.raw(Errors.GEO_UNSUPPORTED_UNIT);
        }
        return unit;
    }

    /**
     * Redis's extractDistanceOrReply: a radius at {@code arg} (not negative) and its unit after it. Returns the
     * radius in units, or -1 after replying; the unit goes to {@code unit[0]}.
     */
    static double radiusOrReply(Request request, int arg, GeoUnit[] unit, RespWriter out) {
        double radius = FloatArgument.strict(request.array(), request.offset(arg), request.length(arg));
        if (Double.isNaN(radius)) {
            out.raw(Errors.GEO_NEED_NUMERIC_RADIUS);
            return -1;
        }
        if (radius < 0) {
            out.raw(Errors.GEO_NEGATIVE_RADIUS);
            return -1;
        }
        unit[0] = unitOrReply(request, arg + 1, out);
        return unit[0] == null ? -1 : radius;
    }

    /**
     * Redis's extractBoxOrReply: width and height at {@code arg} and {@code arg + 1} (neither negative) into
     * {@code widthHeight}, then the unit into {@code unit[0]}; false after replying.
     */
    static boolean boxOrReply(Request request, int arg, double[] widthHeight, GeoUnit[] unit, RespWriter out) {
        byte[] b = request.array();
        widthHeight[0] = FloatArgument.strict(b, request.offset(arg), request.length(arg));
        if (Double.isNaN(widthHeight[0])) {
            out.raw(Errors.GEO_NEED_NUMERIC_WIDTH);
            return false;
        }
        widthHeight[1] = FloatArgument.strict(b, request.offset(arg + 1), request.length(arg + 1));
        if (Double.isNaN(widthHeight[1])) {
            out.raw(Errors.GEO_NEED_NUMERIC_HEIGHT);
            return false;
        }
        if (widthHeight[0] < 0 || widthHeight[1] < 0) {
            out.raw(Errors.GEO_NEGATIVE_BOX);
            return false;
        }
        unit[0] = unitOrReply(request, arg + 2, out);
        return unit[0] != null;
    }
}
