package io.nioredis.value.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import io.nioredis.text.DoubleFormat;

/**
 * How Redis prints geo numbers: distances with four decimals (printf "%.4f"), coordinates with seventeen decimals
 * of the exact value and the trailing zeros cut (its "human" long double format, "%.17Lf"). The digits come from
 * the exact binary value rounded half to even, as glibc's printf rounds.
 */
public final class GeoFormat {

    /** A distance as GEODIST and WITHDIST reply it, in whatever unit it was already divided into. */
    public static String distance(double d) {
        return fixed(d, 4);
    }

    /** A longitude or latitude as GEOPOS and WITHCOORD reply it. */
    public static String coordinate(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return special(d);
        }
        String s = new BigDecimal(d).setScale(17, RoundingMode.HALF_EVEN).toPlainString();
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        s = s.substring(0, end);
        return s.equals("-0") ? "0" : s;
    }

    /** printf's "%f", as Redis prints the numbers of coordinates outside the geo set limits. */
    public static String printfDefault(double d) {
        return fixed(d, 6);
    }

    /** printf's "%.Nf". */
    static String fixed(double d, int decimals) {
        return DoubleFormat.fixed(d, decimals);
    }

    private static String special(double d) {
        if (Double.isNaN(d)) {
            return Double.doubleToRawLongBits(d) < 0 ? "-nan" : "nan";
        }
        return d > 0 ? "inf" : "-inf";
    }

    private GeoFormat() {
    }
}
