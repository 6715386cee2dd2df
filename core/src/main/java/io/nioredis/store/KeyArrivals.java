package io.nioredis.store;

/**
 * Told of every key added to a keyspace, whatever command added it, so that clients blocked waiting for
 * that key can be served: Redis calls signalKeyAsReady from dbAdd. Overwriting an existing key is not an
 * arrival (Redis 7.0's dbOverwrite signals nothing), and neither is a push onto an existing list: nobody
 * can be waiting for a key that already holds elements. The default does nothing.
 */
public interface KeyArrivals {
    void arrived(Keyspace keyspace, Object entry);

    KeyArrivals NONE = (keyspace, entry) -> { };
}
