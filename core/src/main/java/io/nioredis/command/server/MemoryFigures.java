package io.nioredis.command.server;

import io.nioredis.ServerState;
import io.nioredis.store.Keyspace;

/**
 * Redis's getMemoryOverheadData for this server's accounting, shared by INFO memory and MEMORY STATS: what
 * the store holds now and at its peak, what the empty server held at start, and how much of the rest is
 * tables (dict, expiry heap, access data) rather than keys and values.
 */
record MemoryFigures(long used, long peak, long startup, long overhead, long keys) {

    static MemoryFigures of(ServerState s) {
        long used = s.updatePeakMemory();
        long overhead = s.startupMemory;
        long keys = 0;
        for (int d = 0; d < s.databases.count(); d++) {
            Keyspace db = s.databases.get(d);
            if (db.size() > 0) {
                keys += db.size();
                overhead += db.mainTableOverhead() + db.expiresOverhead();
            }
        }
        return new MemoryFigures(used, s.peakMemory(), s.startupMemory, overhead, keys);
    }

    long dataset() {
        return Math.max(0, used - overhead);
    }

    /** Memory beyond the startup figure, at least 1 as Redis's net_usage. */
    long net() {
        return used > startup ? used - startup : 1;
    }

    /** Redis computes its percentages in float. */
    float datasetPercentage() {
        return (float) dataset() * 100 / net();
    }

    float peakPercentage() {
        return (float) used * 100 / peak;
    }

    long bytesPerKey() {
        return keys == 0 ? 0 : net() / keys;
    }
}
