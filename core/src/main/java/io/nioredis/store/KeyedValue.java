package io.nioredis.store;

/**
 * A keyspace entry that is not a plain string: an aggregate (list, hash, set, sorted set) that carries its
 * own key. Plain strings are stored as packed byte arrays instead (see {@link StringEntry}).
 *
 * <p>Every data type implements {@link #copy} for COPY. RENAME needs nothing from the type: the keyspace
 * takes the value out of the dict, gives it the new key and puts it back (see {@link Keyspace#rename}),
 * so a renamed aggregate is moved, not copied, as in Redis.
 */
public abstract class KeyedValue {
    private byte[] key;

    protected KeyedValue(byte[] key) {
        this.key = key;
    }

    public final byte[] key() {
        return key;
    }

    /** Only while the value is out of the dict, so that its bucket never disagrees with its key. */
    final void rekey(byte[] newKey) {
        key = newKey;
    }

    /**
     * The dict of this aggregate's members (a set's, or a hash's fields), when it is kept in one: what
     * {@link Dict#prefetch} looks a pipeline's members up in ahead. Null for every other value.
     */
    public Dict memberDict() {
        return null;
    }

    /** The name TYPE replies with, e.g. {@code "list"}. */
    public abstract String typeName();

    /**
     * True for an aggregate that has lost its last element. Redis never keeps an empty list, hash, set
     * or sorted set: the command that empties one deletes the key ({@link Keyspace#deleteIfEmpty}).
     * Values that may stay empty (streams) keep this false.
     */
    public boolean isEmpty() {
        return false;
    }

    /** Approximate bytes of heap this value holds, for {@code used_memory}. */
    public abstract long memoryUsage();

    /**
     * A deep copy of this value under {@code newKey} (which the caller owns and does not change), for
     * COPY: later changes to either value must not show in the other. The TTL is the keyspace's business
     * and is not part of the value.
     */
    public abstract KeyedValue copy(byte[] newKey);
}
