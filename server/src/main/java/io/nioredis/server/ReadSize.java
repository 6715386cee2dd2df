package io.nioredis.server;

/**
 * How much one read of a client's socket takes, as Redis's readQueryFromClient decides: 16 KB
 * (PROTO_IOBUF_LEN) at a time, and the rest of a big argument at once. A read's requests run before the loop
 * serves anyone else (for a millisecond at most, see EventLoop), so a client pouring in a pipeline
 * (redis-cli --pipe) held the others up for a whole 64 KB read's worth, which a fresh JVM runs in the
 * interpreter while it compiles them. A large value still arrives in few reads.
 */
final class ReadSize {
    /** Redis's PROTO_IOBUF_LEN. */
    static final int CHUNK = 16 * 1024;

    private ReadSize() {}

    /**
     * Bytes to read for a connection holding {@code held} bytes of a request of which the parser needs
     * {@code needed}, counted from its start ({@link io.nioredis.resp.RespParser#bytesNeeded}): the rest of
     * the argument being read when that is more than {@link #CHUNK}, else {@code CHUNK}; never more than
     * {@code most}.
     */
    static int of(long needed, int held, int most) {
        return (int) Math.min(most, Math.max(CHUNK, needed - held));
    }
}
