package io.nioredis.rdb;

import java.util.List;

/**
 * The pieces of a stream in the neutral {@link RdbValue} model, as Redis 7.0's rdbSaveObject lays a
 * stream out: nodes (Redis's radix tree of listpacks, each keyed by its master id), then the counters,
 * then the consumer groups. Ids are pairs of unsigned 64-bit numbers held in Java longs.
 */
public final class StreamParts {
    private StreamParts() {}

    /** A stream entry id: milliseconds and sequence, both unsigned. */
    public record Id(long ms, long seq) {
        public static final Id ZERO = new Id(0, 0);
        /** What Redis records as the first id of an empty stream loaded from a type 15 value. */
        public static final Id MAX = new Id(-1L, -1L);

        public int compareTo(Id o) {
            int byMs = Long.compareUnsigned(ms, o.ms);
            return byMs != 0 ? byMs : Long.compareUnsigned(seq, o.seq);
        }

        @Override
        public String toString() {
            return Long.toUnsignedString(ms) + "-" + Long.toUnsignedString(seq);
        }
    }

    /**
     * One node: its master id (the radix tree key; entry ids are stored as deltas from it), the master
     * fields (those of the entry that opened the node; entries with exactly these fields share them), and
     * its entries in the order written, deleted ones included (Redis only flags them).
     */
    public record Node(Id masterId, List<byte[]> masterFields, List<Entry> entries) {}

    /** An entry; {@code fields} and {@code values} have the same length. */
    public record Entry(Id id, boolean deleted, List<byte[]> fields, List<byte[]> values) {}

    /** A consumer group: last delivered id, entries-read (-1 when unknown), its PEL and consumers. */
    public record Group(byte[] name, Id lastId, long entriesRead, List<Pending> pending, List<GroupConsumer> consumers) {}

    /** A pending (delivered, unacknowledged) entry of a group: when last delivered and how often. */
    public record Pending(Id id, long deliveryTime, long deliveryCount) {}

    /** A consumer: its name, when it was last seen and the ids it owns (each in its group's PEL). */
    public record GroupConsumer(byte[] name, long seenTime, List<Id> pending) {}
}
