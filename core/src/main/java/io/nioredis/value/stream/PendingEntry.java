package io.nioredis.value.stream;

/**
 * One entry of a group's pending entries list (Redis's streamNACK): delivered, not yet acknowledged.
 * The same object sits in the group's PEL and in its owner's PEL; both are ordered by id.
 */
public final class PendingEntry implements Comparable<PendingEntry> {
    long ms, seq; // only a lookup probe ever changes these
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

    @Override
    public int compareTo(PendingEntry o) {
        return StreamId.compare(ms, seq, o.ms, o.seq);
    }
}
