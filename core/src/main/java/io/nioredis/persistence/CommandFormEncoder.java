package io.nioredis.persistence;

import io.nioredis.rdb.RdbOutput;
import io.nioredis.rdb.StreamParts;
import io.nioredis.store.Databases;
import io.nioredis.store.Dict;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.text.Ascii;
import io.nioredis.text.DoubleFormat;
import io.nioredis.value.HashValue;
import io.nioredis.value.ListValue;
import io.nioredis.value.RdbConversion;
import io.nioredis.value.SetValue;
import io.nioredis.value.SortedSetValue;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamRdb;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An AOF base written as commands (aof-use-rdb-preamble no), byte for byte as Redis 7.0's
 * rewriteAppendOnlyFileRio writes it: {@code SELECT} for a database, then per key the commands that rebuild
 * it, collections in batches of {@link #ITEMS_PER_COMMAND} (RPUSH, SADD, ZADD with {@code %.17g} scores,
 * HMSET, streams as XADD per entry, XSETID, XGROUP CREATE, XCLAIM per pending entry and XGROUP
 * CREATECONSUMER for a consumer without any), and {@code PEXPIREAT} after a key with a deadline.
 *
 * <p>Iteration order is nioredis's own: sets and hashes in slot order, sorted sets in score order (Redis
 * writes a big sorted set in its dict's order), so the bytes equal Redis's key for key where the orders agree.
 */
final class CommandFormEncoder implements SnapshotEncoder {
    /** Redis's AOF_REWRITE_ITEMS_PER_CMD. */
    static final int ITEMS_PER_COMMAND = 64;

    private static final byte[] SELECT = ascii("SELECT");
    private static final byte[] SET = ascii("SET");
    private static final byte[] RPUSH = ascii("RPUSH");
    private static final byte[] SADD = ascii("SADD");
    private static final byte[] ZADD = ascii("ZADD");
    private static final byte[] HMSET = ascii("HMSET");
    private static final byte[] XADD = ascii("XADD");
    private static final byte[] MAXLEN = ascii("MAXLEN");
    private static final byte[] XSETID = ascii("XSETID");
    private static final byte[] ENTRIESADDED = ascii("ENTRIESADDED");
    private static final byte[] MAXDELETEDID = ascii("MAXDELETEDID");
    private static final byte[] XGROUP = ascii("XGROUP");
    private static final byte[] CREATE = ascii("CREATE");
    private static final byte[] ENTRIESREAD = ascii("ENTRIESREAD");
    private static final byte[] CREATECONSUMER = ascii("CREATECONSUMER");
    private static final byte[] XCLAIM = ascii("XCLAIM");
    private static final byte[] TIME = ascii("TIME");
    private static final byte[] RETRYCOUNT = ascii("RETRYCOUNT");
    private static final byte[] JUSTID = ascii("JUSTID");
    private static final byte[] FORCE = ascii("FORCE");
    private static final byte[] PEXPIREAT = ascii("PEXPIREAT");

    /** A plain growable byte sink; nothing RDB-specific is written through it. */
    private final RdbOutput out = new RdbOutput(false);
    private final byte[] digits = new byte[20];
    private final byte[] lengthDigits = new byte[20];
    private int selected = -1;

    /** Every database's keys at once, in slot order (the loop does nothing else meanwhile). */
    static byte[] wholeDataset(Databases databases) {
        CommandFormEncoder file = new CommandFormEncoder();
        for (int i = 0; i < databases.count(); i++) {
            Keyspace db = databases.get(i);
            if (db.size() == 0) {
                continue;
            }
            file.openDb(i, db.size(), db.expiresCount());
            Dict dict = db.dict();
            for (int slot = 0; slot < dict.slotLimit(); slot++) {
                Object entry = dict.get(slot);
                if (entry != null) {
                    file.entry(entry, dict.base(slot), db.deadline(slot));
                }
            }
        }
        return file.takeBytes();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Redis writes SELECT once per database; there is no RESIZEDB hint in command form. */
    @Override
    public void openDb(int db, long keys, long keysWithExpiry) {
        select(db);
    }

    /** SELECT, unless the file is in that database already (an entry written early goes under its own). */
    @Override
    public void select(int db) {
        if (selected != db) {
            arrayHeader(2);
            bulk(SELECT);
            bulk(db);
            selected = db;
        }
    }

    @Override
    public void entry(Object entry, int base, long deadline) {
        byte[] key = KeyspaceValues.key(entry, base);
        if (entry instanceof byte[] e) {
            arrayHeader(3);
            bulk(SET);
            bulk(key);
            bulk(e, StringEntry.valueOffset(e, base), StringEntry.valueLength(e, base));
        } else {
            if (entry instanceof ListValue l) {
                list(key, l);
            } else if (entry instanceof SetValue s) {
                set(key, s);
            } else if (entry instanceof SortedSetValue z) {
                sortedSet(key, z);
            } else if (entry instanceof HashValue h) {
                hash(key, h);
            } else if (entry instanceof Stream s) {
                stream(key, s);
            } else {
                throw new IllegalStateException("a " + entry.getClass().getSimpleName()
                        + " value cannot be rewritten as commands yet");
            }
        }
        if (deadline >= 0) {
            arrayHeader(3);
            bulk(PEXPIREAT);
            bulk(key);
            bulk(deadline);
        }
    }

    /** The command that opens a batch, when {@code written} items have gone before it (rewriteListObject...). */
    private void batch(byte[] command, byte[] key, long written, long total, int argsPerItem) {
        if (written % ITEMS_PER_COMMAND == 0) {
            long items = Math.min(ITEMS_PER_COMMAND, total - written);
            arrayHeader(2 + items * argsPerItem);
            bulk(command);
            bulk(key);
        }
    }

    private void list(byte[] key, ListValue l) {
        List<byte[]> elements = l.elements();
        for (int i = 0; i < elements.size(); i++) {
            batch(RPUSH, key, i, elements.size(), 1);
            bulk(elements.get(i));
        }
    }

    private void set(byte[] key, SetValue s) {
        List<byte[]> members = RdbConversion.setToRdb(s).members();
        for (int i = 0; i < members.size(); i++) {
            batch(SADD, key, i, members.size(), 1);
            bulk(members.get(i));
        }
    }

    private void sortedSet(byte[] key, SortedSetValue z) {
        for (long r = 0, n = z.size(); r < n; r++) {
            batch(ZADD, key, r, n, 2);
            bulk(ascii(DoubleFormat.g17(z.score(r)))); // rioWriteBulkDouble's "%.17g"
            bulk(z.memberArray(r), z.memberOffset(r), z.memberLength(r));
        }
    }

    private void hash(byte[] key, HashValue h) {
        long i = 0;
        for (int handle = 0; handle < h.handleLimit(); handle++) {
            if (h.has(handle)) {
                batch(HMSET, key, i++, h.size(), 2);
                bulk(h.fieldArray(handle), h.fieldOffset(handle), h.fieldLength(handle));
                bulk(h.valueArray(handle), h.valueOffset(handle), h.valueLength(handle));
            }
        }
    }

    /** rewriteStreamObject: the live entries, the ids and counters, then each group with its consumers' PELs. */
    private void stream(byte[] key, Stream s) {
        var value = StreamRdb.toRdb(s);
        if (value.length() > 0) {
            for (StreamParts.Node node : value.nodes()) {
                for (StreamParts.Entry e : node.entries()) {
                    if (e.deleted()) {
                        continue;
                    }
                    arrayHeader(3 + 2L * e.fields().size());
                    bulk(XADD);
                    bulk(key);
                    bulk(e.id());
                    for (int f = 0; f < e.fields().size(); f++) {
                        bulk(e.fields().get(f));
                        bulk(e.values().get(f));
                    }
                }
            }
        } else {
            // An empty stream is made by adding an entry and trimming it away at once, as Redis does.
            arrayHeader(7);
            bulk(XADD);
            bulk(key);
            bulk(MAXLEN);
            bulk(0);
            bulk(new StreamParts.Id(0, 1));
            bulk(ascii("x"));
            bulk(ascii("y"));
        }
        arrayHeader(7);
        bulk(XSETID);
        bulk(key);
        bulk(value.lastId());
        bulk(ENTRIESADDED);
        bulk(value.entriesAdded());
        bulk(MAXDELETEDID);
        bulk(value.maxDeletedId());
        for (StreamParts.Group g : value.groups()) {
            arrayHeader(7);
            bulk(XGROUP);
            bulk(CREATE);
            bulk(key);
            bulk(g.name());
            bulk(g.lastId());
            bulk(ENTRIESREAD);
            bulk(g.entriesRead());
            Map<StreamParts.Id, StreamParts.Pending> pending = new HashMap<>();
            for (StreamParts.Pending p : g.pending()) {
                pending.put(p.id(), p);
            }
            for (StreamParts.GroupConsumer c : g.consumers()) {
                if (c.pending().isEmpty()) {
                    arrayHeader(5);
                    bulk(XGROUP);
                    bulk(CREATECONSUMER);
                    bulk(key);
                    bulk(g.name());
                    bulk(c.name());
                    continue;
                }
                for (StreamParts.Id id : c.pending()) {
                    StreamParts.Pending p = pending.get(id);
                    arrayHeader(12);
                    bulk(XCLAIM);
                    bulk(key);
                    bulk(g.name());
                    bulk(c.name());
                    bulk(0);
                    bulk(id);
                    bulk(TIME);
                    bulk(p.deliveryTime());
                    bulk(RETRYCOUNT);
                    bulk(p.deliveryCount());
                    bulk(JUSTID);
                    bulk(FORCE);
                }
            }
        }
    }

    /** Nothing ends a file of commands. */
    @Override
    public void endOfFile() {
    }

    @Override
    public boolean checksummed() {
        return false;
    }

    @Override
    public SnapshotEncoder fragment() {
        return new CommandFormEncoder();
    }

    @Override
    public int pending() {
        return out.size();
    }

    @Override
    public byte[] takeBytes() {
        return out.drain();
    }

    @Override
    public byte[] handOver(byte[] replacement) {
        return out.handOver(replacement);
    }

    // ---- RESP

    private void arrayHeader(long count) {
        out.writeByte('*');
        number(count);
        crlf();
    }

    private void bulk(byte[] b) {
        bulk(b, 0, b.length);
    }

    private void bulk(byte[] b, int off, int len) {
        out.writeByte('$');
        number(len);
        crlf();
        out.writeBytes(b, off, len);
        crlf();
    }

    /** rioWriteBulkLongLong: the decimal text as a bulk string. */
    private void bulk(long v) {
        int n = Ascii.writeLong(digits, 0, v);
        out.writeByte('$');
        number(n);
        crlf();
        out.writeBytes(digits, 0, n);
        crlf();
    }

    /** rioWriteBulkStreamID: {@code <ms>-<seq>}, both unsigned. */
    private void bulk(StreamParts.Id id) {
        bulk(ascii(Long.toUnsignedString(id.ms()) + "-" + Long.toUnsignedString(id.seq())));
    }

    private void number(long v) {
        int n = Ascii.writeLong(lengthDigits, 0, v);
        out.writeBytes(lengthDigits, 0, n);
    }

    private void crlf() {
        out.writeByte('\r');
        out.writeByte('\n');
    }
}
