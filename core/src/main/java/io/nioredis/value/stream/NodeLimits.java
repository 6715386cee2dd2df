package io.nioredis.value.stream;

/**
 * stream-node-max-bytes and stream-node-max-entries: when XADD starts a new node. Zero bytes means
 * Redis's hard cap of 1 GiB; zero entries means no entry limit. Passed per call so CONFIG SET applies
 * to the next XADD, as in Redis.
 */
public record NodeLimits(long maxBytes, long maxEntries) {
    public static final NodeLimits DEFAULT = new NodeLimits(4096, 100);

    /** Redis's STREAM_LISTPACK_MAX_SIZE: no listpack may grow past it, whatever the configuration. */
    static final long LISTPACK_MAX_SIZE = 1L << 30;

    long effectiveMaxBytes() {
        return maxBytes == 0 || maxBytes > LISTPACK_MAX_SIZE ? LISTPACK_MAX_SIZE : maxBytes;
    }
}
