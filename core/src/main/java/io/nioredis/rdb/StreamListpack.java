package io.nioredis.rdb;

import io.nioredis.rdb.StreamParts.Entry;
import io.nioredis.rdb.StreamParts.Id;
import io.nioredis.rdb.StreamParts.Node;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One stream node as the listpack Redis 7.0 builds in t_stream.c's streamAppendItem:
 * <pre>
 * master entry: count deleted num-fields field... 0
 * each entry:   flags ms-delta seq-delta [num-fields field value...] | [value...]  lp-count
 * </pre>
 * flags are DELETED (1) and SAMEFIELDS (2, the entry has exactly the master fields, so only values are
 * written); deltas are from the node's master id; lp-count is the entry's element count so iteration can
 * walk backwards. Decoding validates as streamValidateListpackIntegrity's deep mode does, and more: the
 * count and deleted numbers must agree with the entries' flags, so no corrupt node is ever accepted.
 */
final class StreamListpack {
    static final int FLAG_DELETED = 1;
    static final int FLAG_SAMEFIELDS = 2;

    private StreamListpack() {}

    static byte[] encode(Node node) {
        long live = 0;
        for (Entry e : node.entries()) {
            if (!e.deleted()) {
                live++;
            }
        }
        List<byte[]> master = node.masterFields();
        ListpackWriter lp = new ListpackWriter();
        lp.appendInteger(live).appendInteger(node.entries().size() - live).appendInteger(master.size());
        for (byte[] field : master) {
            lp.append(field);
        }
        lp.appendInteger(0);
        Id masterId = node.masterId();
        for (Entry e : node.entries()) {
            boolean same = sameFields(e.fields(), master);
            int n = e.fields().size();
            lp.appendInteger((e.deleted() ? FLAG_DELETED : 0) | (same ? FLAG_SAMEFIELDS : 0));
            lp.appendInteger(e.id().ms() - masterId.ms());
            lp.appendInteger(e.id().seq() - masterId.seq());
            if (same) {
                for (byte[] value : e.values()) {
                    lp.append(value);
                }
            } else {
                lp.appendInteger(n);
                for (int i = 0; i < n; i++) {
                    lp.append(e.fields().get(i)).append(e.values().get(i));
                }
            }
            lp.appendInteger(same ? n + 3L : 2L * n + 4);
        }
        return lp.toByteArray();
    }

    private static boolean sameFields(List<byte[]> fields, List<byte[]> master) {
        if (fields.size() != master.size()) {
            return false;
        }
        for (int i = 0; i < fields.size(); i++) {
            if (!Arrays.equals(fields.get(i), master.get(i))) {
                return false;
            }
        }
        return true;
    }

    static Node decode(Id masterId, byte[] blob) throws RdbFormatException {
        List<byte[]> el = ListpackReader.decode(blob);
        if (el.isEmpty()) {
            throw new RdbFormatException("Empty listpack inside stream");
        }
        Walk w = new Walk(el);
        long live = w.count("master entry count");
        long deleted = w.count("master deleted count");
        int masterCount = w.fieldCount("master field count");
        List<byte[]> master = new ArrayList<>(masterCount);
        for (int i = 0; i < masterCount; i++) {
            master.add(w.next("master field"));
        }
        if (w.integer("master entry terminator") != 0) {
            throw corrupt("master entry terminator is not 0");
        }
        if (live + deleted > el.size()) {
            throw corrupt("counts " + live + " + " + deleted + " entries, too many for its " + el.size() + " elements");
        }
        List<Entry> entries = new ArrayList<>((int) (live + deleted));
        long flaggedDeleted = 0;
        for (long k = 0; k < live + deleted; k++) {
            long flags = w.integer("entry flags");
            if ((flags & ~(long) (FLAG_DELETED | FLAG_SAMEFIELDS)) != 0) {
                throw corrupt("unknown entry flags " + flags);
            }
            Id id = new Id(masterId.ms() + w.integer("entry ms delta"), masterId.seq() + w.integer("entry seq delta"));
            boolean same = (flags & FLAG_SAMEFIELDS) != 0;
            List<byte[]> fields;
            List<byte[]> values;
            if (same) {
                fields = master;
                values = new ArrayList<>(masterCount);
                for (int i = 0; i < masterCount; i++) {
                    values.add(w.next("entry value"));
                }
            } else {
                int n = w.fieldCount("entry field count");
                fields = new ArrayList<>(n);
                values = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    fields.add(w.next("entry field"));
                    values.add(w.next("entry value"));
                }
            }
            if (fields.isEmpty()) {
                throw corrupt("entry " + id + " has no fields");
            }
            long expected = same ? fields.size() + 3L : 2L * fields.size() + 4;
            if (w.integer("entry lp-count") != expected) {
                throw corrupt("entry " + id + " has a wrong lp-count");
            }
            boolean isDeleted = (flags & FLAG_DELETED) != 0;
            if (isDeleted) {
                flaggedDeleted++;
            }
            entries.add(new Entry(id, isDeleted, fields, values));
        }
        if (w.hasMore()) {
            throw corrupt("elements left after the last entry");
        }
        if (flaggedDeleted != deleted) {
            throw corrupt("master entry counts " + deleted + " deleted entries, flags say " + flaggedDeleted);
        }
        return new Node(masterId, master, entries);
    }

    /** Sequential reading of the decoded elements, refusing to run past the end. */
    private static final class Walk {
        private final List<byte[]> elements;
        private int next;

        Walk(List<byte[]> elements) {
            this.elements = elements;
        }

        boolean hasMore() {
            return next < elements.size();
        }

        byte[] next(String what) throws RdbFormatException {
            if (next >= elements.size()) {
                throw corrupt("ends where " + what + " was expected");
            }
            return elements.get(next++);
        }

        long integer(String what) throws RdbFormatException {
            byte[] text = next(what);
            if (!IntegerText.isCanonical(text)) {
                throw corrupt(what + " is not an integer");
            }
            return IntegerText.parseCanonical(text);
        }

        long count(String what) throws RdbFormatException {
            long v = integer(what);
            if (v < 0) {
                throw corrupt(what + " is negative");
            }
            return v;
        }

        /** A number of fields still to read: each takes at least one element. */
        int fieldCount(String what) throws RdbFormatException {
            long v = count(what);
            if (v > elements.size() - next) {
                throw corrupt(what + " " + v + " runs past the end");
            }
            return (int) v;
        }
    }

    private static RdbFormatException corrupt(String why) {
        return new RdbFormatException("Stream listpack integrity check failed: " + why);
    }
}
