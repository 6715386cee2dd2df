package io.nioredis.blocking;

import io.nioredis.store.Keyspace;

/**
 * One blocked client as the machinery sees it: the keys it waits on (one {@link WaitNode} per key, so it
 * leaves every queue in O(1)), its deadline and its place in the {@link DeadlineHeap}. What it waits for
 * and what it does when served are its subclass's business, as Redis keeps {@code bpop} state and the
 * serve functions for each blocking type.
 *
 * <p>A waiter is blocked from {@link BlockedKeys#block} until the machinery serves it, times it out, or
 * someone calls {@link BlockedKeys#unblock}; the machinery always takes it out of every queue and the heap
 * before it calls {@link #serve} or {@link #timedOut}.
 */
public abstract class Waiter {
    Keyspace db;
    WaitNode[] nodes = NO_NODES;
    int nodeCount;
    /** Unix milliseconds after which it times out, or 0 for never. */
    long deadline;
    int heapIndex = -1;
    /** Order of blocking, to break ties between equal deadlines first-come first-served. */
    long sequence;
    boolean blocked;
    /** {@link #wakesOnDeparture}, as it was when it blocked. */
    boolean watchesDeparture;

    private static final WaitNode[] NO_NODES = new WaitNode[0];

    /** True while the waiter is in the machinery. */
    public final boolean isBlocked() {
        return blocked;
    }

    /** The first key it waits on, or null when it waits on none (WAIT); cluster mode checks its slot. */
    public final byte[] firstKey() {
        return nodeCount == 0 ? null : nodes[0].queue.key.bytes();
    }

    /** The database whose keys it waits on. */
    public final Keyspace db() {
        return db;
    }

    /** Unix milliseconds at which it times out, 0 for never. */
    public final long deadline() {
        return deadline;
    }

    /**
     * Whether the value of a ready key (null if the key is gone) serves it now; if not it stays blocked.
     * {@code keyIndex} is the key's position among the keys it blocked on.
     */
    protected abstract boolean accepts(Object value, int keyIndex);

    /**
     * Takes what it waited for from the key at {@code slot} (-1 if the key is gone, for a waiter that
     * {@link #wakesOnDeparture}) and replies to its client. Returns true if that emptied and deleted the
     * key, so that nobody after it in the queue is tried.
     */
    protected abstract boolean serve(Keyspace db, int slot, byte[] key, int keyIndex);

    /**
     * Whether deleting or replacing one of its keys must make the key ready for it, as Redis 7.0 wakes
     * XREADGROUP when its stream goes away; read once, when it blocks.
     */
    protected boolean wakesOnDeparture() {
        return false;
    }

    /** Its deadline passed before it was served: reply as Redis does on a timeout. */
    protected abstract void timedOut();
}
