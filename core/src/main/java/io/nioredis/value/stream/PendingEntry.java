package io.nioredis.value.stream;

/**
 * One entry of a group's pending entries list (Redis's streamNACK), delivered and not yet acknowledged, as
 * the inspecting and saving paths read it: a view of its slot in the group's {@link PendingStore}, valid until
 * the group changes.
 */
public final class PendingEntry {
    private final PendingStore store;
    private final int slot;

    PendingEntry(PendingStore store, int slot) {
        this.store = store;
        this.slot = slot;
    }

    public StreamId id() {
        return new StreamId(ms(), seq());
    }

    public long ms() {
        return store.ms(slot);
    }

    public long seq() {
        return store.seq(slot);
    }

    public Consumer consumer() {
        return store.owner(slot);
    }

    /** Unix time in milliseconds of the last delivery. */
    public long deliveryTime() {
        return store.deliveryTime(slot);
    }

    public long deliveryCount() {
        return store.deliveryCount(slot);
    }
}
