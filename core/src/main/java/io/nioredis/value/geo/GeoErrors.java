package io.nioredis.value.geo;

/**
 * The error replies of the GEO commands, spelled exactly as Redis 7.0 spells them (without the leading '-').
 * They are to move into the central error table when this package is wired to the command layer. The invalid
 * coordinates error carries the numbers: see {@link GeoFormat#invalidPair}.
 */
public final class GeoErrors {
    public static final String UNSUPPORTED_UNIT = "ERR unsupported unit provided. please use M, KM, FT, MI";
    public static final String NEED_NUMERIC_RADIUS = "ERR need numeric radius";
    public static final String NEED_NUMERIC_WIDTH = "ERR need numeric width";
    public static final String NEED_NUMERIC_HEIGHT = "ERR need numeric height";
    public static final String NEGATIVE_RADIUS = "ERR radius cannot be negative";
    public static final String NEGATIVE_BOX = "ERR height or width cannot be negative";
    public static final String UNDECODABLE_MEMBER = "ERR could not decode requested zset member";
    public static final String COUNT_NOT_POSITIVE = "ERR COUNT must be > 0";
    public static final String ANY_WITHOUT_COUNT = "ERR the ANY argument requires COUNT argument";
    /** Followed by the command name as the client typed it (Redis prints argv[0]). */
    public static final String ONE_FROM_PREFIX = "ERR exactly one of FROMMEMBER or FROMLONLAT can be specified for ";
    /** Followed by the command name as the client typed it (Redis prints argv[0]). */
    public static final String ONE_BY_PREFIX = "ERR exactly one of BYRADIUS and BYBOX can be specified for ";
    public static final String GEOSEARCHSTORE_WITH =
            "ERR GEOSEARCHSTORE is not compatible with WITHDIST, WITHHASH and WITHCOORD options";
    public static final String GEORADIUS_STORE_WITH =
            "ERR STORE option in GEORADIUS is not compatible with WITHDIST, WITHHASH and WITHCOORD options";

    private GeoErrors() {
    }
}
