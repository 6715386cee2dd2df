package io.nioredis.command;

import io.nioredis.store.Keyspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * WATCH bookkeeping as Redis's multi.c: per database a map from watched key to the clients watching it,
 * and per client its keys and whether one of them was touched. A write to a key nobody watches costs one
 * emptiness check.
 */
public final class Watches {
    /** One client's watched keys and its CLIENT_DIRTY_CAS flag. */
    private static final class Watcher {
        final List<Keyspace> dbs = new ArrayList<>();
        final List<BytesKey> keys = new ArrayList<>();
        boolean dirty;
    }

    private final Map<Keyspace, Map<BytesKey, List<Client>>> byDb = new IdentityHashMap<>();
    private final Map<Client, Watcher> byClient = new IdentityHashMap<>();
    private final BytesKey probe = BytesKey.probe();

    void watch(Client client, Keyspace db, byte[] b, int off, int len) {
        Watcher w = byClient.computeIfAbsent(client, c -> new Watcher());
        for (int i = 0; i < w.keys.size(); i++) {
            if (w.dbs.get(i) == db && w.keys.get(i).equals(probe.point(b, off, len))) {
                return; // already watched
            }
        }
        BytesKey key = BytesKey.copyOf(b, off, len);
        w.dbs.add(db);
        w.keys.add(key);
        byDb.computeIfAbsent(db, d -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>(2)).add(client);
    }

    /** UNWATCH, EXEC, DISCARD, RESET and disconnection. */
    void unwatchAll(Client client) {
        Watcher w = byClient.remove(client);
        if (w == null) {
            return;
        }
        for (int i = 0; i < w.keys.size(); i++) {
            Map<BytesKey, List<Client>> keys = byDb.get(w.dbs.get(i));
            List<Client> watchers = keys.get(w.keys.get(i));
            watchers.remove(client);
            if (watchers.isEmpty()) {
                keys.remove(w.keys.get(i));
                if (keys.isEmpty()) {
                    byDb.remove(w.dbs.get(i));
                }
            }
        }
    }

    /** True if a key the client watches was touched since it was watched. */
    boolean dirty(Client client) {
        Watcher w = byClient.get(client);
        return w != null && w.dirty;
    }

    /** Redis's signalModifiedKey -> touchWatchedKey. */
    void touched(Keyspace db, byte[] b, int off, int len) {
        if (byDb.isEmpty()) {
            return;
        }
        Map<BytesKey, List<Client>> keys = byDb.get(db);
        if (keys == null) {
            return;
        }
        List<Client> watchers = keys.get(probe.point(b, off, len));
        if (watchers != null) {
            for (Client c : watchers) {
                byClient.get(c).dirty = true;
            }
        }
    }

    /**
     * FLUSHDB/FLUSHALL, called before the keys are removed: as Redis's touchAllWatchedKeysInDb, only
     * watchers of keys that exist are affected.
     */
    void flushed(Keyspace db) {
        Map<BytesKey, List<Client>> keys = byDb.get(db);
        if (keys == null) {
            return;
        }
        for (Map.Entry<BytesKey, List<Client>> e : keys.entrySet()) {
            byte[] k = e.getKey().bytes();
            if (db.lookup(k, 0, k.length) >= 0) {
                for (Client c : e.getValue()) {
                    byClient.get(c).dirty = true;
                }
            }
        }
    }

    /**
     * SWAPDB, called before the swap: a watched key of either database that exists in either of them
     * will read differently afterwards (Redis's touchAllWatchedKeysInDb(db1, db2) and the reverse).
     */
    void swapping(Keyspace a, Keyspace b) {
        touchExisting(a, b);
        touchExisting(b, a);
    }

    private void touchExisting(Keyspace watchedIn, Keyspace other) {
        Map<BytesKey, List<Client>> keys = byDb.get(watchedIn);
        if (keys == null) {
            return;
        }
        for (Map.Entry<BytesKey, List<Client>> e : keys.entrySet()) {
            byte[] k = e.getKey().bytes();
            if (watchedIn.lookup(k, 0, k.length) >= 0 || other.lookup(k, 0, k.length) >= 0) {
                for (Client c : e.getValue()) {
                    byClient.get(c).dirty = true;
                }
            }
        }
    }

    /** Number of keys watched in all, for INFO's watching_clients-style figures and tests. */
    public int watchingClients() {
        return byClient.size();
    }
}
