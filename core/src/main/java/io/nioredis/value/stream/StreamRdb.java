package io.nioredis.value.stream;

import io.nioredis.rdb.RdbValue;
import io.nioredis.rdb.StreamParts.Entry;
import io.nioredis.rdb.StreamParts.Group;
import io.nioredis.rdb.StreamParts.GroupConsumer;
import io.nioredis.rdb.StreamParts.Id;
import io.nioredis.rdb.StreamParts.Node;
import io.nioredis.rdb.StreamParts.Pending;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Between a {@link Stream} and the RDB codec's {@link RdbValue.StreamValue}, for DUMP/RESTORE and RDB
 * files. Nodes cross one for one, deleted entries and master fields included: a stream's nodes are split
 * where Redis splits its listpacks, so what is written is what Redis would write for the same history,
 * and a loaded stream goes on filling its last node exactly as Redis would.
 */
public final class StreamRdb {
    private StreamRdb() {}

    public static RdbValue.StreamValue toRdb(Stream s) {
        StreamNodes nodes = s.nodes;
        List<Node> out = new ArrayList<>(nodes.count());
        for (int i = 0; i < nodes.count(); i++) {
            out.add(node(nodes, nodes.slot(i)));
        }
        List<Group> groups = new ArrayList<>(s.groupCount());
        for (ConsumerGroup g : s.groups()) {
            List<Pending> pending = new ArrayList<>(g.pendingCount());
            for (PendingEntry e : g.pending()) {
                pending.add(new Pending(new Id(e.ms(), e.seq()), e.deliveryTime(), e.deliveryCount()));
            }
            List<GroupConsumer> consumers = new ArrayList<>(g.consumerCount());
            for (Consumer c : g.consumers()) {
                List<Id> own = new ArrayList<>(c.pendingCount());
                for (PendingEntry e : c.pending()) {
                    own.add(new Id(e.ms(), e.seq()));
                }
                consumers.add(new GroupConsumer(c.name(), c.seenTime(), own));
            }
            groups.add(new Group(g.name(), id(g.lastDeliveredId()), g.entriesRead(), pending, consumers));
        }
        return new RdbValue.StreamValue(out, s.length(), id(s.lastId()), id(s.firstId()), id(s.maxDeletedEntryId()),
                s.entriesAdded(), groups, true);
    }

    /** Every entry of a node, deleted ones too, in the order written. */
    private static Node node(StreamNodes nodes, int slot) {
        NodeBytes in = new NodeBytes(nodes.data[slot]);
        long masterMs = nodes.masterMs[slot];
        long masterSeq = nodes.masterSeq[slot];
        int masterCount = (int) in.varint();
        List<byte[]> master = new ArrayList<>(masterCount);
        for (int f = 0; f < masterCount; f++) {
            master.add(in.string());
        }
        List<Entry> entries = new ArrayList<>(nodes.live[slot] + nodes.deleted[slot]);
        while (in.pos < nodes.used[slot]) {
            long head = in.varint();
            long msDelta = (head & EntryCodec.BIG_MS_DELTA) != 0 ? in.varint() : head >>> EntryCodec.FLAG_BITS;
            long seqDelta = EntryCodec.unzigzag(in.varint());
            boolean same = (head & EntryCodec.SAME_FIELDS) != 0;
            int n = same ? masterCount : (int) in.varint();
            List<byte[]> fields = same ? master : new ArrayList<>(n);
            List<byte[]> values = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                if (!same) fields.add(in.string());
                values.add(in.string());
            }
            Id id = new Id(masterMs + msDelta, masterSeq + seqDelta);
            entries.add(new Entry(id, (head & EntryCodec.DELETED) != 0, fields, values));
        }
        return new Node(new Id(masterMs, masterSeq), master, entries);
    }

    /** A forward reader over a node's bytes (layout in {@link EntryCodec}). */
    private static final class NodeBytes {
        private final byte[] d;
        int pos;

        NodeBytes(byte[] d) {
            this.d = d;
        }

        long varint() {
            long v = EntryCodec.readVarint(d, pos);
            pos = EntryCodec.skipVarint(d, pos);
            return v;
        }

        byte[] string() {
            long tag = varint();
            if ((tag & 1) != 0) {
                byte[] digits = new byte[21];
                int len = EntryCodec.writeDecimal(digits, EntryCodec.unzigzag(tag >>> 1));
                return Arrays.copyOf(digits, len);
            }
            int len = (int) (tag >>> 1);
            byte[] out = Arrays.copyOfRange(d, pos, pos + len);
            pos += len;
            return out;
        }
    }

    /**
     * A stream under {@code key} holding the value (which the codec validated). For a value of the older
     * type 15, each group's entries-read is estimated from the counters, as rdbLoadObject does.
     */
    public static Stream fromRdb(byte[] key, RdbValue.StreamValue v) {
        Stream s = new Stream(key);
        for (Node node : v.nodes()) {
            addNode(s.nodes, node);
        }
        s.restoreCounters(v.length(), streamId(v.lastId()), streamId(v.firstId()), streamId(v.maxDeletedId()),
                v.entriesAdded());
        for (Group g : v.groups()) {
            StreamId last = streamId(g.lastId());
            long entriesRead = v.countersRecorded() ? g.entriesRead()
                    : s.estimateDistanceFromFirstEverEntry(last.ms(), last.seq());
            ConsumerGroup group = s.restoreGroup(g.name().clone(), last, entriesRead);
            Map<Id, Consumer> owners = new HashMap<>();
            for (GroupConsumer c : g.consumers()) {
                Consumer consumer = group.createConsumer(c.name().clone(), c.seenTime());
                for (Id id : c.pending()) {
                    owners.put(id, consumer);
                }
            }
            for (Pending p : g.pending()) {
                group.restorePending(p.id().ms(), p.id().seq(), owners.get(p.id()), p.deliveryTime(), p.deliveryCount());
            }
        }
        return s;
    }

    /** Packs a node in this package's layout, tracking the size Redis's listpack has (see {@link ListpackSize}). */
    private static void addNode(StreamNodes nodes, Node node) {
        List<byte[]> master = node.masterFields();
        long masterMs = node.masterId().ms();
        long masterSeq = node.masterId().seq();
        Bytes out = new Bytes();
        out.varint(master.size());
        int live = 0;
        int deleted = 0;
        long lpFields = 0;
        for (byte[] f : master) {
            out.string(f);
            lpFields += ListpackSize.ofString(f, 0, f.length);
        }
        long lpEntries = 0;
        Id last = node.masterId();
        for (Entry e : node.entries()) {
            boolean same = sameFields(e.fields(), master);
            int n = e.fields().size();
            int flags = (e.deleted() ? EntryCodec.DELETED : 0) | (same ? EntryCodec.SAME_FIELDS : 0);
            long msDelta = e.id().ms() - masterMs;
            long seqDelta = e.id().seq() - masterSeq;
            boolean bigDelta = (msDelta >>> (64 - EntryCodec.FLAG_BITS)) != 0;
            out.varint(bigDelta ? (flags | EntryCodec.BIG_MS_DELTA) : (msDelta << EntryCodec.FLAG_BITS) | flags);
            if (bigDelta) out.varint(msDelta);
            out.varint(EntryCodec.zigzag(seqDelta));
            lpEntries += ListpackSize.ofInteger(flags) + ListpackSize.ofInteger(msDelta)
                    + ListpackSize.ofInteger(seqDelta);
            if (!same) {
                out.varint(n);
                lpEntries += ListpackSize.ofInteger(n);
            }
            for (int k = 0; k < n; k++) {
                byte[] value = e.values().get(k);
                if (!same) {
                    byte[] field = e.fields().get(k);
                    out.string(field);
                    lpEntries += ListpackSize.ofString(field, 0, field.length);
                }
                out.string(value);
                lpEntries += ListpackSize.ofString(value, 0, value.length);
            }
            lpEntries += ListpackSize.ofInteger(same ? n + 3L : 2L * n + 4);
            if (e.deleted()) deleted++;
            else live++;
            last = e.id();
        }
        long lpBytes = ListpackSize.EMPTY + ListpackSize.ofInteger(live) + ListpackSize.ofInteger(deleted)
                + ListpackSize.ofInteger(master.size()) + lpFields + ListpackSize.ofInteger(0) + lpEntries;
        int slot = nodes.append(masterMs, masterSeq, out.toArray(), out.size, (int) Math.min(lpBytes, Integer.MAX_VALUE));
        nodes.live[slot] = live;
        nodes.deleted[slot] = deleted;
        nodes.lastMs[slot] = last.ms();
        nodes.lastSeq[slot] = last.seq();
    }

    private static boolean sameFields(List<byte[]> fields, List<byte[]> master) {
        if (fields.size() != master.size()) return false;
        for (int i = 0; i < fields.size(); i++) {
            if (!Arrays.equals(fields.get(i), master.get(i))) return false;
        }
        return true;
    }

    /** A growable buffer writing this package's node layout. */
    private static final class Bytes {
        private byte[] buf = new byte[64];
        int size;

        void varint(long v) {
            ensure(10);
            size = EntryCodec.writeVarint(buf, size, v);
        }

        void string(byte[] s) {
            ensure(10 + s.length);
            size = EntryCodec.writeString(buf, size, s, 0, s.length);
        }

        private void ensure(int more) {
            if (size + more > buf.length) buf = Arrays.copyOf(buf, Math.max(size + more, buf.length * 2));
        }

        byte[] toArray() {
            return Arrays.copyOf(buf, size);
        }
    }

    private static Id id(StreamId id) {
        return new Id(id.ms(), id.seq());
    }

    private static StreamId streamId(Id id) {
        return new StreamId(id.ms(), id.seq());
    }
}
