package io.nioredis.store;

/**
 * A dict's bucket table, in pages of 128k buckets (512 KB, made in the old generation by the launcher's
 * -XX:PretenureSizeThreshold) made when a bucket in them is first set. A Java array is
 * zeroed when it is made, and touching a fresh 64 MB of it took 135 ms here (a table of 16M buckets, the
 * one a keyspace grows to past 8M keys), all inside the insert that started the rehash. Made a page at a
 * time the table costs the same spread over many inserts, as Redis's table does, whose calloc'd memory is
 * mapped fresh and faulted in as it is used. A rehash writes buckets all over its new table from its first
 * moves, so the dict makes that table's pages ahead, a few at a time, while the old one fills up
 * ({@link #makePagesUpTo}).
 */
final class BucketTable {
    private static final int PAGE_SHIFT = 17;
    static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final int PAGE_MASK = PAGE_SIZE - 1;

    private final int length;
    private final int[][] pages;
    /** Pages made so far by {@link #makePagesUpTo}, which makes them in order. */
    private int madeInOrder;

    /** A table of {@code length} empty buckets, a power of two. A table of one page or less is made at once. */
    BucketTable(int length) {
        this.length = length;
        this.pages = new int[Math.max(1, length >>> PAGE_SHIFT)][];
        if (length < PAGE_SIZE) {
            pages[0] = new int[length];
        } else if (length == PAGE_SIZE) {
            pages[0] = PageStock.ints();
        }
    }

    int length() {
        return length;
    }

    /** The bucket's link (slot + 1 of its chain's head, 0 if empty). */
    int get(int bucket) {
        int[] page = pages[bucket >>> PAGE_SHIFT];
        return page == null ? 0 : page[bucket & PAGE_MASK];
    }

    void set(int bucket, int link) {
        int[] page = pages[bucket >>> PAGE_SHIFT];
        if (page == null) {
            if (link == 0) {
                return;
            }
            page = PageStock.ints();
            pages[bucket >>> PAGE_SHIFT] = page;
        }
        page[bucket & PAGE_MASK] = link;
    }

    /** Pages the table has once all are made. */
    int pageCount() {
        return pages.length;
    }

    /** Makes the table's first {@code count} pages that are not made yet, ahead of their first use. */
    void makePagesUpTo(int count) {
        for (int end = Math.min(count, pages.length); madeInOrder < end; madeInOrder++) {
            if (pages[madeInOrder] == null) {
                pages[madeInOrder] = PageStock.ints();
            }
        }
    }
}
