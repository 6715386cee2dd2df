package io.nioredis.store;

/**
 * A keyspace entry that is not a plain string: an aggregate (list, hash, set, sorted set) that carries its
 * own key. Plain strings are stored as packed byte arrays instead (see {@link StringEntry}).
 */
public abstract class KeyedValue {
    private final byte[] key;

    protected KeyedValue(byte[] key) {
        this.key = key;
    }

    public final byte[] key() {
        return key;
    }

    /** The name TYPE replies with, e.g. {@code "list"}. */
    public abstract String typeName();

    /** Approximate bytes of heap this value holds, for {@code used_memory}. */
    public abstract long memoryUsage();
}
