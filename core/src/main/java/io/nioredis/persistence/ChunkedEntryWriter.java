package io.nioredis.persistence;

import io.nioredis.rdb.ByteSink;
import io.nioredis.rdb.EncodingLimits;
import io.nioredis.rdb.Lzf;
import io.nioredis.rdb.RdbOutput;
import io.nioredis.rdb.RdbType;
import io.nioredis.rdb.RdbValueWriter;
import io.nioredis.store.StringEntry;
import io.nioredis.value.HashValue;
import io.nioredis.value.ListValue;
import io.nioredis.value.SetMember;
import io.nioredis.value.SetValue;
import io.nioredis.value.SortedSetValue;
import java.io.IOException;

/**
 * Serializes a big keyspace entry on the snapshot's writer thread straight from the live value, a bounded
 * piece at a time: the bytes collect in one buffer that goes to the sink whenever it holds
 * {@link #FLUSH_BYTES}, so a 50 MB string or a list of millions of elements never exists as a second,
 * serialized copy (nor as the neutral {@code RdbValue} model, which would be a third). The bytes are the
 * ones {@link RdbValueWriter} writes for the same value. A long string is LZF-compressed in two passes
 * (RDB puts the compressed length ahead of the compressed bytes): one that only counts, then one whose
 * output goes out through a small window, so compressing needs no copy of the string's size either.
 *
 * <p>Aggregates in their hashtable and skiplist encodings are element by element in RDB and are streamed so;
 * a list goes a quicklist node at a time. Compact encodings (a listpack hash or sorted set, an intset) are
 * bounded by the encoding limits and streams are rare, so those take the ordinary whole-value path.
 */
final class ChunkedEntryWriter {
    /** The buffer goes to the sink once it holds this much. */
    static final int FLUSH_BYTES = 32 << 10;
    /** A verbatim string is copied into the buffer this much at a time. */
    private static final int STRING_PIECE = 16 << 10;
    /** The window a long string's LZF output goes out through. */
    private static final int LZF_WINDOW = 16 << 10;
    /** lpSafeToAdd: a listpack never grows past 1 GB. */
    private static final long LISTPACK_SAFETY_SIZE = 1L << 30;

    private final EncodingLimits limits;
    private final boolean compression;
    private final RdbOutput out;
    private final RdbValueWriter values;
    private final SetMember member = new SetMember();
    private final Lzf lzf = new Lzf();
    private final byte[] window = new byte[LZF_WINDOW];
    private ByteSink sink;
    private long written;

    ChunkedEntryWriter(EncodingLimits limits, boolean compression) {
        this.limits = limits;
        this.compression = compression;
        this.out = new RdbOutput(compression);
        this.values = new RdbValueWriter(limits);
    }

    /**
     * Writes the entry (a value, or a string entry in an array of its own) as an RDB key-value pair (its
     * expiry first unless {@code deadline} is negative) to
     * {@code sink} and returns how many bytes that was. The entry must not change meanwhile. A value that
     * cannot be saved throws IllegalStateException, possibly after some of its bytes went out.
     */
    long write(Object entry, long deadline, ByteSink sink) throws IOException {
        this.sink = sink;
        this.written = 0;
        if (deadline >= 0) {
            out.writeExpireMillis(deadline);
        }
        if (entry instanceof byte[] e) {
            string(e);
        } else if (entry instanceof ListValue l) {
            list(l);
        } else if (entry instanceof SetValue s && s.intset() == null) {
            set(s);
        } else if (entry instanceof HashValue h && !fitsListpack(h)) {
            hash(h);
        } else if (entry instanceof SortedSetValue z && !fitsListpack(z)) {
            sortedSet(z);
        } else {
            values.write(out, KeyspaceValues.key(entry, 0), KeyspaceValues.toRdb(entry, 0));
        }
        flush();
        this.sink = null;
        return written;
    }

    private void flush() throws IOException {
        written += out.size();
        out.flushTo(sink);
    }

    private void flushWhenFull() throws IOException {
        if (out.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    private void string(byte[] e) throws IOException {
        out.writeType(RdbType.STRING);
        out.writeString(e, StringEntry.keyOffset(e, 0), StringEntry.keyLength(e, 0));
        int offset = StringEntry.valueOffset(e, 0);
        int length = StringEntry.valueLength(e, 0);
        if (length <= FLUSH_BYTES) {
            out.writeString(e, offset, length);
            return;
        }
        if (compression) {
            // rdbSaveLzfStringObject, in two passes: the compressed length goes first in RDB.
            int compressed = lzf.compressedLength(e, offset, length, length - 4, window);
            if (compressed > 0) {
                out.writeLzfHeader(compressed, length);
                flush();
                written += lzf.compressTo(e, offset, length, length - 4, window, sink);
                return;
            }
        }
        out.writeLength(length);
        for (int done = 0; done < length; ) {
            int n = Math.min(STRING_PIECE, length - done);
            out.writeBytes(e, offset + done, n);
            done += n;
            flushWhenFull();
        }
    }

    /** LIST_QUICKLIST_2, a node at a time, as {@link RdbValueWriter} writes the whole list's nodes. */
    private void list(ListValue l) throws IOException {
        out.writeType(RdbType.LIST_QUICKLIST_2);
        out.writeString(l.key());
        int nodes = l.nodeCount();
        out.writeLength(nodes);
        for (int i = 0; i < nodes; i++) {
            out.writeLength(RdbType.QUICKLIST_NODE_PACKED);
            out.writeString(l.listpack(i));
            flushWhenFull();
        }
    }

    /** A hashtable-encoded set as RDB_TYPE_SET, members in slot order. */
    private void set(SetValue s) throws IOException {
        out.writeType(RdbType.SET);
        out.writeString(s.key());
        out.writeLength(s.size());
        for (int p = 0, limit = s.positionLimit(); p < limit; p++) {
            if (s.member(p, member)) {
                out.writeString(member.array, member.offset, member.length);
                flushWhenFull();
            }
        }
    }

    /** RdbValueWriter's choice of HASH_LISTPACK. */
    private boolean fitsListpack(HashValue h) {
        if (h.size() > limits.hashMaxListpackEntries()) {
            return false;
        }
        long total = 0;
        for (int i = 0; i < h.handleLimit(); i++) {
            if (h.has(i)) {
                if (h.fieldLength(i) > limits.hashMaxListpackValue() || h.valueLength(i) > limits.hashMaxListpackValue()) {
                    return false;
                }
                total += h.fieldLength(i) + h.valueLength(i);
            }
        }
        return total < LISTPACK_SAFETY_SIZE;
    }

    private void hash(HashValue h) throws IOException {
        out.writeType(RdbType.HASH);
        out.writeString(h.key());
        out.writeLength(h.size());
        for (int i = 0; i < h.handleLimit(); i++) {
            if (h.has(i)) {
                out.writeString(h.fieldArray(i), h.fieldOffset(i), h.fieldLength(i));
                out.writeString(h.valueArray(i), h.valueOffset(i), h.valueLength(i));
                flushWhenFull();
            }
        }
    }

    /** RdbValueWriter's choice of ZSET_LISTPACK. */
    private boolean fitsListpack(SortedSetValue z) {
        if (z.size() > limits.zsetMaxListpackEntries()) {
            return false;
        }
        long[] total = {0};
        boolean[] fits = {true};
        z.forEach(false, (b, off, len, score) -> {
            fits[0] &= len <= limits.zsetMaxListpackValue();
            total[0] += len;
        });
        return fits[0] && total[0] < LISTPACK_SAFETY_SIZE;
    }

    /** ZSET_2 from the skiplist's tail to its head, as Redis walks it (descending by score, then member). */
    private void sortedSet(SortedSetValue z) throws IOException {
        out.writeType(RdbType.ZSET_2);
        out.writeString(z.key());
        out.writeLength(z.size());
        IOException[] failed = {null};
        z.forEach(true, (b, off, len, score) -> {
            if (failed[0] != null) {
                return;
            }
            try {
                out.writeString(b, off, len);
                out.writeBinaryDouble(score);
                flushWhenFull();
            } catch (IOException e) {
                failed[0] = e;
            }
        });
        if (failed[0] != null) {
            throw failed[0];
        }
    }
}
