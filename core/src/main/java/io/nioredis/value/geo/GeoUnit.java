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
        if (name.length < 1 || name.length > 2) {
            return null;
        }
        for (GeoUnit unit : values()) {
            String n = unit.name();
            if (n.length() == name.length && upper(name[0]) == n.charAt(0)
                    && (name.length == 1 || upper(name[1]) == n.charAt(1))) {
                return unit;
            }
        }
        return null;
    }

    private static int upper(byte b) {
        return b >= 'a' && b <= 'z' ? b - ('a' - 'A') : b;
    }
}
