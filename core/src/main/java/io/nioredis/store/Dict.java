package io.nioredis.store;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * A hash table in the style of Redis's dict.c: power-of-two bucket tables with chaining and incremental
 * rehashing across two tables, so that growing to millions of keys never stops the event loop for long.
 *
 * <p>Entries live in a slot arena rather than in node objects: slot {@code s} holds the entry (a
 * {@link StringEntry} byte array or a {@link KeyedValue}) and the index of the next slot in its chain, in
 * pages of primitive arrays. Buckets hold slot numbers. A slot keeps its number for the life of the entry,
 * whatever the rehash does, so the expiry heap and iterators can refer to entries by slot. Slot and link
 * values are stored as {@code slot + 1} so that a fresh zeroed array means "empty".
 *
 * <p>Rehashing moves one bucket per lookup, insert or delete (visiting at most ten empty buckets), plus
 * whatever the periodic tick asks for via {@link #rehashSteps}.
 */
public final class Dict implements Scannable {
    private static final int PAGE_SHIFT = 12;
    private static final int PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final int PAGE_MASK = PAGE_SIZE - 1;
    private static final int INITIAL_SIZE = 4;
    /** The first page starts this small and doubles up to a full page, so small dicts stay small. */
    private static final int FIRST_PAGE_INITIAL = 4;
    /** Redis's HASHTABLE_MIN_FILL: shrink when fewer than 10% of buckets are used. */
    private static final int MIN_FILL_PERCENT = 10;

    private final SipHash hasher;

    private Object[][] entryPages = new Object[0][];
    private int[][] nextPages = new int[0][];
    /** Bytes of the entry and link pages, kept as pages are added so that accounting needs no scan. */
    private long pageBytes;
    /** Slots ever handed out; slots below this are live or on the free list. */
    private int slotLimit;
    /** Head of the free-slot list, as slot + 1. */
    private int freeHead;
    private int size;

    private int[] table0 = new int[INITIAL_SIZE];
    private int used0;
    private int[] table1;
    private int used1;
    /** Next bucket of table0 to move, or -1 when no rehash is running. */
    private int rehashIndex = -1;

    public Dict(SipHash hasher) {
        this.hasher = hasher;
    }

    /** A dict hashing with the process-wide random key. */
    public Dict() {
        this(SipHash.PROCESS);
    }

    public int size() {
        return size;
    }

    public boolean isRehashing() {
        return rehashIndex >= 0;
    }

    /** Bucket count of the main table (the target table while rehashing). */
    public int buckets() {
        return table1 != null ? table1.length : table0.length;
    }

    /** The slot holding this key, or -1. */
    public int find(byte[] k, int off, int len) {
        if (size == 0) {
            return -1;
        }
        return find(k, off, len, hasher.hash(k, off, len));
    }

    /**
     * The hash {@link #find(byte[], int, int, long)} and {@link #add(Object, long)} take, so that a lookup
     * that misses and the add after it hash the key once (SipHash is a good part of a small command's cost).
     */
    public long hash(byte[] k, int off, int len) {
        return hasher.hash(k, off, len);
    }

    /** The slot holding this key, whose {@link #hash} is {@code h}, or -1. */
    public int find(byte[] k, int off, int len, long h) {
        if (size == 0) {
            return -1;
        }
        rehashStep();
        int idx0 = (int) h & (table0.length - 1);
        if (rehashIndex < 0 || idx0 >= rehashIndex) {
            int s = findInChain(table0[idx0], k, off, len);
            if (s >= 0) {
                return s;
            }
        }
        if (table1 != null) {
            return findInChain(table1[(int) h & (table1.length - 1)], k, off, len);
        }
        return -1;
    }

    /** Adds an entry whose key is not present yet; returns its slot. */
    public int add(Object entry) {
        return add(entry, hashOf(entry));
    }

    /** Adds an entry whose key is not present yet and whose key's {@link #hash} is {@code h}; returns its slot. */
    public int add(Object entry, long h) {
        rehashStep();
        expandIfNeeded();
        int slot = allocateSlot();
        entryPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK] = entry;
        if (table1 != null) {
            link(table1, (int) h & (table1.length - 1), slot);
            used1++;
        } else {
            link(table0, (int) h & (table0.length - 1), slot);
            used0++;
        }
        size++;
        return slot;
    }

    public Object get(int slot) {
        return entryPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK];
    }

    /** Replaces the entry in a slot with one that has the same key. */
    public void set(int slot, Object entry) {
        entryPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK] = entry;
    }

    /** Removes the entry in a live slot; the slot number may be reused by the next add. */
    public void remove(int slot) {
        rehashStep();
        long h = hashOf(get(slot));
        int idx0 = (int) h & (table0.length - 1);
        // While rehashing, a key may be in either table: new keys go straight to table1.
        if ((rehashIndex < 0 || idx0 >= rehashIndex) && unlink(table0, idx0, slot)) {
            used0--;
        } else if (table1 != null && unlink(table1, (int) h & (table1.length - 1), slot)) {
            used1--;
        } else {
            throw new IllegalStateException("slot " + slot + " is not in its bucket");
        }
        entryPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK] = null;
        nextPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK] = freeHead;
        freeHead = slot + 1;
        size--;
        shrinkIfNeeded();
    }

    /** Upper bound of slot numbers, for iterating with {@link #get} (free slots hold null). */
    public int slotLimit() {
        return slotLimit;
    }

    /** A random live slot, or -1 when empty. */
    public int randomSlot() {
        if (size == 0) {
            return -1;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int tries = 0; tries < 64; tries++) {
            int s = random.nextInt(slotLimit);
            if (get(s) != null) {
                return s;
            }
        }
        // Mostly free arena: walk from a random point instead of guessing further.
        int start = random.nextInt(slotLimit);
        for (int i = 0; i < slotLimit; i++) {
            int s = (start + i) % slotLimit;
            if (get(s) != null) {
                return s;
            }
        }
        return -1;
    }

    /**
     * Visits the slots of the buckets the cursor names and returns the next cursor, 0 when the scan is
     * complete: Redis's dictScan. The cursor counts with its bits reversed, so that every key present for
     * the whole scan is visited at least once even if the table grows or shrinks between calls. The
     * visitor must not change the dict.
     */
    @Override
    public long scan(long cursor, IntConsumer visitor) {
        if (size == 0) {
            return 0;
        }
        long v = cursor;
        if (table1 == null) {
            long m0 = table0.length - 1;
            visitChain(table0[(int) (v & m0)], visitor);
            v |= ~m0;
            v = Long.reverse(Long.reverse(v) + 1);
            return v;
        }
        int[] small = table0.length <= table1.length ? table0 : table1;
        int[] large = small == table0 ? table1 : table0;
        long m0 = small.length - 1;
        long m1 = large.length - 1;
        visitChain(small[(int) (v & m0)], visitor);
        do {
            visitChain(large[(int) (v & m1)], visitor);
            v |= ~m1;
            v = Long.reverse(Long.reverse(v) + 1);
        } while ((v & (m0 ^ m1)) != 0);
        return v;
    }

    private void visitChain(int link, IntConsumer visitor) {
        while (link != 0) {
            int slot = link - 1;
            link = nextPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK];
            visitor.accept(slot);
        }
    }

    public void clear() {
        entryPages = new Object[0][];
        nextPages = new int[0][];
        pageBytes = 0;
        slotLimit = 0;
        freeHead = 0;
        size = 0;
        table0 = new int[INITIAL_SIZE];
        used0 = 0;
        table1 = null;
        used1 = 0;
        rehashIndex = -1;
    }

    /**
     * Moves up to {@code buckets} non-empty buckets to the new table, visiting at most ten times as many
     * empty ones, as Redis's dictRehash. Returns true while rehashing is still in progress.
     */
    public boolean rehashSteps(int buckets) {
        if (rehashIndex < 0) {
            return false;
        }
        int emptyVisits = buckets * 10;
        while (buckets-- > 0 && used0 > 0) {
            while (table0[rehashIndex] == 0) {
                rehashIndex++;
                if (--emptyVisits == 0) {
                    return true;
                }
            }
            int link = table0[rehashIndex];
            while (link != 0) {
                int slot = link - 1;
                int next = nextPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK];
                long h = hashOf(get(slot));
                link(table1, (int) h & (table1.length - 1), slot);
                used0--;
                used1++;
                link = next;
            }
            table0[rehashIndex] = 0;
            rehashIndex++;
        }
        if (used0 == 0) {
            table0 = table1;
            used0 = used1;
            table1 = null;
            used1 = 0;
            rehashIndex = -1;
            return false;
        }
        return true;
    }

    /** Starts a shrink when the table is mostly empty; called after deletes and by the periodic tick. */
    public void shrinkIfNeeded() {
        if (rehashIndex < 0 && table0.length > INITIAL_SIZE
                && (long) size * 100 / table0.length < MIN_FILL_PERCENT) {
            startRehash(Math.max(size, INITIAL_SIZE));
        }
    }

    /** Bytes this dict's own structures take (not the entries). */
    public long overheadBytes() {
        long tables = 16 + 4L * table0.length + (table1 != null ? 16 + 4L * table1.length : 0);
        return pageBytes + tables;
    }

    /** An entry page and its link page of {@code slots} slots (compressed references: 4 bytes each). */
    private static long pageBytes(int slots) {
        return 2 * (16 + 4L * slots);
    }

    private void rehashStep() {
        if (rehashIndex >= 0) {
            rehashSteps(1);
        }
    }

    private void expandIfNeeded() {
        if (rehashIndex < 0 && used0 >= table0.length) {
            startRehash(used0 + 1);
        }
    }

    private void startRehash(int minSize) {
        int target = Integer.highestOneBit(Math.max(minSize, INITIAL_SIZE) - 1) << 1;
        if (target == table0.length || target <= 0) {
            return;
        }
        if (size == 0) {
            table0 = new int[target];
            return;
        }
        table1 = new int[target];
        used1 = 0;
        rehashIndex = 0;
    }

    private int findInChain(int link, byte[] k, int off, int len) {
        while (link != 0) {
            int slot = link - 1;
            if (keyEquals(get(slot), k, off, len)) {
                return slot;
            }
            link = nextPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK];
        }
        return -1;
    }

    private void link(int[] table, int bucket, int slot) {
        nextPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK] = table[bucket];
        table[bucket] = slot + 1;
    }

    /** Removes {@code slot} from the chain of {@code table[bucket]}; false if it is not in that chain. */
    private boolean unlink(int[] table, int bucket, int slot) {
        int after = nextPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK];
        int link = table[bucket];
        if (link == slot + 1) {
            table[bucket] = after;
            return true;
        }
        while (link != 0) {
            int prev = link - 1;
            int[] page = nextPages[prev >>> PAGE_SHIFT];
            link = page[prev & PAGE_MASK];
            if (link == slot + 1) {
                page[prev & PAGE_MASK] = after;
                return true;
            }
        }
        return false;
    }

    private int allocateSlot() {
        if (freeHead != 0) {
            int slot = freeHead - 1;
            freeHead = nextPages[slot >>> PAGE_SHIFT][slot & PAGE_MASK];
            return slot;
        }
        int slot = slotLimit;
        int page = slot >>> PAGE_SHIFT;
        if (page == 0 && entryPages.length == 1 && slot == entryPages[0].length) {
            int grown = entryPages[0].length * 2;
            pageBytes += pageBytes(grown) - pageBytes(entryPages[0].length);
            entryPages[0] = Arrays.copyOf(entryPages[0], grown);
            nextPages[0] = Arrays.copyOf(nextPages[0], grown);
        } else if (page == entryPages.length) {
            // Only the small page directory is copied; existing pages stay where they are.
            entryPages = Arrays.copyOf(entryPages, page + 1);
            nextPages = Arrays.copyOf(nextPages, page + 1);
            int size = page == 0 ? FIRST_PAGE_INITIAL : PAGE_SIZE;
            entryPages[page] = new Object[size];
            nextPages[page] = new int[size];
            pageBytes += pageBytes(size);
        }
        slotLimit++;
        return slot;
    }

    long hashOf(Object entry) {
        if (entry instanceof byte[]) {
            byte[] e = (byte[]) entry;
            return hasher.hash(e, StringEntry.keyOffset(e), StringEntry.keyLength(e));
        }
        byte[] key = ((KeyedValue) entry).key();
        return hasher.hash(key, 0, key.length);
    }

    static boolean keyEquals(Object entry, byte[] k, int off, int len) {
        if (entry instanceof byte[]) {
            byte[] e = (byte[]) entry;
            int klen = StringEntry.keyLength(e);
            if (klen != len) {
                return false;
            }
            int koff = StringEntry.keyOffset(e);
            return Arrays.equals(e, koff, koff + klen, k, off, off + len);
        }
        byte[] key = ((KeyedValue) entry).key();
        return Arrays.equals(key, 0, key.length, k, off, off + len);
    }
}
