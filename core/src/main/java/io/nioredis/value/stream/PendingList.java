package io.nioredis.value.stream;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A pending entries list in id order: the group's, or one consumer's. The entries sit in arrays of up to
 * {@link #CHUNK} references, themselves in id order, where a {@code TreeMap} gave each entry a tree node of its
 * own in every list it was in. A group fed by XREADGROUP appends an entry per delivery, and those nodes made two
 * thirds of what each delivery left in the young generation for the collector to promote; a chunk is one
 * array per 256 deliveries. Appending at the end, the common case, is O(1); any other insert or remove
 * shifts within one chunk, and finding an id is a binary search over the chunks and then within one.
 */
final class PendingList extends AbstractCollection<PendingEntry> {
    static final int CHUNK = 256;
    /** A chunk's heap bytes: the object and its array of compressed references. */
    static final long CHUNK_BYTES = 16 + 16 + 4L * CHUNK;

    /** The chunks of several lists counted together (a group's consumers), so that their bytes need no walk. */
    static final class ChunkCount {
        long chunks;
    }

    private final ArrayList<Chunk> chunks = new ArrayList<>();
    private final ChunkCount shared;
    private int size;

    PendingList() {
        this(null);
    }

    /** A list whose chunks also count in {@code shared}. */
    PendingList(ChunkCount shared) {
        this.shared = shared;
    }

    private static final class Chunk {
        final PendingEntry[] items = new PendingEntry[CHUNK];
        int size;

        PendingEntry last() {
            return items[size - 1];
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** The entry with this id, or null. */
    PendingEntry get(long ms, long seq) {
        long at = locate(ms, seq);
        return at < 0 ? null : chunks.get((int) (at >>> 32)).items[(int) at];
    }

    /** Adds an entry whose id is not in the list. */
    void insert(PendingEntry e) {
        int c = chunkFor(e.ms, e.seq);
        if (c == chunks.size()) {
            // Past every id: onto the last chunk, or a new one when it is full.
            Chunk last = chunks.isEmpty() ? null : chunks.get(c - 1);
            if (last == null || last.size == CHUNK) {
                last = new Chunk();
                chunks.add(last);
                counted(1);
            }
            last.items[last.size++] = e;
            size++;
            return;
        }
        Chunk chunk = chunks.get(c);
        int i = indexIn(chunk, e.ms, e.seq);
        if (chunk.size == CHUNK) {
            Chunk upper = new Chunk();
            int half = CHUNK / 2;
            System.arraycopy(chunk.items, half, upper.items, 0, CHUNK - half);
            Arrays.fill(chunk.items, half, CHUNK, null);
            upper.size = CHUNK - half;
            chunk.size = half;
            chunks.add(c + 1, upper);
            counted(1);
            if (i > half) {
                chunk = upper;
                i -= half;
            }
        }
        System.arraycopy(chunk.items, i, chunk.items, i + 1, chunk.size - i);
        chunk.items[i] = e;
        chunk.size++;
        size++;
    }

    /** Removes the entry with this id; true if it was there. */
    boolean remove(long ms, long seq) {
        long at = locate(ms, seq);
        if (at < 0) {
            return false;
        }
        int c = (int) (at >>> 32);
        int i = (int) at;
        Chunk chunk = chunks.get(c);
        System.arraycopy(chunk.items, i + 1, chunk.items, i, chunk.size - i - 1);
        chunk.items[--chunk.size] = null;
        if (chunk.size == 0) {
            chunks.remove(c);
            counted(-1);
        }
        size--;
        return true;
    }

    PendingEntry first() {
        return chunks.get(0).items[0];
    }

    PendingEntry last() {
        return chunks.get(chunks.size() - 1).last();
    }

    /** The first entry whose id is at least ({@code ms}, {@code seq}), or null. */
    PendingEntry ceiling(long ms, long seq) {
        int c = chunkFor(ms, seq);
        if (c == chunks.size()) {
            return null;
        }
        Chunk chunk = chunks.get(c);
        return chunk.items[indexIn(chunk, ms, seq)];
    }

    /** The first entry whose id is greater than ({@code ms}, {@code seq}), or null. */
    PendingEntry higher(long ms, long seq) {
        if (seq != -1) {
            return ceiling(ms, seq + 1);
        }
        return ms == -1 ? null : ceiling(ms + 1, 0);
    }

    /** The entries from the first whose id is at least ({@code ms}, {@code seq}), in order. */
    Iterable<PendingEntry> from(long ms, long seq) {
        return () -> new Walk(chunkFor(ms, seq), ms, seq);
    }

    @Override
    public Iterator<PendingEntry> iterator() {
        return new Walk(0, 0, 0);
    }

    /** Read-only: a change to the list during a walk is not noticed. */
    private final class Walk implements Iterator<PendingEntry> {
        private int chunk;
        private int index;

        Walk(int chunk, long ms, long seq) {
            this.chunk = chunk;
            this.index = chunk < chunks.size() ? indexIn(chunks.get(chunk), ms, seq) : 0;
        }

        @Override
        public boolean hasNext() {
            return chunk < chunks.size() && index < chunks.get(chunk).size;
        }

        @Override
        public PendingEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Chunk c = chunks.get(chunk);
            PendingEntry e = c.items[index++];
            if (index == c.size) {
                chunk++;
                index = 0;
            }
            return e;
        }
    }

    /** Heap bytes of the chunks (the entries are counted by their group). */
    long chunkBytes() {
        return chunks.size() * CHUNK_BYTES;
    }

    int chunkCount() {
        return chunks.size();
    }

    private void counted(int chunksAdded) {
        if (shared != null) {
            shared.chunks += chunksAdded;
        }
    }

    /** Where the entry with this id is, the chunk's index high and the index in it low, or -1. */
    private long locate(long ms, long seq) {
        int c = chunkFor(ms, seq);
        if (c == chunks.size()) {
            return -1;
        }
        Chunk chunk = chunks.get(c);
        int i = indexIn(chunk, ms, seq);
        return i < chunk.size && compare(chunk.items[i], ms, seq) == 0 ? (long) c << 32 | i : -1;
    }

    /** The first chunk whose last id is at least ({@code ms}, {@code seq}); the chunk count if none is. */
    private int chunkFor(long ms, long seq) {
        int lo = 0;
        int hi = chunks.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(chunks.get(mid).last(), ms, seq) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index of the chunk whose id is at least ({@code ms}, {@code seq}). */
    private static int indexIn(Chunk chunk, long ms, long seq) {
        int lo = 0;
        int hi = chunk.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(chunk.items[mid], ms, seq) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int compare(PendingEntry e, long ms, long seq) {
        return StreamId.compare(e.ms, e.seq, ms, seq);
    }
}
