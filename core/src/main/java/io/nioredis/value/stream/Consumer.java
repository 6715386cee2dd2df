package io.nioredis.value.stream;

import java.util.Collection;

/** A consumer of a group: its name, when it was last seen, and the pending entries it owns. */
public final class Consumer {
    private final byte[] name;
    long seenTime;
    final PendingList pel;

    /** A consumer whose PEL holds slots of its group's {@code store} and whose chunks count in {@code chunks}. */
    Consumer(byte[] name, long seenTime, PendingStore store, PendingList.ChunkCount chunks) {
        this.name = name;
        this.seenTime = seenTime;
        this.pel = new PendingList(store, chunks);
    }

    public byte[] name() {
        return name;
    }

    /** seen-time of XINFO STREAM FULL: the last time it read or claimed. */
    public long seenTime() {
        return seenTime;
    }

    /** idle of XINFO CONSUMERS: milliseconds since last seen, never negative. */
    public long idle(long nowMillis) {
        return Math.max(0, nowMillis - seenTime);
    }

    public int pendingCount() {
        return pel.size();
    }

    /** Its pending entries in id order. */
    public Collection<PendingEntry> pending() {
        return pel;
    }
}
