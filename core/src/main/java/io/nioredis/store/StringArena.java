package io.nioredis.store;

import java.util.Arrays;

/**
 * Room for a dict's small string entries, many to a page: 512 KB byte arrays carved into chunks of a multiple
 * of 8 bytes, up to {@link #MAX_CHUNK}. Ten million small keys are then a few hundred arrays for the
 * collector to mark and move instead of ten million, and a replaced value's chunk is used again instead of becoming
 * garbage in the old generation, where it would bring on the next full collection.
 *
 * <p>A freed chunk goes on the free list of its size, linked through its own first four bytes, and the next
 * allocation of that size takes it; otherwise chunks are cut from the end of the newest page. A chunk is
 * named by an int handle, the page's index times the chunks a page holds plus the offset over 8, so a page
 * holds {@code 2^16} 8-byte units and the arena up to {@code 2^15} pages (16 GB). A page's first 8 bytes
 * hold its index, so that freeing a chunk finds its page's number at once.
 *
 * <p>Pages are not given back while the arena lives, and a chunk never moves: memory a workload frees in one
 * size stays with that size, as in an allocator of size classes (jemalloc's slabs in Redis).
 */
final class StringArena {
    /**
     * 512 KB: as small as a page can be and still be made straight in the old generation by the launcher
     * (-XX:PretenureSizeThreshold=512k). A new page is zeroed at the insert that needs it, and memory the heap
     * has not used before is faulted in at that first touch (see {@link Dict}'s class comment): smaller pages
     * spread that cost over more inserts.
     */
    static final int PAGE_SHIFT = 19;
    static final int PAGE_BYTES = 1 << PAGE_SHIFT;
    /** Entries larger than this get an array of their own. */
    static final int MAX_CHUNK = 1024;
    private static final int UNIT_SHIFT = 3;
    private static final int UNITS_PER_PAGE_SHIFT = PAGE_SHIFT - UNIT_SHIFT;
    private static final int NONE = -1;
    /** The page's index, at its start; chunks follow. */
    private static final int PAGE_HEADER = 8;

    private byte[][] pages = new byte[0][];
    private int pageCount;
    /** Where the newest page's free end starts. */
    private int top = PAGE_BYTES;
    /** Per chunk size in 8-byte units, the handle of the first free chunk of that size, or {@link #NONE}. */
    private final int[] freeHeads = new int[(MAX_CHUNK >>> UNIT_SHIFT) + 1];
    /** Where {@link #allocate} put the chunk in the page it returned. */
    private int allocatedBase;

    StringArena() {
        Arrays.fill(freeHeads, NONE);
    }

    /** The room a chunk for an entry of {@code size} bytes takes. */
    static int chunkSize(int size) {
        return (size + 7) & ~7;
    }

    /** True if an entry of {@code size} bytes lives in an arena rather than in an array of its own. */
    static boolean holds(int size) {
        return size <= MAX_CHUNK;
    }

    /**
     * A chunk for an entry of {@code size} bytes (at most {@link #MAX_CHUNK}): returns its page and leaves its
     * base in {@link #allocatedBase()}. The chunk's bytes are whatever they were; the caller writes them all.
     */
    byte[] allocate(int size) {
        int units = chunkSize(size) >>> UNIT_SHIFT;
        int handle = freeHeads[units];
        if (handle != NONE) {
            byte[] page = pages[handle >>> UNITS_PER_PAGE_SHIFT];
            int base = (handle & ((1 << UNITS_PER_PAGE_SHIFT) - 1)) << UNIT_SHIFT;
            freeHeads[units] = readInt(page, base);
            allocatedBase = base;
            return page;
        }
        int bytes = units << UNIT_SHIFT;
        if (top + bytes > PAGE_BYTES) {
            addPage();
        }
        allocatedBase = top;
        top += bytes;
        return pages[pageCount - 1];
    }

    int allocatedBase() {
        return allocatedBase;
    }

    /** Gives back the chunk at {@code base} in {@code page} that held an entry of {@code size} bytes. */
    void free(byte[] page, int base, int size) {
        push(pageIndex(page), base, chunkSize(size) >>> UNIT_SHIFT);
    }

    private void addPage() {
        if (pageCount > 0 && top < PAGE_BYTES) {
            // The old page's end becomes a free chunk of its size, which is at most MAX_CHUNK: a larger end
            // would have held the chunk that did not fit.
            push(pageCount - 1, top, (PAGE_BYTES - top) >>> UNIT_SHIFT);
        }
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, Math.max(4, pageCount * 2));
        }
        byte[] page = PageStock.bytes();
        writeInt(page, 0, pageCount);
        pages[pageCount++] = page;
        top = PAGE_HEADER;
    }

    private void push(int pageIndex, int base, int units) {
        byte[] page = pages[pageIndex];
        writeInt(page, base, freeHeads[units]);
        freeHeads[units] = (pageIndex << UNITS_PER_PAGE_SHIFT) | (base >>> UNIT_SHIFT);
    }

    /** The index of a page of this arena, from the page's header. */
    private int pageIndex(byte[] page) {
        int index = readInt(page, 0);
        if (index >= pageCount || pages[index] != page) {
            throw new IllegalArgumentException("not a page of this arena");
        }
        return index;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
