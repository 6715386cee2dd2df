package io.nioredis.server.differential;

/**
 * How the replies of the two servers to one command are compared. Exact unless Redis itself does not
 * fix the outcome: element order of unordered collections, which element a random pick returns, and
 * where a SCAN cursor stops (that depends on the hash function).
 */
enum Match {
    /** Byte for byte. */
    EXACT,
    /** An array compared as a multiset of its elements (SMEMBERS, KEYS, HKEYS, SINTER...). */
    UNORDERED,
    /**
     * A whole set (SMEMBERS): the key's OBJECT ENCODING is asked first and is part of the outcome; an
     * intset's members come ascending, so they compare exactly, a hashtable's as a multiset.
     */
    SET_ORDER,
    /** A flat array of pairs compared as a multiset of pairs (HGETALL). */
    UNORDERED_PAIRS,
    /** Random choice: same type, same nil-ness, same array length; errors exactly. */
    SHAPE,
    /** Random removal (SPOP): compared by shape, then the key is deleted on both so they stay equal. */
    SHAPE_THEN_DELETE_KEY,
    /** SCAN-family call with cursor 0: iterated to the end on each server; the sets of elements compared. */
    SCAN_ALL,
    /** As SCAN_ALL for HSCAN/ZSCAN, whose elements are field/value or member/score pairs. */
    SCAN_ALL_PAIRS,
    /**
     * EXPIRETIME/PEXPIRETIME: an absolute deadline depends on when each server ran the EXPIRE, so a positive
     * answer only has to be positive on both; -1, -2 and errors compare exactly.
     */
    DEADLINE,
    /**
     * A geo search with COUNT below its matches, which Redis orders with a partial quicksort: the distances in
     * order exactly, the members of equal distance as a multiset, and of the last run of equal distance (which
     * the COUNT may cut anywhere) only how many.
     */
    GEO_TIES,
    /** A SCAN call with another cursor: only errors are compared exactly, the rest by shape. */
    SCAN_SHAPE,
    /**
     * Time-dependent integers (TTL, PTTL, EXPIRETIME): integer replies agree within 1000 of each other, as
     * time passes between the two servers' replies; anything else exactly.
     */
    CLOSE,
    /**
     * DBSIZE, after a full SCAN of the database on each server: DBSIZE counts keys that expired but were not
     * reclaimed yet, which depends on when each server's active expiry ran; SCAN reclaims them first.
     */
    RECLAIM_THEN_EXACT,
    /** COMMAND INFO: exactly, except the tips (which we do not declare) and the order of subcommands. */
    COMMAND_INFO,
    /**
     * COMMAND DOCS: exactly, except the summaries (written in our own words) and the order of commands
     * and subcommands (Redis's comes from a dict with a random hash seed).
     */
    COMMAND_DOCS
}
