package io.nioredis.store;

/** Counters INFO reports, shared by all databases of a server. */
public final class KeyspaceStats {
    public long expiredKeys;
    public long keyspaceHits;
    public long keyspaceMisses;
    public long evictedKeys;

    public void reset() {
        expiredKeys = 0;
        keyspaceHits = 0;
        keyspaceMisses = 0;
        evictedKeys = 0;
    }
}
