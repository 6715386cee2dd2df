package io.nioredis.value.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * A consumer group of one stream, as Redis 7.0: the last delivered id, the logical entries-read
 * counter (-1 when unknown), the group PEL and the consumers with their own PELs (both holding slots of
 * the group's {@link PendingStore}). Operations that return entries return their ids in an {@link IdList};
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
    private final PendingStore store = new PendingStore();
    private final PendingList pel = new PendingList(store, null);
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
        Consumer c = new Consumer(consumerName, seenTime, store, consumerChunks);
        consumers.put(key, c);
        consumerBytes += consumerBytes(consumerName);
        return c;
    }

    /** XGROUP DELCONSUMER: drops the consumer and its pending entries; returns how many it had. */
    public long deleteConsumer(byte[] consumerName) {
        Consumer c = consumers.remove(new NameKey(consumerName));
        if (c == null) return 0;
        lastConsumer = null;
        for (PendingList.Slots s = c.pel.from(0, 0); s.hasNext(); ) {
            int slot = s.next();
            pel.remove(store.ms(slot), store.seq(slot));
            store.remove(slot);
        }
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
        int slot = pel.get(ms, seq);
        if (slot < 0) {
            slot = store.add(ms, seq, consumer, nowMillis, 1);
            pel.insert(slot);
        } else {
            store.owner(slot).pel.remove(ms, seq);
            store.owner(slot, consumer);
            store.deliveryTime(slot, nowMillis);
            store.deliveryCount(slot, 1);
        }
        consumer.pel.insert(slot);
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
        for (PendingList.Slots s = consumer.pel.from(start.ms(), start.seq()); s.hasNext(); ) {
            if (count != 0 && out.size() >= count) break;
            int slot = s.next();
            long ms = store.ms(slot), seq = store.seq(slot);
            if (stream.contains(ms, seq)) {
                store.deliveryTime(slot, nowMillis);
                store.deliveryCount(slot, store.deliveryCount(slot) + 1);
            }
            out.add(ms, seq);
        }
        return out.size();
    }

    // ------------------------------------------------------------------ acknowledging and inspecting

    /** XACK of one id: true when it was pending. */
    public boolean ack(long ms, long seq) {
        int slot = pel.remove(ms, seq);
        if (slot < 0) return false;
        store.owner(slot).pel.remove(ms, seq);
        store.remove(slot);
        return true;
    }

    public int pendingCount() {
        return pel.size();
    }

    /** The group PEL in id order (XINFO STREAM FULL). */
    public Collection<PendingEntry> pending() {
        return pel;
    }

    /** The group PEL from the first entry whose id is at least {@code start}, in id order. */
    public Iterable<PendingEntry> pendingFrom(StreamId start) {
        return () -> pel.entriesFrom(start.ms(), start.seq());
    }

    /** The pending entry with this id, or null. */
    public PendingEntry pendingEntry(long ms, long seq) {
        int slot = pel.get(ms, seq);
        return slot < 0 ? null : new PendingEntry(store, slot);
    }

    /** XPENDING key group. */
    public PendingSummary pendingSummary() {
        if (pel.isEmpty()) return new PendingSummary(0, null, null, List.of());
        List<PendingSummary.ConsumerCount> owners = new ArrayList<>();
        for (Consumer c : consumers.values()) {
            if (c.pendingCount() > 0) owners.add(new PendingSummary.ConsumerCount(c.name(), c.pendingCount()));
        }
        return new PendingSummary(pel.size(), idOf(pel.first()), idOf(pel.last()), owners);
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
        for (PendingList.Slots s = source.from(start.ms(), start.seq()); s.hasNext(); ) {
            int slot = s.next();
            if (count <= 0 || StreamId.compare(store.ms(slot), store.seq(slot), end.ms(), end.seq()) > 0) break;
            long idle = nowMillis - store.deliveryTime(slot);
            if (minIdle != 0 && idle < minIdle) continue;
            rows.add(new PendingRow(idOf(slot), store.owner(slot).name(), Math.max(0, idle), store.deliveryCount(slot)));
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
            int slot = pel.get(id.ms(), id.seq());
            if (!stream.contains(id.ms(), id.seq())) {
                if (slot >= 0) drop(slot);
                continue;
            }
            if (options.force() && slot < 0) {
                slot = store.add(id.ms(), id.seq(), null, nowMillis, 1);
                pel.insert(slot);
            }
            if (slot < 0) continue;
            Consumer owner = store.owner(slot);
            if (owner != null && minIdle != 0 && nowMillis - store.deliveryTime(slot) < minIdle) continue;
            if (consumer == null) consumer = seenOrCreated(consumerName, nowMillis);
            if (owner != consumer && owner != null) owner.pel.remove(id.ms(), id.seq());
            store.deliveryTime(slot, deliveryTime);
            if (options.retryCount() >= 0) {
                store.deliveryCount(slot, options.retryCount());
            } else if (!options.justId()) {
                store.deliveryCount(slot, store.deliveryCount(slot) + 1);
            }
            if (owner != consumer) {
                consumer.pel.insert(slot);
                store.owner(slot, consumer);
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
        int slot = pel.ceiling(start.ms(), start.seq());
        boolean examined = false;
        long examinedMs = 0, examinedSeq = 0;
        while (attempts-- > 0 && count > 0 && slot >= 0) {
            long ms = store.ms(slot), seq = store.seq(slot);
            examined = true;
            examinedMs = ms;
            examinedSeq = seq;
            int next = pel.higher(ms, seq);
            if (!stream.contains(ms, seq)) {
                drop(slot);
                deleted.add(ms, seq);
                count--;
                slot = next;
                continue;
            }
            if (minIdle != 0 && nowMillis - store.deliveryTime(slot) < minIdle) {
                slot = next;
                continue;
            }
            if (consumer == null) consumer = seenOrCreated(consumerName, nowMillis);
            Consumer owner = store.owner(slot);
            if (owner != consumer) {
                owner.pel.remove(ms, seq);
                consumer.pel.insert(slot);
                store.owner(slot, consumer);
            }
            store.deliveryTime(slot, nowMillis);
            if (!justId) store.deliveryCount(slot, store.deliveryCount(slot) + 1);
            claimed.add(ms, seq);
            count--;
            slot = next;
        }
        int after = !examined ? pel.ceiling(start.ms(), start.seq()) : pel.higher(examinedMs, examinedSeq);
        StreamId cursor = after < 0 ? StreamId.MIN : idOf(after);
        return new AutoClaimResult(cursor, claimed, deleted);
    }

    private Consumer seenOrCreated(byte[] consumerName, long nowMillis) {
        Consumer c = consumer(consumerName);
        if (c == null) return createConsumer(consumerName, nowMillis);
        c.seenTime = nowMillis;
        return c;
    }

    /** Removes the entry in {@code slot} from the group's PEL and its owner's, and frees the slot. */
    private void drop(int slot) {
        long ms = store.ms(slot), seq = store.seq(slot);
        pel.remove(ms, seq);
        Consumer owner = store.owner(slot);
        if (owner != null) owner.pel.remove(ms, seq);
        store.remove(slot);
    }

    private StreamId idOf(int slot) {
        return new StreamId(store.ms(slot), store.seq(slot));
    }

    /** RESTORE and RDB loading: a pending entry as recorded, in the group's PEL and its owner's. */
    void restorePending(long ms, long seq, Consumer owner, long deliveryTime, long deliveryCount) {
        int slot = store.add(ms, seq, owner, deliveryTime, deliveryCount);
        pel.insert(slot);
        owner.pel.insert(slot);
    }

    /**
     * Approximate heap bytes: the pending entries' store, the PELs' chunks, per consumer its name and list.
     * O(1), as every write to the stream reads it twice.
     */
    long memoryUsage() {
        long bytes = 64 + name.length + 2 * 48L;
        bytes += store.bytes() + pel.chunkBytes();
        return bytes + consumerBytes + consumerChunks.chunks * PendingList.CHUNK_BYTES;
    }

    /** The pending entries' data, which both kinds of PEL hold slots of. */
    PendingStore store() {
        return store;
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
        for (PendingList.Slots s = pel.from(0, 0); s.hasNext(); ) {
            int slot = s.next();
            Consumer was = store.owner(slot);
            Consumer owner2 = was == null ? null : g.consumer(was.name());
            int copy = g.store.add(store.ms(slot), store.seq(slot), owner2, store.deliveryTime(slot),
                    store.deliveryCount(slot));
            g.pel.insert(copy);
            if (owner2 != null) owner2.pel.insert(copy);
        }
        return g;
    }
}
