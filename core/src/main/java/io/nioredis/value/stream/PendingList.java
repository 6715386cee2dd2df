package io.nioredis.value.stream;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * A pending entries list in id order: the group's, or one consumer's. It holds the slots of the group's
 * {@link PendingStore} in arrays of up to {@link #CHUNK} ints, themselves in id order, where a {@code TreeMap}
 * gave each entry a tree node of its own in every list it was in. A group fed by XREADGROUP appends an entry
 * per delivery, and those nodes made two thirds of what each delivery left in the young generation for the
 * collector to promote; a chunk is one array per 256 deliveries. Appending at the end, the common case, is
 * O(1); any other insert or remove shifts within one chunk, and finding an id is a binary search over the
 * chunks and then within one. Methods that find an entry return its slot, or -1.
 */
final class PendingList extends AbstractCollection<PendingEntry> {
    static final int CHUNK = 256;
    /** A chunk's heap bytes: the object and its array of ints. */
    static final long CHUNK_BYTES = 16 + 16 + 4L * CHUNK;

    /** The chunks of several lists counted together (a group's consumers), so that their bytes need no walk. */
    static final class ChunkCount {
        long chunks;
    }

    private final PendingStore store;
    private final ArrayList<Chunk> chunks = new ArrayList<>();
    private final ChunkCount shared;
    private int size;

    /** A list of the store's slots whose chunks also count in {@code shared} when it is not null. */
    PendingList(PendingStore store, ChunkCount shared) {
        this.store = store;
        this.shared = shared;
    }

    private static final class Chunk {
        final int[] slots = new int[CHUNK];
        int size;

        int last() {
            return slots[size - 1];
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

    /** The slot of the entry with this id, or -1. */
    int get(long ms, long seq) {
        long at = locate(ms, seq);
        return at < 0 ? -1 : chunks.get((int) (at >>> 32)).slots[(int) at];
    }

    /** Adds the entry in {@code slot}, whose id is not in the list. */
    void insert(int slot) {
        long ms = store.ms(slot);
        long seq = store.seq(slot);
        int c = chunkFor(ms, seq);
        if (c == chunks.size()) {
            // Past every id: onto the last chunk, or a new one when it is full.
            Chunk last = chunks.isEmpty() ? null : chunks.get(c - 1);
            if (last == null || last.size == CHUNK) {
                last = new Chunk();
                chunks.add(last);
                counted(1);
            }
            last.slots[last.size++] = slot;
            size++;
            return;
        }
        Chunk chunk = chunks.get(c);
        int i = indexIn(chunk, ms, seq);
        if (chunk.size == CHUNK) {
            Chunk upper = new Chunk();
            int half = CHUNK / 2;
            System.arraycopy(chunk.slots, half, upper.slots, 0, CHUNK - half);
            upper.size = CHUNK - half;
            chunk.size = half;
            chunks.add(c + 1, upper);
            counted(1);
            if (i > half) {
                chunk = upper;
                i -= half;
            }
        }
        System.arraycopy(chunk.slots, i, chunk.slots, i + 1, chunk.size - i);
        chunk.slots[i] = slot;
        chunk.size++;
        size++;
    }

    /** Removes the entry with this id; returns its slot, or -1 if it was not there. */
    int remove(long ms, long seq) {
        long at = locate(ms, seq);
        if (at < 0) {
            return -1;
        }
        int c = (int) (at >>> 32);
        int i = (int) at;
        Chunk chunk = chunks.get(c);
        int slot = chunk.slots[i];
        System.arraycopy(chunk.slots, i + 1, chunk.slots, i, chunk.size - i - 1);
        chunk.size--;
        if (chunk.size == 0) {
            chunks.remove(c);
            counted(-1);
        }
        size--;
        return slot;
    }

    int first() {
        return chunks.get(0).slots[0];
    }

    int last() {
        return chunks.get(chunks.size() - 1).last();
    }

    /** The slot of the first entry whose id is at least ({@code ms}, {@code seq}), or -1. */
    int ceiling(long ms, long seq) {
        int c = chunkFor(ms, seq);
        if (c == chunks.size()) {
            return -1;
        }
        Chunk chunk = chunks.get(c);
        return chunk.slots[indexIn(chunk, ms, seq)];
    }

    /** The slot of the first entry whose id is greater than ({@code ms}, {@code seq}), or -1. */
    int higher(long ms, long seq) {
        if (seq != -1) {
            return ceiling(ms, seq + 1);
        }
        return ms == -1 ? -1 : ceiling(ms + 1, 0);
    }

    /** The slots from the first entry whose id is at least ({@code ms}, {@code seq}), in id order. */
    Slots from(long ms, long seq) {
        return new Slots(chunkFor(ms, seq), ms, seq);
    }

    /** The entries in id order, each a view of its slot in the store. */
    @Override
    public Iterator<PendingEntry> iterator() {
        return entries(new Slots(0, 0, 0));
    }

    /** The entries from the first whose id is at least ({@code ms}, {@code seq}), as {@link #iterator()}. */
    Iterator<PendingEntry> entriesFrom(long ms, long seq) {
        return entries(from(ms, seq));
    }

    private Iterator<PendingEntry> entries(Slots slots) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return slots.hasNext();
            }

            @Override
            public PendingEntry next() {
                return new PendingEntry(store, slots.next());
            }
        };
    }

    /** A walk over slots in id order; read-only: a change to the list during a walk is not noticed. */
    final class Slots {
        private int chunk;
        private int index;

        private Slots(int chunk, long ms, long seq) {
            this.chunk = chunk;
            this.index = chunk < chunks.size() ? indexIn(chunks.get(chunk), ms, seq) : 0;
        }

        boolean hasNext() {
            return chunk < chunks.size() && index < chunks.get(chunk).size;
        }

        int next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Chunk c = chunks.get(chunk);
            int slot = c.slots[index++];
            if (index == c.size) {
                chunk++;
                index = 0;
            }
            return slot;
        }
    }

    /** Heap bytes of the chunks (the entries are counted by their group's store). */
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
        return i < chunk.size && compare(chunk.slots[i], ms, seq) == 0 ? (long) c << 32 | i : -1;
    }

    /** The first chunk whose last id is at least ({@code ms}, {@code seq}); the chunk count if none is. */
    private int chunkFor(long ms, long seq) {
        int hi = chunks.size();
        if (hi == 0 || compare(chunks.get(hi - 1).last(), ms, seq) < 0) {
            return hi; // past every id: a new delivery, the common case, costs one comparison
        }
        int lo = 0;
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
    private int indexIn(Chunk chunk, long ms, long seq) {
        int lo = 0;
        int hi = chunk.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(chunk.slots[mid], ms, seq) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private int compare(int slot, long ms, long seq) {
        return StreamId.compare(store.ms(slot), store.seq(slot), ms, seq);
    }
}
