package io.nioredis.value.stream;

/**
 * A stream operation refused with a Redis error reply; the message is the exact reply text (one of
 * {@link StreamErrors}). Errors are off the hot path, so no stack trace is filled in.
 */
public final class StreamException extends RuntimeException {
    public StreamException(String redisError) {
        super(redisError, null, false, false);
    }
}
