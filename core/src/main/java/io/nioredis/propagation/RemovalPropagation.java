package io.nioredis.propagation;

import io.nioredis.config.Config;
import io.nioredis.store.KeyRemovals;
import io.nioredis.store.Keyspace;

/**
 * Redis's propagateDeletion: a key the server removed on its own reaches the AOF and replicas as DEL, or
 * UNLINK when the matching lazyfree setting is on. An expiry found by a command joins that command's unit
 * (before the command itself, as Redis 7.0 wraps the two in MULTI/EXEC); one found by the active cycle, and
 * every eviction, is a unit of its own.
 */
public final class RemovalPropagation implements KeyRemovals {
    static final byte[] DEL = {'D', 'E', 'L'};
    static final byte[] UNLINK = {'U', 'N', 'L', 'I', 'N', 'K'};

    private final Propagator propagator;
    private final Config config;

    public RemovalPropagation(Propagator propagator, Config config) {
        this.propagator = propagator;
        this.config = config;
    }

    @Override
    public void expired(Keyspace keyspace, byte[] key) {
        if (propagator.active()) {
            propagator.also(keyspace.index(), deletion("lazyfree-lazy-expire", key));
        }
    }

    @Override
    public void evicted(Keyspace keyspace, byte[] key) {
        if (propagator.active()) {
            propagator.alone(keyspace.index(), deletion("lazyfree-lazy-eviction", key));
        }
    }

    private byte[][] deletion(String lazySetting, byte[] key) {
        byte[] verb = config.getBoolean(lazySetting) ? UNLINK : DEL;
        return new byte[][] {verb.clone(), key};
    }
}
