package io.nioredis.value.stream;

/** The error replies of the stream type, spelled exactly as Redis 7.0 spells them. */
public final class StreamErrors {
    private StreamErrors() {}

    public static final String INVALID_ID = "ERR Invalid stream ID specified as stream command argument";
    public static final String XADD_ID_TOO_SMALL =
            "ERR The ID specified in XADD is equal or smaller than the target stream top item";
    public static final String XADD_ID_ZERO = "ERR The ID specified in XADD must be greater than 0-0";
    public static final String EXHAUSTED =
            "ERR The stream has exhausted the last possible ID, unable to add more items";
    public static final String ELEMENTS_TOO_LARGE = "ERR Elements are too large to be stored";
    public static final String INVALID_START_INTERVAL = "ERR invalid start ID for the interval";
    public static final String INVALID_END_INTERVAL = "ERR invalid end ID for the interval";
    public static final String MAXLEN_NEGATIVE = "ERR The MAXLEN argument must be >= 0.";
    public static final String LIMIT_NEGATIVE = "ERR The LIMIT argument must be >= 0.";
    public static final String MAXLEN_AND_MINID =
            "ERR syntax error, MAXLEN and MINID options at the same time are not compatible";
    public static final String LIMIT_WITHOUT_STRATEGY =
            "ERR syntax error, LIMIT cannot be used without specifying a trimming strategy";
    public static final String LIMIT_WITHOUT_APPROX =
            "ERR syntax error, LIMIT cannot be used without the special ~ option";
    public static final String XTRIM_WITHOUT_STRATEGY =
            "ERR syntax error, XTRIM must be called with a trimming strategy";
    public static final String XSETID_SMALLER_THAN_TOP =
            "ERR The ID specified in XSETID is smaller than the target stream top item";
    public static final String XSETID_ENTRIES_ADDED_SMALLER =
            "ERR The entries_added specified in XSETID is smaller than the target stream length";
    public static final String XSETID_ENTRIES_ADDED_NEGATIVE = "ERR entries_added must be positive";
    public static final String XSETID_SMALLER_THAN_MAX_DELETED =
            "ERR The ID specified in XSETID is smaller than the provided max_deleted_entry_id";
    public static final String ENTRIESREAD_NEGATIVE = "ERR value for ENTRIESREAD must be positive or -1";
    public static final String BUSYGROUP = "BUSYGROUP Consumer Group name already exists";
}
