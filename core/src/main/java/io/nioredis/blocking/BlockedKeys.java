package io.nioredis.blocking;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.KeyArrivals;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Keyspace;
import io.nioredis.text.BytesKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Clients blocked on keys, as Redis's blocked.c: per database a map from key to the FIFO of its waiters,
 * a heap of deadlines for the event loop, and the list of "ready keys" that a write made worth looking at.
 *
 * <p>A key becomes ready when it is added to a keyspace that somebody waits on it in ({@link #arrived},
 * hooked into {@link Keyspace#add}, so every writer triggers it), when SWAPDB brings it in, when a command
 * changes it in place for its waiters ({@link #signal}: XADD), or, for waiters that hear of departures,
 * when it is deleted, replaced or flushed away. Ready keys
 * are served by {@link #serveReady} after the command that made them ready and before the next one runs:
 * for each key, its waiters in the order they blocked, each served by its own {@link Waiter#serve} until
 * the key is gone. Serving may make more keys ready (BLMOVE pushes); they are served in the same call.
 *
 * <p>Costs: with nobody blocked, an added key costs one comparison; a served or departing waiter leaves
 * its queues in O(1) per key and the heap in O(log n), whatever the number of other waiters.
 */
public final class BlockedKeys implements KeyArrivals {
    private final Map<Keyspace, Map<BytesKey, WaitQueue>> byDb = new IdentityHashMap<>();
    private final DeadlineHeap deadlines = new DeadlineHeap();
    private ArrayList<WaitQueue> ready = new ArrayList<>();
    private ArrayList<WaitQueue> spare = new ArrayList<>();
    private final BytesKey probe = BytesKey.probe();
    /** Replies to woken clients are built here, then handed to their connections. */
    private final RespWriter wakeReplies = new RespWriter(256);
    private int blocked;
    /** Waiters, counted once per key, that a deletion of their key wakes (XREADGROUP). */
    private int departureWatchers;
    private long sequence;
    private boolean serving;

    /**
     * Blocks {@code w} on the keys {@code request[firstKey .. firstKey + keyCount)} of {@code db} until
     * {@code deadline} (Unix milliseconds, 0 for never). A key named twice is waited on once.
     */
    public void block(Waiter w, Keyspace db, Request request, int firstKey, int keyCount, long deadline) {
        if (w.blocked) {
            throw new IllegalStateException("already blocked");
        }
        w.db = db;
        w.deadline = deadline;
        w.sequence = sequence++;
        w.nodeCount = 0;
        if (w.nodes.length < keyCount) {
            w.nodes = new WaitNode[keyCount];
        }
        Map<BytesKey, WaitQueue> keys = byDb.get(db);
        if (keys == null) {
            keys = new HashMap<>();
            byDb.put(db, keys);
        }
        w.watchesDeparture = w.wakesOnDeparture();
        byte[] b = request.array();
        for (int i = firstKey; i < firstKey + keyCount; i++) {
            WaitQueue q = keys.get(probe.point(b, request.offset(i), request.length(i)));
            if (q == null) {
                BytesKey key = BytesKey.copyOf(b, request.offset(i), request.length(i));
                q = new WaitQueue(db, key);
                keys.put(key, q);
            } else if (q.tail != null && q.tail.waiter == w) {
                continue; // the same key twice: its node was just appended
            }
            w.nodes[w.nodeCount++] = q.append(w, i - firstKey);
            if (w.watchesDeparture) {
                q.departureWatchers++;
                departureWatchers++;
            }
        }
        if (deadline != 0) {
            deadlines.add(w);
        }
        w.blocked = true;
        blocked++;
    }

    /** Every waiter blocked on some key, once each (a cold path: cluster slot changes). */
    public java.util.List<Waiter> keyWaiters() {
        java.util.Set<Waiter> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        java.util.List<Waiter> all = new ArrayList<>();
        for (Map<BytesKey, WaitQueue> keys : byDb.values()) {
            for (WaitQueue q : keys.values()) {
                for (WaitNode n = q.head; n != null; n = n.next) {
                    if (seen.add(n.waiter)) {
                        all.add(n.waiter);
                    }
                }
            }
        }
        return all;
    }

    /** Takes {@code w} out of every queue and the heap, without a reply; nothing if it is not blocked. */
    public void unblock(Waiter w) {
        if (!w.blocked) {
            return;
        }
        w.blocked = false;
        blocked--;
        for (int i = 0; i < w.nodeCount; i++) {
            WaitNode node = w.nodes[i];
            WaitQueue q = node.queue;
            q.remove(node);
            if (w.watchesDeparture) {
                q.departureWatchers--;
                departureWatchers--;
            }
            if (q.isEmpty() && !q.ready) {
                byDb.get(q.db).remove(q.key, q);
            }
            w.nodes[i] = null;
        }
        w.nodeCount = 0;
        deadlines.remove(w);
    }

    /** Redis's signalKeyAsReady: a key was added; if somebody waits on it, it is served after the command. */
    @Override
    public void arrived(Keyspace db, Object entry) {
        if (blocked == 0 || !(entry instanceof KeyedValue)) {
            return;
        }
        Map<BytesKey, WaitQueue> keys = byDb.get(db);
        if (keys == null) {
            return;
        }
        byte[] k = ((KeyedValue) entry).key();
        WaitQueue q = keys.get(probe.point(k, 0, k.length));
        if (q != null) {
            markReady(q);
        }
    }

    /**
     * Redis's signalKeyAsReady for a key changed in place: XADD added to a stream, XGROUP DESTROY removed
     * a group. With nobody blocked it costs one comparison, and never allocates.
     */
    public void signal(Keyspace db, byte[] k, int off, int len) {
        if (blocked == 0) {
            return;
        }
        Map<BytesKey, WaitQueue> keys = byDb.get(db);
        if (keys == null) {
            return;
        }
        WaitQueue q = keys.get(probe.point(k, off, len));
        if (q != null) {
            markReady(q);
        }
    }

    /**
     * A key was deleted or its value replaced: if a waiter that must hear of it waits there, the key is
     * ready (Redis 7.0's signalDeletedKeyAsReady, which answers blocked XREADGROUP clients).
     */
    @Override
    public void departed(Keyspace db, Object entry, int base) {
        if (departureWatchers == 0) {
            return;
        }
        Map<BytesKey, WaitQueue> keys = byDb.get(db);
        if (keys == null) {
            return;
        }
        byte[] k = Keyspace.keyOf(entry, base);
        WaitQueue q = keys.get(probe.point(k, 0, k.length));
        if (q != null && q.departureWatchers > 0) {
            markReady(q);
        }
    }

    /** FLUSHDB or FLUSHALL emptied {@code db}: Redis 7.0's scanDatabaseForDeletedStreams. */
    @Override
    public void flushed(Keyspace db) {
        if (departureWatchers == 0) {
            return;
        }
        Map<BytesKey, WaitQueue> keys = byDb.get(db);
        if (keys == null) {
            return;
        }
        for (WaitQueue q : keys.values()) {
            if (q.departureWatchers > 0) {
                markReady(q);
            }
        }
    }

    /**
     * After SWAPDB: a waited-for key that exists in either database now may hold what its waiters want
     * (Redis 7.0's scanDatabaseForReadyKeys on both), and one whose value went away must tell the waiters
     * that watch for that (its scanDatabaseForDeletedStreams).
     */
    public void swapped(Keyspace a, Keyspace b) {
        markExisting(a);
        markExisting(b);
    }

    private void markExisting(Keyspace db) {
        Map<BytesKey, WaitQueue> keys = byDb.get(db);
        if (keys == null) {
            return;
        }
        for (WaitQueue q : keys.values()) {
            byte[] k = q.key.bytes();
            if (q.departureWatchers > 0 || db.lookup(k, 0, k.length) >= 0) {
                markReady(q);
            }
        }
    }

    private void markReady(WaitQueue q) {
        if (!q.ready) {
            q.ready = true;
            ready.add(q);
        }
    }

    /** True if a command made a waited-for key ready; then {@link #serveReady} has work. */
    public boolean hasReady() {
        return !ready.isEmpty();
    }

    /**
     * Redis's handleClientsBlockedOnKeys: serves every ready key's waiters, first come first served, and
     * goes on with the keys that serving made ready, until none is left. Not reentrant: a call made while
     * serving returns at once, as in Redis, so fairness is kept.
     */
    public void serveReady() {
        if (serving || ready.isEmpty()) {
            return;
        }
        serving = true;
        try {
            while (!ready.isEmpty()) {
                ArrayList<WaitQueue> batch = ready;
                ready = spare;
                for (int i = 0; i < batch.size(); i++) {
                    WaitQueue q = batch.get(i);
                    q.ready = false; // it may be signalled again while its waiters are served
                    serve(q);
                    if (q.isEmpty() && !q.ready) {
                        byDb.get(q.db).remove(q.key, q);
                    }
                }
                batch.clear();
                spare = batch;
            }
        } finally {
            serving = false;
        }
    }

    private void serve(WaitQueue q) {
        byte[] key = q.key.bytes();
        Keyspace db = q.db;
        int slot = db.lookup(key, 0, key.length);
        WaitNode node = q.head;
        // A missing key serves only the waiters that hear of departures; with none, nobody is looked at.
        while (node != null && (slot >= 0 || q.departureWatchers > 0)) {
            WaitNode next = node.next;
            Waiter w = node.waiter;
            int keyIndex = node.keyIndex;
            if (w.accepts(slot >= 0 ? db.entry(slot) : null, keyIndex)) {
                unblock(w);
                if (w.serve(db, slot, key, keyIndex)) {
                    return; // it emptied the key
                }
                slot = db.lookup(key, 0, key.length); // serving may have added keys and moved slots
            }
            node = next;
        }
    }

    /** Times out, earliest first, every waiter whose deadline is before {@code now} (Unix milliseconds). */
    public int expire(long now) {
        int n = 0;
        while (!deadlines.isEmpty() && deadlines.peek().deadline < now) {
            Waiter w = deadlines.peek();
            unblock(w);
            w.timedOut();
            n++;
        }
        return n;
    }

    /**
     * The first time at which {@link #expire} will have work, Long.MAX_VALUE if none: a waiter times out
     * once its deadline has passed, as Redis's {@code timeout < now}.
     */
    public long nextWakeup() {
        return deadlines.isEmpty() ? Long.MAX_VALUE : deadlines.peek().deadline + 1;
    }

    /** Clients blocked on keys, INFO's blocked_clients. */
    public int blockedClients() {
        return blocked;
    }

    /** Blocked clients with a timeout, INFO's clients_in_timeout_table. */
    public int clientsWithDeadline() {
        return deadlines.size();
    }

    /** Keys that somebody waits on, in all databases. */
    public int blockingKeys() {
        int n = 0;
        for (Map<BytesKey, WaitQueue> keys : byDb.values()) {
            n += keys.size();
        }
        return n;
    }

    /** Waiters queued on {@code key} of {@code db}. */
    public int waitersOn(Keyspace db, byte[] key) {
        Map<BytesKey, WaitQueue> keys = byDb.get(db);
        WaitQueue q = keys == null ? null : keys.get(probe.point(key, 0, key.length));
        return q == null ? 0 : q.size;
    }

    /** A writer for the reply to a client being woken, reset, in the given protocol. */
    public RespWriter wakeReply(int protocol) {
        wakeReplies.reset();
        wakeReplies.protocol(protocol);
        return wakeReplies;
    }
}
