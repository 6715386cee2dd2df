package io.nioredis.value.stream;

/**
 * A trimming request of XADD or XTRIM: MAXLEN or MINID, exact ("=") or approximate ("~"), with the
 * LIMIT on entries removed. {@link #of} applies Redis's rules for the limit so callers pass what the
 * user typed.
 */
public record TrimArgs(Strategy strategy, long maxLen, long minMs, long minSeq, boolean approx, long limit) {

    public enum Strategy { MAXLEN, MINID }

    public static TrimArgs maxLen(long maxLen, boolean approx, long limit) {
        return new TrimArgs(Strategy.MAXLEN, maxLen, 0, 0, approx, limit);
    }

    public static TrimArgs minId(StreamId minId, boolean approx, long limit) {
        return new TrimArgs(Strategy.MINID, 0, minId.ms(), minId.seq(), approx, limit);
    }

    /**
     * The effective LIMIT: an explicit LIMIT needs "~"; "~" without LIMIT gets 100 nodes' worth
     * (100 * stream-node-max-entries) so a trim cannot stall the server; exact trimming is unlimited.
     * {@code limitGiven < 0} means no LIMIT was given.
     */
    public static long resolveLimit(boolean approx, long limitGiven, NodeLimits nodeLimits) {
        if (limitGiven >= 0) {
            if (!approx) throw new StreamException(StreamErrors.LIMIT_WITHOUT_APPROX);
            return limitGiven;
        }
        return approx ? 100 * nodeLimits.maxEntries() : 0;
    }
}
