package io.nioredis.store;

/**
 * Who hears of keys the server removes on its own - expired (lazily on access or by the active cycle) or
 * evicted - so that the AOF and replicas can be told, as Redis's propagateDeletion. Called before the key
 * is deleted, while its entry can still be read; the default does nothing.
 */
public interface KeyRemovals {
    void expired(Keyspace keyspace, Object entry);

    void evicted(Keyspace keyspace, Object entry);

    KeyRemovals NONE = new KeyRemovals() {
        @Override
        public void expired(Keyspace keyspace, Object entry) {
        }

        @Override
        public void evicted(Keyspace keyspace, Object entry) {
        }
    };
}
