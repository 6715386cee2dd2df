package io.nioredis.value.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * A consumer group of one stream, as Redis 7.0: the last delivered id, the logical entries-read
 * counter (-1 when unknown), the group PEL and the consumers with their own PELs (sharing the
 * {@link PendingEntry} objects). Operations that return entries return their ids in an {@link IdList};
 * the caller emits each entry with {@link Stream#lookup} (a missing one is a deleted entry).
 */
public final class ConsumerGroup {
    /** Redis's SCG_INVALID_ENTRIES_READ. */
    public static final long INVALID_ENTRIES_READ = -1;
    /** {@link #lag()} when Redis replies nil. */
    public static final long UNKNOWN_LAG = Long.MIN_VALUE;
    /** XAUTOCLAIM examines at most COUNT times this many PEL entries. */
    public static final int AUTOCLAIM_ATTEMPTS_FACTOR = 10;

    private final Stream stream;
    private final byte[] name;
    private long lastMs, lastSeq;
    private long entriesRead;
    private final PendingList pel = new PendingList();
    private final TreeMap<NameKey, Consumer> consumers = new TreeMap<>();
    /** The consumers' PEL chunks and their own bytes, kept as they change: a write reads the stream's size. */
    private final PendingList.ChunkCount consumerChunks = new PendingList.ChunkCount();
    private long consumerBytes;
    /** The consumer {@link #consumer(byte[], int, int)} found last: a reader names itself read after read. */
    private Consumer lastConsumer;
    private final StreamCursor cursor = new StreamCursor(); // reused by readNew

    ConsumerGroup(Stream stream, byte[] name, long lastMs, long lastSeq, long entriesRead) {
        this.stream = stream;
        this.name = name;
        this.lastMs = lastMs;
        this.lastSeq = lastSeq;
        this.entriesRead = entriesRead;
    }

    public byte[] name() {
        return name;
    }

    public StreamId lastDeliveredId() {
        return new StreamId(lastMs, lastSeq);
    }

    /** Whether a live entry lies past the last delivered id, which XREADGROUP '>' would deliver. */
    public boolean hasUndelivered() {
        return stream.length() > 0 && stream.liveIdAfter(lastMs, lastSeq);
    }

    /** Whether the stream's last id is past the last delivered one: a blocked XREADGROUP is served then. */
    public boolean streamMovedOn() {
        return stream.lastIdAfter(lastMs, lastSeq);
    }

    /** entries-read, or {@link #INVALID_ENTRIES_READ} (Redis replies nil). */
    public long entriesRead() {
        return entriesRead;
    }

    /** XGROUP SETID: {@code id} null means "$"; entriesRead is -1 unless ENTRIESREAD was given. */
    public void setId(StreamId id, long newEntriesRead) {
        if (newEntriesRead < -1) throw new StreamException(StreamErrors.ENTRIESREAD_NEGATIVE);
        StreamId to = id == null ? stream.lastId() : id;
        lastMs = to.ms();
        lastSeq = to.seq();
        entriesRead = newEntriesRead;
    }

    /**
     * The lag as Redis 7.0's streamReplyWithCGLag: exact from the counters when nothing was deleted
     * after the last delivered id, else estimated, else {@link #UNKNOWN_LAG}.
     */
    public long lag() {
        if (stream.entriesAdded() == 0) return 0;
        if (entriesRead != INVALID_ENTRIES_READ && !stream.hasTombstonesFrom(lastMs, lastSeq)) {
            return stream.entriesAdded() - entriesRead;
        }
        long estimate = stream.estimateDistanceFromFirstEverEntry(lastMs, lastSeq);
        return estimate == INVALID_ENTRIES_READ ? UNKNOWN_LAG : stream.entriesAdded() - estimate;
    }

    // ------------------------------------------------------------------ consumers

    public Consumer consumer(byte[] consumerName) {
        return consumers.get(new NameKey(consumerName));
    }

    /** The consumer named by {@code b[off, off + len)}, or null; the same name as last time costs no copy. */
    public Consumer consumer(byte[] b, int off, int len) {
        Consumer last = lastConsumer;
        if (last != null && Arrays.equals(last.name(), 0, last.name().length, b, off, off + len)) {
            return last;
        }
        Consumer found = consumer(Arrays.copyOfRange(b, off, off + len));
        if (found != null) {
            lastConsumer = found;
        }
        return found;
    }

    /** XGROUP CREATECONSUMER and the implicit creation by reads and claims; null when it exists. */
    public Consumer createConsumer(byte[] consumerName, long nowMillis) {
        NameKey key = new NameKey(consumerName);
        if (consumers.containsKey(key)) return null;
        return addConsumer(key, consumerName, nowMillis);
    }

    /** A new consumer under a name not taken, counted in the group's memory figure. */
    private Consumer addConsumer(NameKey key, byte[] consumerName, long seenTime) {
        Consumer c = new Consumer(consumerName, seenTime, consumerChunks);
        consumers.put(key, c);
        consumerBytes += consumerBytes(consumerName);
        return c;
    }

    /** XGROUP DELCONSUMER: drops the consumer and its pending entries; returns how many it had. */
    public long deleteConsumer(byte[] consumerName) {
        Consumer c = consumers.remove(new NameKey(consumerName));
        if (c == null) return 0;
        lastConsumer = null;
        for (PendingEntry e : c.pel) pel.remove(e.ms, e.seq);
        consumerBytes -= consumerBytes(c.name());
        consumerChunks.chunks -= c.pel.chunkCount();
        return c.pel.size();
    }

    /** The consumers in name order. */
    public Collection<Consumer> consumers() {
        return consumers.values();
    }

    public int consumerCount() {
        return consumers.size();
    }

    // ------------------------------------------------------------------ reading

    /**
     * XREADGROUP with "&gt;": delivers up to {@code count} (0 = all) entries after the last delivered id,
     * adding them to the PEL unless NOACK. Ids delivered go to {@code out}. The consumer must exist
     * (the caller creates it, then this marks it seen). Nothing is served when no live entry lies past
     * the last delivered id; a blocking caller then waits.
     */
    public int readNew(Consumer consumer, long count, boolean noAck, long nowMillis, IdList out) {
        consumer.seenTime = nowMillis;
        out.clear();
        if (!hasUndelivered()) return 0;
        // The id after the last delivered one; it has one, as a live id is greater.
        long fromMs = lastSeq != -1L ? lastMs : lastMs + 1;
        long fromSeq = lastSeq != -1L ? lastSeq + 1 : 0;
        cursor.open(stream, fromMs, fromSeq, -1L, -1L, false);
        while ((count == 0 || out.size() < count) && cursor.next()) {
            long ms = cursor.ms(), seq = cursor.seq();
            if (StreamId.compare(ms, seq, lastMs, lastSeq) > 0) {
                if (entriesRead != INVALID_ENTRIES_READ && !stream.hasTombstonesFrom(ms, seq)) {
                    entriesRead++;
                } else if (stream.entriesAdded() != 0) {
                    entriesRead = stream.estimateDistanceFromFirstEverEntry(ms, seq);
                }
                lastMs = ms;
                lastSeq = seq;
            }
            if (!noAck) deliver(ms, seq, consumer, nowMillis);
            out.add(ms, seq);
        }
        return out.size();
    }

    /** A new delivery: a fresh PEL entry, or one taken over from whoever owned it (after a SETID back). */
    private void deliver(long ms, long seq, Consumer consumer, long nowMillis) {
        PendingEntry e = find(ms, seq);
        if (e == null) {
            e = new PendingEntry(ms, seq, consumer, nowMillis, 1);
            pel.insert(e);
        } else {
            e.consumer.pel.remove(ms, seq);
            e.consumer = consumer;
            e.deliveryTime = nowMillis;
            e.deliveryCount = 1;
        }
        consumer.pel.insert(e);
    }

    /**
     * XREADGROUP with an id: the consumer's own pending entries with ids greater than {@code after},
     * up to {@code count} (0 = all). Each one still in the stream counts as delivered again; the caller
     * emits a nil body for those deleted since.
     */
    public int readHistory(Consumer consumer, StreamId after, long count, long nowMillis, IdList out) {
        consumer.seenTime = nowMillis;
        out.clear();
        StreamId start = after.incremented();
        if (start == null) start = StreamId.MIN; // Redis's streamIncrID wraps to 0-0
        for (PendingEntry e : consumer.pel.from(start.ms(), start.seq())) {
            if (count != 0 && out.size() >= count) break;
            if (stream.contains(e.ms, e.seq)) {
                e.deliveryTime = nowMillis;
                e.deliveryCount++;
            }
            out.add(e.ms, e.seq);
        }
        return out.size();
    }

    // ------------------------------------------------------------------ acknowledging and inspecting

    /** XACK of one id: true when it was pending. */
    public boolean ack(long ms, long seq) {
        PendingEntry e = find(ms, seq);
        if (e == null) return false;
        pel.remove(ms, seq);
        e.consumer.pel.remove(ms, seq);
        return true;
    }

    public int pendingCount() {
        return pel.size();
    }

    /** The group PEL in id order (XINFO STREAM FULL). */
    public Collection<PendingEntry> pending() {
        return pel;
    }

    public PendingEntry pendingEntry(long ms, long seq) {
        return find(ms, seq);
    }

    /** XPENDING key group. */
    public PendingSummary pendingSummary() {
        if (pel.isEmpty()) return new PendingSummary(0, null, null, List.of());
        List<PendingSummary.ConsumerCount> owners = new ArrayList<>();
        for (Consumer c : consumers.values()) {
            if (c.pendingCount() > 0) owners.add(new PendingSummary.ConsumerCount(c.name(), c.pendingCount()));
        }
        return new PendingSummary(pel.size(), pel.first().id(), pel.last().id(), owners);
    }

    /**
     * XPENDING key group [IDLE min] start end count [consumer]: entries of the group (or of the named
     * consumer; none when it does not exist) with start &lt;= id &lt;= end, idle at least minIdle.
     */
    public List<PendingRow> pendingRange(long minIdle, StreamId start, StreamId end, long count,
                                         byte[] consumerName, long nowMillis) {
        List<PendingRow> rows = new ArrayList<>();
        PendingList source = pel;
        if (consumerName != null) {
            Consumer c = consumer(consumerName);
            if (c == null) return rows;
            source = c.pel;
        }
        for (PendingEntry e : source.from(start.ms(), start.seq())) {
            if (count <= 0 || StreamId.compare(e.ms, e.seq, end.ms(), end.seq()) > 0) break;
            long idle = nowMillis - e.deliveryTime;
            if (minIdle != 0 && idle < minIdle) continue;
            rows.add(new PendingRow(e.id(), e.consumer.name(), Math.max(0, idle), e.deliveryCount));
            count--;
        }
        return rows;
    }

    // ------------------------------------------------------------------ claiming

    /**
     * XCLAIM as Redis 7.0: for each id pending for at least minIdle ms (or created by FORCE when the
     * entry exists but is not pending), give it to the consumer; ids whose entry was deleted are
     * dropped from the PEL. The consumer is created (or marked seen) only when something is claimed.
     * Returns the claimed ids.
     */
    public IdList claim(byte[] consumerName, long minIdle, List<StreamId> ids, ClaimOptions options, long nowMillis) {
        if (options.lastId() != null
                && StreamId.compare(options.lastId().ms(), options.lastId().seq(), lastMs, lastSeq) > 0) {
            lastMs = options.lastId().ms();
            lastSeq = options.lastId().seq();
        }
        long deliveryTime = nowMillis;
        if (options.idle() >= 0 || options.time() >= 0) {
            deliveryTime = options.idle() >= 0 ? nowMillis - options.idle() : options.time();
            if (deliveryTime < 0 || deliveryTime > nowMillis) deliveryTime = nowMillis;
        }
        if (minIdle < 0) minIdle = 0;
        IdList claimed = new IdList();
        Consumer consumer = null;
        for (StreamId id : ids) {
            PendingEntry e = find(id.ms(), id.seq());
            if (!stream.contains(id.ms(), id.seq())) {
                if (e != null) drop(e);
                continue;
            }
            if (options.force() && e == null) {
                e = new PendingEntry(id.ms(), id.seq(), null, nowMillis, 1);
                pel.insert(e);
            }
            if (e == null) continue;
            if (e.consumer != null && minIdle != 0 && nowMillis - e.deliveryTime < minIdle) continue;
            if (consumer == null) consumer = seenOrCreated(consumerName, nowMillis);
            if (e.consumer != consumer && e.consumer != null) e.consumer.pel.remove(e.ms, e.seq);
            e.deliveryTime = deliveryTime;
            if (options.retryCount() >= 0) {
                e.deliveryCount = options.retryCount();
            } else if (!options.justId()) {
                e.deliveryCount++;
            }
            if (e.consumer != consumer) {
                consumer.pel.insert(e);
                e.consumer = consumer;
            }
            claimed.add(id.ms(), id.seq());
        }
        return claimed;
    }

    /**
     * XAUTOCLAIM as Redis 7.0: scans the PEL from start, examining at most count * 10 entries, claiming
     * up to count idle ones; entries deleted from the stream are removed from the PEL, reported, and
     * count against COUNT. The cursor is the next pending id after the scan (0-0 at the end).
     */
    public AutoClaimResult autoClaim(byte[] consumerName, long minIdle, StreamId start, long count,
                                     boolean justId, long nowMillis) {
        if (minIdle < 0) minIdle = 0;
        IdList claimed = new IdList();
        IdList deleted = new IdList();
        long attempts = count * AUTOCLAIM_ATTEMPTS_FACTOR;
        Consumer consumer = null;
        PendingEntry e = pel.ceiling(start.ms(), start.seq());
        PendingEntry lastExamined = null;
        while (attempts-- > 0 && count > 0 && e != null) {
            lastExamined = e;
            PendingEntry next = pel.higher(e.ms, e.seq);
            if (!stream.contains(e.ms, e.seq)) {
                drop(e);
                deleted.add(e.ms, e.seq);
                count--;
                e = next;
                continue;
            }
            if (minIdle != 0 && nowMillis - e.deliveryTime < minIdle) {
                e = next;
                continue;
            }
            if (consumer == null) consumer = seenOrCreated(consumerName, nowMillis);
            if (e.consumer != consumer) {
                e.consumer.pel.remove(e.ms, e.seq);
                consumer.pel.insert(e);
                e.consumer = consumer;
            }
            e.deliveryTime = nowMillis;
            if (!justId) e.deliveryCount++;
            claimed.add(e.ms, e.seq);
            count--;
            e = next;
        }
        PendingEntry after = lastExamined == null ? pel.ceiling(start.ms(), start.seq())
                : pel.higher(lastExamined.ms, lastExamined.seq);
        StreamId cursor = after == null ? StreamId.MIN : after.id();
        return new AutoClaimResult(cursor, claimed, deleted);
    }

    private Consumer seenOrCreated(byte[] consumerName, long nowMillis) {
        Consumer c = consumer(consumerName);
        if (c == null) return createConsumer(consumerName, nowMillis);
        c.seenTime = nowMillis;
        return c;
    }

    private void drop(PendingEntry e) {
        pel.remove(e.ms, e.seq);
        if (e.consumer != null) e.consumer.pel.remove(e.ms, e.seq);
    }

    private PendingEntry find(long ms, long seq) {
        return pel.get(ms, seq);
    }

    /** RESTORE and RDB loading: a pending entry as recorded, in the group's PEL and its owner's. */
    void restorePending(long ms, long seq, Consumer owner, long deliveryTime, long deliveryCount) {
        PendingEntry e = new PendingEntry(ms, seq, owner, deliveryTime, deliveryCount);
        pel.insert(e);
        owner.pel.insert(e);
    }

    /**
     * Approximate heap bytes: per pending entry the object, the PELs' chunks, per consumer its name and list.
     * O(1), as every write to the stream reads it twice.
     */
    long memoryUsage() {
        long bytes = 64 + name.length + 2 * 48L;
        bytes += pel.size() * PendingEntry.BYTES + pel.chunkBytes();
        return bytes + consumerBytes + consumerChunks.chunks * PendingList.CHUNK_BYTES;
    }

    /** A consumer's map node, name key, object, list and name. */
    private static long consumerBytes(byte[] consumerName) {
        return 40 + 32 + 48 + 16 + consumerName.length;
    }

    /** A deep copy for COPY: same counters, consumers and PEL (delivery times and counts kept). */
    ConsumerGroup copyInto(Stream owner) {
        ConsumerGroup g = new ConsumerGroup(owner, name.clone(), lastMs, lastSeq, entriesRead);
        for (Consumer c : consumers.values()) {
            byte[] consumerName = c.name().clone();
            g.addConsumer(new NameKey(consumerName), consumerName, c.seenTime);
        }
        for (PendingEntry e : pel) {
            Consumer owner2 = e.consumer == null ? null : g.consumer(e.consumer.name());
            PendingEntry copy = new PendingEntry(e.ms, e.seq, owner2, e.deliveryTime, e.deliveryCount);
            g.pel.insert(copy);
            if (owner2 != null) owner2.pel.insert(copy);
        }
        return g;
    }
}
