package io.nioredis.value.geo;

/** The distance units of the GEO commands, with Redis's conversion factors to meters. */
public enum GeoUnit {
    M(1), KM(1000), FT(0.3048), MI(1609.34);

    /** Meters in one unit: divide a distance in meters by it to express it in this unit. */
    public final double meters;

    GeoUnit(double meters) {
        this.meters = meters;
    }

    /** The unit named by an argument (any case), or null for Redis's "unsupported unit provided" error. */
    public static GeoUnit parse(byte[] name) {
        return parse(name, 0, name.length);
    }

    /** As {@link #parse(byte[])}, for the argument {@code a[off, off + len)}. */
    public static GeoUnit parse(byte[] a, int off, int len) {
        if (len < 1 || len > 2) {
            return null;
        }
        for (GeoUnit unit : VALUES) {
            String n = unit.name();
            if (n.length() == len && upper(a[off]) == n.charAt(0) && (len == 1 || upper(a[off + 1]) == n.charAt(1))) {
                return unit;
            }
        }
        return null;
    }

    private static final GeoUnit[] VALUES = values();

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b;
    }
}
