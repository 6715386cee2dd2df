package io.nioredis.server;

/**
 * How big a connection's buffer for a partly received request should be. Two goals pull apart: a large
 * bulk should be read straight into a buffer of its final size (one allocation, no copies), yet a client
 * that merely announces a huge bulk must not make the server allocate it. So the parser's stated need is
 * trusted up to {@link #TRUSTED}; past that the buffer doubles as the bytes actually arrive, which keeps
 * copying amortized O(1) per byte and memory proportional to what the client really sent.
 */
final class PartialRequestSizing {
    /** Smallest buffer; Redis's PROTO_IOBUF_LEN. */
    static final int MIN = 16 * 1024;
    /** How much of an announced length is allocated before its bytes arrive. */
    static final int TRUSTED = 1024 * 1024;
    private static final int MAX = Integer.MAX_VALUE - 8;

    private PartialRequestSizing() {}

    /** Capacity for a new buffer that takes over {@code held} bytes when the parser needs {@code needed}. */
    static int initial(int held, long needed) {
        return clamp(Math.max(Math.min(needed, Math.max(TRUSTED, 2L * held)), 2L * held));
    }

    /**
     * Capacity to grow a buffer of {@code capacity} holding {@code held} bytes to, or -1 to keep it: grow
     * when full (doubling), or while it is below the trusted size and the parser needs more than it holds.
     */
    static int grown(int capacity, int held, long needed) {
        boolean full = held >= capacity;
        if (!full && !(needed > capacity && capacity < TRUSTED)) {
            return -1;
        }
        long doubled = 2L * capacity;
        return clamp(Math.max(Math.min(needed, Math.max(doubled, TRUSTED)), full ? doubled : 0));
    }

    private static int clamp(long wanted) {
        return (int) Math.min(Math.max(wanted, MIN), MAX);
    }
}
