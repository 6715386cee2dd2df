package io.nioredis.rdb;

import java.io.IOException;

/** Where serialized bytes go when they are handed on a piece at a time (see {@link RdbOutput#flushTo}). */
@FunctionalInterface
public interface ByteSink {
    /** The first {@code length} bytes of {@code bytes}, which the caller reuses once this returns. */
    void write(byte[] bytes, int length) throws IOException;
}
