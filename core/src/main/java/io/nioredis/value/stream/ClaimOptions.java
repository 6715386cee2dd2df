package io.nioredis.value.stream;

/**
 * XCLAIM's options. {@code idle} and {@code time} are -1 when absent (IDLE wins if the caller parsed
 * both, as the later option does in Redis, so pass only the last one); {@code retryCount} is -1 when
 * absent; {@code lastId} is null when absent.
 */
public record ClaimOptions(long idle, long time, long retryCount, boolean force, boolean justId, StreamId lastId) {
    public static final ClaimOptions NONE = new ClaimOptions(-1, -1, -1, false, false, null);

    public ClaimOptions withJustId() {
        return new ClaimOptions(idle, time, retryCount, force, true, lastId);
    }
}
