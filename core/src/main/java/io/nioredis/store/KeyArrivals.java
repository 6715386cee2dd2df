package io.nioredis.store;

/**
 * Told of every key added to a keyspace, whatever command added it, so that clients blocked waiting for
 * that key can be served: Redis calls signalKeyAsReady from dbAdd. Overwriting an existing key is not an
 * arrival (Redis 7.0's dbOverwrite signals nothing), and neither is a push onto an existing list: nobody
 * can be waiting for a key that already holds elements. The default does nothing.
 */
public interface KeyArrivals {
    void arrived(Keyspace keyspace, Object entry);

    /**
     * The entry at {@code base} in {@code entry} (see {@link Keyspace#entry}) left the keyspace: deleted (by
     * any path: DEL, expiry, eviction, RENAME) or replaced by another value under the same key. Redis 7.0
     * signals a deleted stream so that XREADGROUP waiters hear of it. The entry can be read only during the
     * call. The default does nothing.
     */
    default void departed(Keyspace keyspace, Object entry, int base) {
    }

    /** Every key of the keyspace was removed at once (FLUSHDB, FLUSHALL). The default does nothing. */
    default void flushed(Keyspace keyspace) {
    }

    /** Does nothing. An anonymous class, not a lambda: start-up code (see Config). */
    KeyArrivals NONE = new KeyArrivals() {
        @Override
        public void arrived(Keyspace keyspace, Object entry) {
        }
    };
}
