package io.nioredis.value.stream;

/**
 * One entry of a group's pending entries list (Redis's streamNACK): delivered, not yet acknowledged.
 * The same object sits in the group's {@link PendingList} and in its owner's; both are ordered by id.
 */
public final class PendingEntry {
    /** The object's heap bytes: header, the two id halves, the owner, the delivery time and count. */
    static final long BYTES = 48;

    final long ms, seq;
    Consumer consumer;
    long deliveryTime;
    long deliveryCount;

    PendingEntry(long ms, long seq, Consumer consumer, long deliveryTime, long deliveryCount) {
        this.ms = ms;
        this.seq = seq;
        this.consumer = consumer;
        this.deliveryTime = deliveryTime;
        this.deliveryCount = deliveryCount;
    }

    public StreamId id() {
        return new StreamId(ms, seq);
    }

    public long ms() {
        return ms;
    }

    public long seq() {
        return seq;
    }

    public Consumer consumer() {
        return consumer;
    }

    /** Unix time in milliseconds of the last delivery. */
    public long deliveryTime() {
        return deliveryTime;
    }

    public long deliveryCount() {
        return deliveryCount;
    }
}
