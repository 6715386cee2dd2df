package io.nioredis.value.stream;

import io.nioredis.store.KeyedValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * The stream value, as Redis 7.0's t_stream.c: entries in packed nodes ({@link StreamNodes}), the
 * counters of 7.0 (entries-added, max-deleted-entry-id, recorded first id) and the consumer groups.
 * Time is always the caller's {@code nowMillis}; nothing here reads a clock.
 */
public final class Stream extends KeyedValue {
    /** Redis's cap on the summed size of one entry's fields and values. */
    private static final long MAX_ENTRY_BYTES = NodeLimits.LISTPACK_MAX_SIZE;

    final StreamNodes nodes = new StreamNodes();
    private long length;
    private long lastMs, lastSeq;
    private long firstMs, firstSeq;
    private long maxDeletedMs, maxDeletedSeq;
    private long entriesAdded;
    private TreeMap<NameKey, ConsumerGroup> groups; // created on demand, as Redis does
    /** The groups again, in an array for the memory figure every write reads: a walk makes no iterator. */
    private ConsumerGroup[] groupArray = NO_GROUPS;
    /** The group {@link #group(byte[], int, int)} found last: a reader names the same group read after read. */
    private ConsumerGroup lastGroup;
    private static final ConsumerGroup[] NO_GROUPS = {};

    private final StreamCursor internalCursor = new StreamCursor();
    private byte[] encodeScratch = new byte[64];

    private static final byte[] NO_KEY = new byte[0];

    /** A stream outside any keyspace (the value type's own tests). */
    public Stream() {
        this(NO_KEY);
    }

    public Stream(byte[] key) {
        super(key);
    }

    @Override
    public String typeName() {
        return "stream";
    }

    /**
     * COPY: the entries re-added node by node under the same limits' effect (a fresh node layout, as the
     * copy is a new value), the 7.0 counters, and every group with its PEL and consumers.
     */
    @Override
    public KeyedValue copy(byte[] newKey) {
        Stream copy = new Stream(newKey);
        StreamCursor c = new StreamCursor().open(this, StreamId.MIN, StreamId.MAX, false);
        while (c.next()) {
            byte[][] pairs = c.copyPairs();
            long bytes = 0;
            for (byte[] p : pairs) bytes += p.length;
            copy.append(c.ms(), c.seq(), pairs, 0, pairs.length / 2, bytes, NodeLimits.DEFAULT);
            copy.length++;
        }
        copy.lastMs = lastMs;
        copy.lastSeq = lastSeq;
        copy.firstMs = firstMs;
        copy.firstSeq = firstSeq;
        copy.maxDeletedMs = maxDeletedMs;
        copy.maxDeletedSeq = maxDeletedSeq;
        copy.entriesAdded = entriesAdded;
        if (groups != null) {
            copy.groups = new TreeMap<>();
            for (java.util.Map.Entry<NameKey, ConsumerGroup> e : groups.entrySet()) {
                copy.groups.put(e.getKey(), e.getValue().copyInto(copy));
            }
            copy.groupsChanged();
        }
        return copy;
    }

    // ------------------------------------------------------------------ adding

    /**
     * XADD: appends an entry and returns its id. {@code pairs[from .. from + 2*pairCount)} are field,
     * value, field, value... Errors as Redis: {@link StreamErrors#EXHAUSTED} when the last id is the
     * maximum, {@link StreamErrors#XADD_ID_TOO_SMALL}, {@link StreamErrors#XADD_ID_ZERO},
     * {@link StreamErrors#ELEMENTS_TOO_LARGE}. Trimming (XADD's MAXLEN/MINID) is a separate {@link #trim} call.
     */
    public StreamId add(XaddId idArg, byte[][] pairs, int from, int pairCount, long nowMillis, NodeLimits limits) {
        if (idArg.isExplicitZero()) throw new StreamException(StreamErrors.XADD_ID_ZERO);
        if (lastMs == -1L && lastSeq == -1L) throw new StreamException(StreamErrors.EXHAUSTED);
        long ms, seq;
        switch (idArg.kind()) {
            case AUTO -> {
                if (Long.compareUnsigned(nowMillis, lastMs) > 0) {
                    ms = nowMillis;
                    seq = 0;
                } else if (lastSeq != -1L) {
                    ms = lastMs;
                    seq = lastSeq + 1;
                } else {
                    ms = lastMs + 1;
                    seq = 0;
                }
            }
            case AUTO_SEQUENCE -> {
                ms = idArg.ms();
                if (ms == lastMs) {
                    if (lastSeq == -1L) throw new StreamException(StreamErrors.XADD_ID_TOO_SMALL);
                    seq = lastSeq + 1;
                } else {
                    seq = 0;
                }
            }
            default -> {
                ms = idArg.ms();
                seq = idArg.seq();
            }
        }
        if (StreamId.compare(ms, seq, lastMs, lastSeq) <= 0) throw new StreamException(StreamErrors.XADD_ID_TOO_SMALL);
        long totalBytes = 0;
        for (int i = 0; i < 2 * pairCount; i++) totalBytes += pairs[from + i].length;
        if (totalBytes > MAX_ENTRY_BYTES) throw new StreamException(StreamErrors.ELEMENTS_TOO_LARGE);

        append(ms, seq, pairs, from, pairCount, totalBytes, limits);
        length++;
        entriesAdded++;
        lastMs = ms;
        lastSeq = seq;
        if (length == 1) {
            firstMs = ms;
            firstSeq = seq;
        }
        return new StreamId(ms, seq);
    }

    private void append(long ms, long seq, byte[][] pairs, int from, int pairCount, long totalBytes, NodeLimits limits) {
        int slot = -1;
        if (nodes.count() > 0) {
            slot = nodes.lastSlot();
            long entriesInNode = nodes.live[slot] + nodes.deleted[slot];
            if (nodes.listpackBytes[slot] + totalBytes >= limits.effectiveMaxBytes()
                    || (limits.maxEntries() != 0 && entriesInNode >= limits.maxEntries())) {
                nodes.shrink(slot);
                slot = -1;
            }
        }
        boolean newNode = slot < 0;
        if (newNode) slot = openNode(ms, seq, pairs, from, pairCount);
        byte[] d = nodes.data[slot];
        int masterCount = (int) EntryCodec.readVarint(d, 0);
        boolean sameFields = newNode || haveMasterFields(d, masterCount, pairs, from, pairCount);

        long msDelta = ms - nodes.masterMs[slot];
        long seqDelta = seq - nodes.masterSeq[slot];
        int flags = sameFields ? EntryCodec.SAME_FIELDS : 0;
        boolean bigDelta = (msDelta >>> (64 - EntryCodec.FLAG_BITS)) != 0;
        long head = bigDelta ? (flags | EntryCodec.BIG_MS_DELTA) : (msDelta << EntryCodec.FLAG_BITS) | flags;

        int size = EntryCodec.varintSize(head) + (bigDelta ? EntryCodec.varintSize(msDelta) : 0)
                + EntryCodec.varintSize(EntryCodec.zigzag(seqDelta));
        int lpBytes = ListpackSize.ofInteger(flags) + ListpackSize.ofInteger(msDelta) + ListpackSize.ofInteger(seqDelta);
        if (!sameFields) {
            size += EntryCodec.varintSize(pairCount);
            lpBytes += ListpackSize.ofInteger(pairCount);
        }
        for (int i = 0; i < pairCount; i++) {
            byte[] f = pairs[from + 2 * i], v = pairs[from + 2 * i + 1];
            if (!sameFields) {
                size += EntryCodec.stringSize(f, 0, f.length);
                lpBytes += ListpackSize.ofString(f, 0, f.length);
            }
            size += EntryCodec.stringSize(v, 0, v.length);
            lpBytes += ListpackSize.ofString(v, 0, v.length);
        }
        lpBytes += ListpackSize.ofInteger(3L + pairCount + (sameFields ? 0 : pairCount + 1L)); // lp-count

        int p = ensureRoom(slot, size);
        d = nodes.data[slot];
        p = EntryCodec.writeVarint(d, p, head);
        if (bigDelta) p = EntryCodec.writeVarint(d, p, msDelta);
        p = EntryCodec.writeVarint(d, p, EntryCodec.zigzag(seqDelta));
        if (!sameFields) p = EntryCodec.writeVarint(d, p, pairCount);
        for (int i = 0; i < pairCount; i++) {
            byte[] f = pairs[from + 2 * i], v = pairs[from + 2 * i + 1];
            if (!sameFields) p = EntryCodec.writeString(d, p, f, 0, f.length);
            p = EntryCodec.writeString(d, p, v, 0, v.length);
        }
        nodes.used[slot] = p;
        if (!newNode) lpBytes += ListpackSize.ofInteger(nodes.live[slot] + 1L) - ListpackSize.ofInteger(nodes.live[slot]);
        nodes.listpackBytes[slot] += lpBytes;
        nodes.live[slot]++;
        nodes.lastMs[slot] = ms;
        nodes.lastSeq[slot] = seq;
    }

    /** A new node whose master fields are this entry's fields; its first entry is then written SAME_FIELDS. */
    private int openNode(long ms, long seq, byte[][] pairs, int from, int pairCount) {
        int size = EntryCodec.varintSize(pairCount);
        int lp = ListpackSize.EMPTY + ListpackSize.ofInteger(1) + ListpackSize.ofInteger(0)
                + ListpackSize.ofInteger(pairCount) + ListpackSize.ofInteger(0);
        for (int i = 0; i < pairCount; i++) {
            byte[] f = pairs[from + 2 * i];
            size += EntryCodec.stringSize(f, 0, f.length);
            lp += ListpackSize.ofString(f, 0, f.length);
        }
        byte[] d = new byte[size + 16 + pairCount * 4];
        int p = EntryCodec.writeVarint(d, 0, pairCount);
        for (int i = 0; i < pairCount; i++) {
            byte[] f = pairs[from + 2 * i];
            p = EntryCodec.writeString(d, p, f, 0, f.length);
        }
        return nodes.append(ms, seq, d, p, lp);
    }

    private boolean haveMasterFields(byte[] d, int masterCount, byte[][] pairs, int from, int pairCount) {
        if (masterCount != pairCount) return false;
        int p = EntryCodec.skipVarint(d, 0);
        for (int i = 0; i < pairCount; i++) {
            byte[] f = pairs[from + 2 * i];
            int size = EntryCodec.stringSize(f, 0, f.length);
            if (encodeScratch.length < size) encodeScratch = new byte[Math.max(size, 2 * encodeScratch.length)];
            EntryCodec.writeString(encodeScratch, 0, f, 0, f.length);
            if (!java.util.Arrays.equals(d, p, p + size, encodeScratch, 0, size)) return false;
            p = EntryCodec.skipString(d, p);
        }
        return true;
    }

    /** Grows the node's array for 'size' more bytes (doubling, as an append-only buffer); returns the write position. */
    private int ensureRoom(int slot, int size) {
        byte[] d = nodes.data[slot];
        int used = nodes.used[slot];
        if (used + size > d.length) {
            nodes.replaceData(slot, java.util.Arrays.copyOf(d, Math.max(used + size, d.length * 2)));
        }
        return used;
    }

    // ------------------------------------------------------------------ reading

    public long length() {
        return length;
    }

    public StreamId lastId() {
        return new StreamId(lastMs, lastSeq);
    }

    /**
     * Whether the last id ever added is greater than {@code ms-seq}: what a blocked XREAD waits for
     * (Redis compares {@code s->last_id}, so entries deleted since still count), without allocating.
     */
    public boolean lastIdAfter(long ms, long seq) {
        return StreamId.compare(lastMs, lastSeq, ms, seq) > 0;
    }

    /** recorded-first-entry-id: the first live entry's id, or 0-0 when the stream is empty. */
    public StreamId firstId() {
        return new StreamId(firstMs, firstSeq);
    }

    public StreamId maxDeletedEntryId() {
        return new StreamId(maxDeletedMs, maxDeletedSeq);
    }

    public long entriesAdded() {
        return entriesAdded;
    }

    /** radix-tree-keys of XINFO STREAM: the number of nodes. */
    public int nodeCount() {
        return nodes.count();
    }

    /** XRANGE / XREVRANGE: positions the cursor; the caller stops after COUNT entries. */
    public StreamCursor range(StreamCursor cursor, StreamId start, StreamId end, boolean reverse) {
        return cursor.open(this, start, end, reverse);
    }

    /** The live entry with this id, if any: positions the cursor on it. */
    public boolean lookup(StreamCursor cursor, long ms, long seq) {
        return cursor.seek(this, ms, seq);
    }

    public boolean contains(long ms, long seq) {
        return internalCursor.seek(this, ms, seq);
    }

    /** The id of the last live entry (Redis's streamLastValidID), or null when the stream is empty. */
    public StreamId lastLiveId() {
        int slot = lastNodeWithoutTombstones();
        if (slot >= 0) {
            return new StreamId(nodes.lastMs[slot], nodes.lastSeq[slot]);
        }
        // A reverse walk reads the whole last node to find its entries' starts.
        StreamCursor c = internalCursor.open(this, 0, 0, -1L, -1L, true);
        return c.next() ? c.id() : null;
    }

    /** True when the last live entry's id is greater than ({@code ms}, {@code seq}); as lastLiveId, unboxed. */
    boolean liveIdAfter(long ms, long seq) {
        int slot = lastNodeWithoutTombstones();
        if (slot >= 0) {
            return StreamId.compare(nodes.lastMs[slot], nodes.lastSeq[slot], ms, seq) > 0;
        }
        StreamId top = lastLiveId();
        return top != null && StreamId.compare(top.ms(), top.seq(), ms, seq) > 0;
    }

    /** The last node's slot when it holds no tombstone, so that its last entry is the last live one; else -1. */
    private int lastNodeWithoutTombstones() {
        if (nodes.count() == 0) {
            return -1;
        }
        int slot = nodes.lastSlot();
        return nodes.deleted[slot] == 0 ? slot : -1;
    }

    StreamId firstLiveId() {
        StreamCursor c = internalCursor.open(this, 0, 0, -1L, -1L, false);
        return c.next() ? c.id() : null;
    }

    // ------------------------------------------------------------------ deleting and trimming

    /** XDEL of one id: marks the entry deleted, frees its node when no live entry is left. */
    public boolean delete(long ms, long seq) {
        if (!internalCursor.seek(this, ms, seq)) return false;
        int node = internalCursor.entryNodeIndex();
        int slot = nodes.slot(node);
        nodes.data[slot][internalCursor.entryOffset()] |= EntryCodec.DELETED;
        if (nodes.live[slot] == 1) {
            nodes.remove(node);
        } else {
            changeCounts(slot, -1, +1);
        }
        length--;
        if (StreamId.compare(ms, seq, maxDeletedMs, maxDeletedSeq) > 0) {
            maxDeletedMs = ms;
            maxDeletedSeq = seq;
        }
        if (length == 0) {
            firstMs = firstSeq = 0;
        } else if (ms == firstMs && seq == firstSeq) {
            StreamId first = firstLiveId();
            firstMs = first.ms();
            firstSeq = first.seq();
        }
        return true;
    }

    private void changeCounts(int slot, int dLive, int dDeleted) {
        int l = nodes.live[slot], del = nodes.deleted[slot];
        nodes.listpackBytes[slot] += ListpackSize.ofInteger(l + dLive) - ListpackSize.ofInteger(l)
                + ListpackSize.ofInteger(del + dDeleted) - ListpackSize.ofInteger(del);
        nodes.live[slot] = l + dLive;
        nodes.deleted[slot] = del + dDeleted;
    }

    /**
     * XTRIM and XADD's trimming, as Redis's streamTrim: whole nodes go from the head while allowed; then
     * approximate trimming stops, exact trimming marks entries of the next node deleted. LIMIT caps the
     * entries removed (whole nodes only). Returns the number of entries removed.
     */
    public long trim(TrimArgs args) {
        long removed = 0;
        boolean byLength = args.strategy() == TrimArgs.Strategy.MAXLEN;
        while (nodes.count() > 0) {
            if (byLength && length <= args.maxLen()) break;
            int slot = nodes.slot(0);
            long entries = nodes.live[slot];
            if (args.limit() != 0 && removed + entries > args.limit()) break;
            boolean removeNode = byLength
                    ? length - entries >= args.maxLen()
                    : StreamId.compare(nodes.lastMs[slot], nodes.lastSeq[slot], args.minMs(), args.minSeq()) < 0;
            if (removeNode) {
                nodes.remove(0);
                length -= entries;
                removed += entries;
                continue;
            }
            if (args.approx()) break;
            removed += markHeadEntriesDeleted(slot, args, byLength);
            break;
        }
        if (removed > 0) {
            StreamId first = length == 0 ? null : firstLiveId();
            firstMs = first == null ? 0 : first.ms();
            firstSeq = first == null ? 0 : first.seq();
        }
        return removed;
    }

    /** Exact trimming inside one node: flags entries deleted from its start until the target is met. */
    private long markHeadEntriesDeleted(int slot, TrimArgs args, boolean byLength) {
        // Walk every entry, tombstones included, so use a raw walk over the node rather than the cursor.
        byte[] d = nodes.data[slot];
        int masterCount = (int) EntryCodec.readVarint(d, 0);
        int p = EntryCodec.skipVarint(d, 0);
        for (int f = 0; f < masterCount; f++) p = EntryCodec.skipString(d, p);
        long marked = 0;
        int end = nodes.used[slot];
        while (p < end) {
            int at = p;
            long head = EntryCodec.readVarint(d, p);
            p = EntryCodec.skipVarint(d, p);
            long msDelta;
            if ((head & EntryCodec.BIG_MS_DELTA) != 0) {
                msDelta = EntryCodec.readVarint(d, p);
                p = EntryCodec.skipVarint(d, p);
            } else {
                msDelta = head >>> EntryCodec.FLAG_BITS;
            }
            long seqDelta = EntryCodec.unzigzag(EntryCodec.readVarint(d, p));
            p = EntryCodec.skipVarint(d, p);
            boolean stop = byLength
                    ? length <= args.maxLen()
                    : StreamId.compare(nodes.masterMs[slot] + msDelta, nodes.masterSeq[slot] + seqDelta,
                            args.minMs(), args.minSeq()) >= 0;
            if (stop) break;
            if ((head & EntryCodec.SAME_FIELDS) != 0) {
                for (int f = 0; f < masterCount; f++) p = EntryCodec.skipString(d, p);
            } else {
                int n = (int) EntryCodec.readVarint(d, p);
                p = EntryCodec.skipVarint(d, p);
                for (int f = 0; f < 2 * n; f++) p = EntryCodec.skipString(d, p);
            }
            if ((head & EntryCodec.DELETED) == 0) {
                d[at] |= EntryCodec.DELETED;
                marked++;
                length--;
            }
        }
        // Redis leaves the node in place even when this leaves it without live entries.
        changeCounts(slot, (int) -marked, (int) marked);
        return marked;
    }

    // ------------------------------------------------------------------ XSETID

    /**
     * XSETID with 7.0's ENTRIESADDED (-1 when absent) and MAXDELETEDID (null when absent). The last id
     * may not go below the last live entry; on an empty stream Redis 7.0 lets it go anywhere.
     */
    public void setId(StreamId id, long newEntriesAdded, StreamId newMaxDeleted) {
        if (newEntriesAdded < -1) throw new StreamException(StreamErrors.XSETID_ENTRIES_ADDED_NEGATIVE);
        if (newMaxDeleted != null && id.compareTo(newMaxDeleted) < 0) {
            throw new StreamException(StreamErrors.XSETID_SMALLER_THAN_MAX_DELETED);
        }
        if (length > 0) {
            StreamId top = lastLiveId();
            if (id.compareTo(top) < 0) throw new StreamException(StreamErrors.XSETID_SMALLER_THAN_TOP);
            if (newEntriesAdded != -1 && Long.compareUnsigned(length, newEntriesAdded) > 0) {
                throw new StreamException(StreamErrors.XSETID_ENTRIES_ADDED_SMALLER);
            }
        }
        lastMs = id.ms();
        lastSeq = id.seq();
        if (newEntriesAdded != -1) entriesAdded = newEntriesAdded;
        if (newMaxDeleted != null && !newMaxDeleted.isZero()) {
            maxDeletedMs = newMaxDeleted.ms();
            maxDeletedSeq = newMaxDeleted.seq();
        }
    }

    // ------------------------------------------------------------------ loading

    /** RESTORE and RDB loading: the counters as recorded (the nodes were appended to {@link #nodes} already). */
    void restoreCounters(long length, StreamId last, StreamId first, StreamId maxDeleted, long entriesAdded) {
        this.length = length;
        this.lastMs = last.ms();
        this.lastSeq = last.seq();
        this.firstMs = first.ms();
        this.firstSeq = first.seq();
        this.maxDeletedMs = maxDeleted.ms();
        this.maxDeletedSeq = maxDeleted.seq();
        this.entriesAdded = entriesAdded;
    }

    /** RESTORE and RDB loading: a group whose entries-read is whatever was recorded. */
    ConsumerGroup restoreGroup(byte[] name, StreamId last, long entriesRead) {
        if (groups == null) groups = new TreeMap<>();
        ConsumerGroup group = new ConsumerGroup(this, name, last.ms(), last.seq(), entriesRead);
        groups.put(new NameKey(name), group);
        groupsChanged();
        return group;
    }

    // ------------------------------------------------------------------ consumer groups

    /**
     * XGROUP CREATE: {@code id} null means "$" (the last id). Returns null when the name is taken
     * ({@link StreamErrors#BUSYGROUP}). {@code entriesRead} is -1 unless ENTRIESREAD was given.
     */
    public ConsumerGroup createGroup(byte[] name, StreamId id, long entriesRead) {
        if (entriesRead < -1) throw new StreamException(StreamErrors.ENTRIESREAD_NEGATIVE);
        if (groups == null) groups = new TreeMap<>();
        NameKey key = new NameKey(name);
        if (groups.containsKey(key)) return null;
        StreamId start = id == null ? lastId() : id;
        ConsumerGroup group = new ConsumerGroup(this, name, start.ms(), start.seq(), entriesRead);
        groups.put(key, group);
        groupsChanged();
        return group;
    }

    public ConsumerGroup group(byte[] name) {
        return groups == null ? null : groups.get(new NameKey(name));
    }

    /** The group named by {@code b[off, off + len)}, or null; the same name as last time costs no copy. */
    public ConsumerGroup group(byte[] b, int off, int len) {
        ConsumerGroup last = lastGroup;
        if (last != null && Arrays.equals(last.name(), 0, last.name().length, b, off, off + len)) {
            return last;
        }
        ConsumerGroup found = group(Arrays.copyOfRange(b, off, off + len));
        if (found != null) {
            lastGroup = found;
        }
        return found;
    }

    public boolean destroyGroup(byte[] name) {
        if (groups == null || groups.remove(new NameKey(name)) == null) {
            return false;
        }
        groupsChanged();
        return true;
    }

    private void groupsChanged() {
        groupArray = groups.values().toArray(NO_GROUPS);
        lastGroup = null;
    }

    /** The groups in name order (byte order, as Redis's radix tree). */
    public Collection<ConsumerGroup> groups() {
        return groups == null ? List.of() : groups.values();
    }

    public int groupCount() {
        return groups == null ? 0 : groups.size();
    }

    /** Redis 7.0's streamRangeHasTombstones with an open end. */
    boolean hasTombstonesFrom(long ms, long seq) {
        if (length == 0 || (maxDeletedMs == 0 && maxDeletedSeq == 0)) return false;
        if (StreamId.compare(firstMs, firstSeq, maxDeletedMs, maxDeletedSeq) > 0) return false;
        return StreamId.compare(ms, seq, maxDeletedMs, maxDeletedSeq) <= 0;
    }

    /**
     * Redis 7.0's streamEstimateDistanceFromFirstEverEntry: the logical read counter of an id, or -1
     * when it cannot be known (the id sits among live entries past a tombstone, or in the future).
     */
    long estimateDistanceFromFirstEverEntry(long ms, long seq) {
        if (entriesAdded == 0) return 0;
        if (length == 0 && StreamId.compare(ms, seq, lastMs, lastSeq) < 1) return entriesAdded;
        int cmpLast = StreamId.compare(ms, seq, lastMs, lastSeq);
        if (cmpLast == 0) return entriesAdded;
        if (cmpLast > 0) return ConsumerGroup.INVALID_ENTRIES_READ;
        boolean noTombstones = (maxDeletedMs == 0 && maxDeletedSeq == 0)
                || StreamId.compare(maxDeletedMs, maxDeletedSeq, firstMs, firstSeq) < 0;
        if (noTombstones) {
            int cmpFirst = StreamId.compare(ms, seq, firstMs, firstSeq);
            if (cmpFirst < 0) return entriesAdded - length;
            if (cmpFirst == 0) return entriesAdded - length + 1;
        }
        return ConsumerGroup.INVALID_ENTRIES_READ;
    }

    // ------------------------------------------------------------------ memory

    /** Approximate heap bytes held by the stream: nodes, index, groups, PELs and consumers. */
    public long memoryUsage() {
        long bytes = 96 + nodes.memoryUsage();
        if (groups != null) {
            bytes += 48;
            for (ConsumerGroup g : groupArray) bytes += 40 + g.memoryUsage();
        }
        return bytes;
    }

    /** Copies the live entries (id and pairs) in order; for tests and debugging. */
    List<Object[]> dump() {
        List<Object[]> out = new ArrayList<>();
        StreamCursor c = new StreamCursor().open(this, StreamId.MIN, StreamId.MAX, false);
        while (c.next()) out.add(new Object[] {c.id(), c.copyPairs()});
        return out;
    }
}
