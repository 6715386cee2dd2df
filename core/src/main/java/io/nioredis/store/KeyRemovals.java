package io.nioredis.store;

/**
 * Who hears of keys the server removes on its own - expired (lazily on access or by the active cycle) or
 * evicted - so that the AOF and replicas can be told, as Redis's propagateDeletion. Called before the key
 * is deleted, with a copy of its key; the default does nothing.
 */
public interface KeyRemovals {
    void expired(Keyspace keyspace, byte[] key);

    void evicted(Keyspace keyspace, byte[] key);

    KeyRemovals NONE = new KeyRemovals() {
        @Override
        public void expired(Keyspace keyspace, byte[] key) {
        }

        @Override
        public void evicted(Keyspace keyspace, byte[] key) {
        }
    };
}
