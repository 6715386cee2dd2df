package io.nioredis.tx;

import io.nioredis.text.BytesKey;

import io.nioredis.store.Keyspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * WATCH bookkeeping as Redis's multi.c: per database a map from watched key to the clients watching it
 * (each as its {@link WatchedKeys}), and per client its keys and whether one of them was touched. A write to a key nobody watches costs one
 * emptiness check.
 */
public final class Watches {
    private final Map<Keyspace, Map<BytesKey, List<WatchedKeys>>> byDb = new IdentityHashMap<>();
    private int watching;
    private final BytesKey probe = BytesKey.probe();

    public void watch(WatchedKeys w, Keyspace db, byte[] b, int off, int len) {
        if (w.keys.isEmpty()) {
            watching++;
        }
        for (int i = 0; i < w.keys.size(); i++) {
            if (w.dbs.get(i) == db && w.keys.get(i).equals(probe.point(b, off, len))) {
                return; // already watched
            }
        }
        BytesKey key = BytesKey.copyOf(b, off, len);
        w.dbs.add(db);
        w.keys.add(key);
        byDb.computeIfAbsent(db, d -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>(2)).add(w);
    }

    /** UNWATCH, EXEC, DISCARD, RESET and disconnection. */
    public void unwatchAll(WatchedKeys w) {
        if (w.keys.isEmpty()) {
            w.dirty = false;
            return;
        }
        watching--;
        for (int i = 0; i < w.keys.size(); i++) {
            Map<BytesKey, List<WatchedKeys>> keys = byDb.get(w.dbs.get(i));
            List<WatchedKeys> watchers = keys.get(w.keys.get(i));
            watchers.remove(w);
            if (watchers.isEmpty()) {
                keys.remove(w.keys.get(i));
                if (keys.isEmpty()) {
                    byDb.remove(w.dbs.get(i));
                }
            }
        }
        w.dbs.clear();
        w.keys.clear();
        w.dirty = false;
    }

    /** True if a key the client watches was touched since it was watched. */
    public boolean dirty(WatchedKeys w) {
        return w.dirty;
    }

    /** Redis's signalModifiedKey -> touchWatchedKey. */
    public void touched(Keyspace db, byte[] b, int off, int len) {
        if (byDb.isEmpty()) {
            return;
        }
        Map<BytesKey, List<WatchedKeys>> keys = byDb.get(db);
        if (keys == null) {
            return;
        }
        List<WatchedKeys> watchers = keys.get(probe.point(b, off, len));
        if (watchers != null) {
            for (WatchedKeys c : watchers) {
                c.dirty = true;
            }
        }
    }

    /**
     * FLUSHDB/FLUSHALL, called before the keys are removed: as Redis's touchAllWatchedKeysInDb, only
     * watchers of keys that exist are affected.
     */
    public void flushed(Keyspace db) {
        Map<BytesKey, List<WatchedKeys>> keys = byDb.get(db);
        if (keys == null) {
            return;
        }
        for (Map.Entry<BytesKey, List<WatchedKeys>> e : keys.entrySet()) {
            byte[] k = e.getKey().bytes();
            if (db.lookup(k, 0, k.length) >= 0) {
                for (WatchedKeys c : e.getValue()) {
                    c.dirty = true;
                }
            }
        }
    }

    /**
     * SWAPDB, called before the swap: a watched key of either database that exists in either of them
     * will read differently afterwards (Redis's touchAllWatchedKeysInDb(db1, db2) and the reverse).
     */
    public void swapping(Keyspace a, Keyspace b) {
        touchExisting(a, b);
        touchExisting(b, a);
    }

    private void touchExisting(Keyspace watchedIn, Keyspace other) {
        Map<BytesKey, List<WatchedKeys>> keys = byDb.get(watchedIn);
        if (keys == null) {
            return;
        }
        for (Map.Entry<BytesKey, List<WatchedKeys>> e : keys.entrySet()) {
            byte[] k = e.getKey().bytes();
            if (watchedIn.lookup(k, 0, k.length) >= 0 || other.lookup(k, 0, k.length) >= 0) {
                for (WatchedKeys c : e.getValue()) {
                    c.dirty = true;
                }
            }
        }
    }

    /** Number of keys watched in all, for INFO's watching_clients-style figures and tests. */
    public int watchingClients() {
        return watching;
    }
}
