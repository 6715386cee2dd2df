package io.nioredis.value.stream;

/**
 * Walks the live entries of a stream between two ids, forward or backward, without allocating per
 * entry: after {@link #next()} the id is in {@link #ms()}/{@link #seq()} and the field/value pairs are
 * read one at a time with {@link #nextPair()}, each exposed as (array, offset, length). A field or value
 * stored as an integer is rendered into a buffer owned by the cursor, so a pair is valid until the next
 * call. One cursor can be reused for any number of walks; the stream must not change during one.
 */
public final class StreamCursor {
    private StreamNodes nodes;
    private boolean reverse;
    private long startMs, startSeq, endMs, endSeq;
    private boolean finished;

    private int node;          // logical node index
    private byte[] data;
    private long masterMs, masterSeq;
    private int masterFieldsPos; // position of the first master field
    private int masterFieldCount;
    private int pos;             // next entry (forward) or next string of the current entry
    private int[] offsets = new int[128];
    private int offsetCount;
    private int offsetIndex;

    private long ms, seq;
    private int entryOffset = -1;
    private int entryNode;
    private int pairCount, pairsLeft;
    private boolean sameFields;
    private int masterFieldPtr;

    private final byte[] fieldScratch = new byte[24];
    private final byte[] valueScratch = new byte[24];
    private byte[] fieldArray, valueArray;
    private int fieldOffset, fieldLength, valueOffset, valueLength;

    /** Positions the cursor before the first live entry with start <= id <= end, in the direction asked. */
    public StreamCursor open(Stream stream, long startMs, long startSeq, long endMs, long endSeq, boolean reverse) {
        this.nodes = stream.nodes;
        this.reverse = reverse;
        this.startMs = startMs;
        this.startSeq = startSeq;
        this.endMs = endMs;
        this.endSeq = endSeq;
        this.entryOffset = -1;
        this.finished = nodes.count() == 0 || StreamId.compare(startMs, startSeq, endMs, endSeq) > 0;
        if (finished) return this;
        if (!reverse) {
            int i = nodes.floor(startMs, startSeq);
            enterNode(i < 0 ? 0 : i);
        } else {
            int i = nodes.floor(endMs, endSeq);
            if (i < 0) {
                finished = true;
                return this;
            }
            enterNode(i);
        }
        return this;
    }

    public StreamCursor open(Stream stream, StreamId start, StreamId end, boolean reverse) {
        return open(stream, start.ms(), start.seq(), end.ms(), end.seq(), reverse);
    }

    /** Positions on exactly the live entry with this id; false when there is none. */
    public boolean seek(Stream stream, long ms, long seq) {
        return open(stream, ms, seq, ms, seq, false).next();
    }

    /** Advances to the next live entry in range; false when the walk is over. */
    public boolean next() {
        if (finished) return false;
        while (true) {
            int at;
            if (!reverse) {
                if (entryOffset >= 0 && entryNode == node) skipRestOfEntry();
                if (pos >= nodes.used[nodes.slot(node)]) {
                    if (node + 1 >= nodes.count()) return finish();
                    enterNode(node + 1);
                    continue;
                }
                at = pos;
            } else {
                if (offsetIndex < 0) {
                    if (node == 0) return finish();
                    enterNode(node - 1);
                    continue;
                }
                at = offsets[offsetIndex--];
            }
            int flags = readHeader(at);
            boolean afterStart = StreamId.compare(ms, seq, startMs, startSeq) >= 0;
            boolean beforeEnd = StreamId.compare(ms, seq, endMs, endSeq) <= 0;
            if (!reverse) {
                if ((flags & EntryCodec.DELETED) != 0 || !afterStart) continue;
                if (!beforeEnd) return finish();
            } else {
                if ((flags & EntryCodec.DELETED) != 0 || !beforeEnd) continue;
                if (!afterStart) return finish();
            }
            return true;
        }
    }

    public long ms() {
        return ms;
    }

    public long seq() {
        return seq;
    }

    public StreamId id() {
        return new StreamId(ms, seq);
    }

    /** Number of field/value pairs of the current entry. */
    public int pairCount() {
        return pairCount;
    }

    /** Moves to the next field/value pair of the current entry; false after the last one. */
    public boolean nextPair() {
        if (pairsLeft == 0) return false;
        pairsLeft--;
        if (sameFields) {
            masterFieldPtr = readString(data, masterFieldPtr, true);
        } else {
            pos = readString(data, pos, true);
        }
        pos = readString(data, pos, false);
        return true;
    }

    public byte[] fieldArray() { return fieldArray; }
    public int fieldOffset() { return fieldOffset; }
    public int fieldLength() { return fieldLength; }
    public byte[] valueArray() { return valueArray; }
    public int valueOffset() { return valueOffset; }
    public int valueLength() { return valueLength; }

    /** Copies the current entry's pairs as field, value, field, value... (tests and off-hot-path callers). */
    public byte[][] copyPairs() {
        byte[][] out = new byte[pairsLeft * 2][];
        int k = 0;
        while (nextPair()) {
            out[k++] = java.util.Arrays.copyOfRange(fieldArray, fieldOffset, fieldOffset + fieldLength);
            out[k++] = java.util.Arrays.copyOfRange(valueArray, valueOffset, valueOffset + valueLength);
        }
        return out;
    }

    // ---- package-private positions for in-place deletion ----

    int entryNodeIndex() {
        return entryNode;
    }

    int entryOffset() {
        return entryOffset;
    }

    private boolean finish() {
        finished = true;
        return false;
    }

    private void enterNode(int i) {
        node = i;
        int s = nodes.slot(i);
        data = nodes.data[s];
        masterMs = nodes.masterMs[s];
        masterSeq = nodes.masterSeq[s];
        masterFieldCount = (int) EntryCodec.readVarint(data, 0);
        masterFieldsPos = EntryCodec.skipVarint(data, 0);
        int p = masterFieldsPos;
        for (int f = 0; f < masterFieldCount; f++) p = EntryCodec.skipString(data, p);
        if (!reverse) {
            pos = p;
        } else {
            offsetCount = 0;
            int end = nodes.used[s];
            while (p < end) {
                if (offsetCount == offsets.length) offsets = java.util.Arrays.copyOf(offsets, offsetCount * 2);
                offsets[offsetCount++] = p;
                p = skipEntry(p);
            }
            offsetIndex = offsetCount - 1;
        }
    }

    /** Decodes the entry header at 'at'; leaves pos at its first string. */
    private int readHeader(int at) {
        entryOffset = at;
        entryNode = node;
        long head = EntryCodec.readVarint(data, at);
        int p = EntryCodec.skipVarint(data, at);
        int flags = (int) (head & ((1 << EntryCodec.FLAG_BITS) - 1));
        long msDelta;
        if ((flags & EntryCodec.BIG_MS_DELTA) != 0) {
            msDelta = EntryCodec.readVarint(data, p);
            p = EntryCodec.skipVarint(data, p);
        } else {
            msDelta = head >>> EntryCodec.FLAG_BITS;
        }
        long seqDelta = EntryCodec.unzigzag(EntryCodec.readVarint(data, p));
        p = EntryCodec.skipVarint(data, p);
        ms = masterMs + msDelta;
        seq = masterSeq + seqDelta;
        sameFields = (flags & EntryCodec.SAME_FIELDS) != 0;
        if (sameFields) {
            pairCount = masterFieldCount;
            masterFieldPtr = masterFieldsPos;
        } else {
            pairCount = (int) EntryCodec.readVarint(data, p);
            p = EntryCodec.skipVarint(data, p);
        }
        pairsLeft = pairCount;
        pos = p;
        return flags;
    }

    private void skipRestOfEntry() {
        while (pairsLeft > 0) {
            pairsLeft--;
            if (!sameFields) pos = EntryCodec.skipString(data, pos);
            pos = EntryCodec.skipString(data, pos);
        }
    }

    /** Position after the entry starting at p (used to index a node for reverse walks). */
    private int skipEntry(int p) {
        long head = EntryCodec.readVarint(data, p);
        p = EntryCodec.skipVarint(data, p);
        if ((head & EntryCodec.BIG_MS_DELTA) != 0) p = EntryCodec.skipVarint(data, p);
        p = EntryCodec.skipVarint(data, p);
        if ((head & EntryCodec.SAME_FIELDS) != 0) {
            for (int f = 0; f < masterFieldCount; f++) p = EntryCodec.skipString(data, p);
        } else {
            int n = (int) EntryCodec.readVarint(data, p);
            p = EntryCodec.skipVarint(data, p);
            for (int f = 0; f < 2 * n; f++) p = EntryCodec.skipString(data, p);
        }
        return p;
    }

    private int readString(byte[] a, int p, boolean isField) {
        long tag = EntryCodec.readVarint(a, p);
        p = EntryCodec.skipVarint(a, p);
        if ((tag & 1) != 0) {
            byte[] scratch = isField ? fieldScratch : valueScratch;
            int len = EntryCodec.writeDecimal(scratch, EntryCodec.unzigzag(tag >>> 1));
            set(isField, scratch, 0, len);
            return p;
        }
        int len = (int) (tag >>> 1);
        set(isField, a, p, len);
        return p + len;
    }

    private void set(boolean isField, byte[] a, int off, int len) {
        if (isField) {
            fieldArray = a;
            fieldOffset = off;
            fieldLength = len;
        } else {
            valueArray = a;
            valueOffset = off;
            valueLength = len;
        }
    }
}
