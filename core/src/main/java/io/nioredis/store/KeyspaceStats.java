package io.nioredis.store;

/** Counters INFO reports, shared by all databases of a server. */
public final class KeyspaceStats {
    public long expiredKeys;
    public long keyspaceHits;
    public long keyspaceMisses;
    public long evictedKeys;
    /**
     * Redis's server.dirty: changes since the server started, counted once per modified key; CONFIG RESETSTAT
     * leaves it alone, since save points and rdb_changes_since_last_save are measured from it.
     */
    public long dirty;

    public void reset() {
        expiredKeys = 0;
        keyspaceHits = 0;
        keyspaceMisses = 0;
        evictedKeys = 0;
    }
}
