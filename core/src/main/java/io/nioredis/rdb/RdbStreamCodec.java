package io.nioredis.rdb;

import io.nioredis.rdb.RdbValue.StreamValue;
import io.nioredis.rdb.StreamParts.Entry;
import io.nioredis.rdb.StreamParts.Group;
import io.nioredis.rdb.StreamParts.GroupConsumer;
import io.nioredis.rdb.StreamParts.Id;
import io.nioredis.rdb.StreamParts.Node;
import io.nioredis.rdb.StreamParts.Pending;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of a stream value, as Redis 7.0's rdbSaveObject and rdbLoadObject lay it out for
 * RDB_TYPE_STREAM_LISTPACKS_2 (and read for the older RDB_TYPE_STREAM_LISTPACKS, which lacks the 7.0
 * counters):
 * <pre>
 * node count, then per node: master id (16 raw big-endian bytes), listpack ({@link StreamListpack})
 * length, last id ms, seq, [first id ms, seq, max deleted id ms, seq, entries added]
 * group count, then per group: name, last id ms, seq, [entries read],
 *   PEL count, then per entry: id (16 raw bytes), delivery time (ms, 8 bytes little endian), delivery count
 *   consumer count, then per consumer: name, seen time (ms), PEL count, then ids (16 raw bytes)
 * </pre>
 * Reading checks what a stream's code relies on: live entries in strictly ascending order, none past the
 * last id, the length equal to the live entries, unique node keys, group and consumer names, and PELs in
 * which every pending entry has exactly one owner among the group's consumers.
 */
final class RdbStreamCodec {
    private static final int ID_BYTES = 16;

    private RdbStreamCodec() {}

    static void write(RdbOutput out, StreamValue s) {
        out.writeLength(s.nodes().size());
        for (Node node : s.nodes()) {
            out.writeString(idBytes(node.masterId()));
            out.writeString(StreamListpack.encode(node));
        }
        out.writeLength(s.length());
        writeId(out, s.lastId());
        writeId(out, s.firstId());
        writeId(out, s.maxDeletedId());
        out.writeLength(s.entriesAdded());
        out.writeLength(s.groups().size());
        for (Group g : s.groups()) {
            out.writeString(g.name());
            writeId(out, g.lastId());
            out.writeLength(g.entriesRead());
            out.writeLength(g.pending().size());
            for (Pending p : g.pending()) {
                out.writeBytes(idBytes(p.id()));
                out.writeMillisecondTime(p.deliveryTime());
                out.writeLength(p.deliveryCount());
            }
            out.writeLength(g.consumers().size());
            for (GroupConsumer c : g.consumers()) {
                out.writeString(c.name());
                out.writeMillisecondTime(c.seenTime());
                out.writeLength(c.pending().size());
                for (Id id : c.pending()) {
                    out.writeBytes(idBytes(id));
                }
            }
        }
    }

    private static void writeId(RdbOutput out, Id id) {
        out.writeLength(id.ms());
        out.writeLength(id.seq());
    }

    /** streamEncodeID: the radix tree key form. */
    private static byte[] idBytes(Id id) {
        return ByteBuffer.allocate(ID_BYTES).putLong(id.ms()).putLong(id.seq()).array();
    }

    private static Id idOf(byte[] b) {
        ByteBuffer buf = ByteBuffer.wrap(b);
        return new Id(buf.getLong(), buf.getLong());
    }

    static StreamValue read(RdbInput in, int type) throws RdbFormatException {
        boolean v2 = type == RdbType.STREAM_LISTPACKS_2;
        int nodeCount = in.readCount("stream node", 2);
        List<Node> nodes = new ArrayList<>(nodeCount);
        for (int i = 0; i < nodeCount; i++) {
            byte[] key = in.readString();
            if (key.length != ID_BYTES) {
                throw new RdbFormatException("Stream node key entry is not the size of a stream ID");
            }
            Id master = idOf(key);
            if (!nodes.isEmpty() && master.compareTo(nodes.get(nodes.size() - 1).masterId()) <= 0) {
                throw new RdbFormatException("Stream node keys out of order or repeated at " + master);
            }
            nodes.add(StreamListpack.decode(master, in.readString()));
        }
        long length = in.readLength();
        Id lastId = readId(in);
        Id lastLive = checkEntries(nodes, length, lastId);
        Id firstId;
        Id maxDeleted;
        long entriesAdded;
        if (v2) {
            firstId = readId(in);
            maxDeleted = readId(in);
            entriesAdded = in.readLength();
        } else {
            // As rdbLoadObject does for a 6.x stream: counters start from what the entries say.
            firstId = firstLiveId(nodes);
            maxDeleted = Id.ZERO;
            entriesAdded = length;
        }
        if (lastLive != null && Long.compareUnsigned(entriesAdded, length) < 0) {
            throw new RdbFormatException("Stream entries-added " + Long.toUnsignedString(entriesAdded)
                    + " is below its length " + length);
        }
        int groupCount = in.readCount("stream consumer group", 3);
        List<Group> groups = new ArrayList<>(groupCount);
        Set<ByteBuffer> groupNames = new HashSet<>();
        for (int i = 0; i < groupCount; i++) {
            byte[] name = in.readString();
            if (!groupNames.add(ByteBuffer.wrap(name))) {
                throw new RdbFormatException("Duplicated consumer group name");
            }
            Id groupLast = readId(in);
            long entriesRead = v2 ? in.readLength() : -1;
            groups.add(readGroupBody(in, name, groupLast, entriesRead));
        }
        return new StreamValue(nodes, length, lastId, firstId, maxDeleted, entriesAdded, groups, v2);
    }

    /** Checks the entry order and the length; returns the last live id (null when none). */
    private static Id checkEntries(List<Node> nodes, long length, Id lastId) throws RdbFormatException {
        Id previous = null;
        long live = 0;
        for (Node node : nodes) {
            for (Entry e : node.entries()) {
                if (e.id().compareTo(node.masterId()) < 0) {
                    throw new RdbFormatException("Stream entry " + e.id() + " lies before its node's master id");
                }
                if (e.deleted()) {
                    continue;
                }
                if (previous != null && e.id().compareTo(previous) <= 0) {
                    throw new RdbFormatException("Stream entries out of order at " + e.id());
                }
                previous = e.id();
                live++;
            }
        }
        if (live != length) {
            throw new RdbFormatException("Stream length " + Long.toUnsignedString(length) + " does not match its "
                    + live + " entries");
        }
        if (previous != null && previous.compareTo(lastId) > 0) {
            throw new RdbFormatException("Stream entry " + previous + " lies past the last id " + lastId);
        }
        return previous;
    }

    /** streamGetEdgeID(first, skip tombstones): the maximum id when there is no live entry. */
    private static Id firstLiveId(List<Node> nodes) {
        for (Node node : nodes) {
            for (Entry e : node.entries()) {
                if (!e.deleted()) {
                    return e.id();
                }
            }
        }
        return Id.MAX;
    }

    private static Group readGroupBody(RdbInput in, byte[] name, Id lastId, long entriesRead)
            throws RdbFormatException {
        int pelCount = in.readCount("stream PEL", ID_BYTES + 9);
        List<Pending> pending = new ArrayList<>(pelCount);
        Map<Id, Boolean> owned = new HashMap<>();
        for (int i = 0; i < pelCount; i++) {
            Id id = idOf(in.readBytes(ID_BYTES, "a PEL id"));
            if (owned.put(id, Boolean.FALSE) != null) {
                throw new RdbFormatException("Duplicated global PEL entry loading stream consumer group");
            }
            pending.add(new Pending(id, in.readMillisecondTime(), in.readLength()));
        }
        int consumerCount = in.readCount("stream consumer", 10);
        List<GroupConsumer> consumers = new ArrayList<>(consumerCount);
        Set<ByteBuffer> names = new HashSet<>();
        for (int i = 0; i < consumerCount; i++) {
            byte[] consumer = in.readString();
            if (!names.add(ByteBuffer.wrap(consumer))) {
                throw new RdbFormatException("Duplicate stream consumer detected.");
            }
            long seen = in.readMillisecondTime();
            int ownCount = in.readCount("stream consumer PEL", ID_BYTES);
            List<Id> own = new ArrayList<>(ownCount);
            for (int k = 0; k < ownCount; k++) {
                Id id = idOf(in.readBytes(ID_BYTES, "a consumer PEL id"));
                Boolean taken = owned.get(id);
                if (taken == null) {
                    throw new RdbFormatException("Consumer entry not found in group global PEL");
                }
                if (taken) {
                    throw new RdbFormatException("Duplicated consumer PEL entry loading a stream consumer group");
                }
                owned.put(id, Boolean.TRUE);
                own.add(id);
            }
            consumers.add(new GroupConsumer(consumer, seen, own));
        }
        if (owned.containsValue(Boolean.FALSE)) {
            throw new RdbFormatException("Stream CG PEL entry without consumer");
        }
        return new Group(name, lastId, entriesRead, pending, consumers);
    }

    private static Id readId(RdbInput in) throws RdbFormatException {
        long ms = in.readLength();
        return new Id(ms, in.readLength());
    }
}
