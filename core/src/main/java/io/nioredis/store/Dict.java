package io.nioredis.store;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * A hash table in the style of Redis's dict.c: power-of-two bucket tables with chaining and incremental
 * rehashing across two tables, so that growing to millions of keys never stops the event loop for long.
 *
 * <p>Entries live in a slot arena rather than in node objects: slot {@code s} holds the entry (a
 * {@link StringEntry} at its base in a byte array, a {@link FieldEntry} array, or a {@link KeyedValue}) and
 * the index of the next slot in its chain, in pages of primitive arrays. The bases' pages exist only where a
 * base is not 0 (string entries sharing a page of the dict's {@link StringArena}: a keyspace's, and a big set's
 * or hash's once {@link FieldEntry} has moved them there). Buckets hold slot
 * numbers. A slot keeps its number for the life of the entry, whatever the rehash does, so the expiry heap
 * and iterators can refer to entries by slot. Slot and link values are stored as {@code slot + 1} so that
 * a fresh zeroed array means "empty".
 *
 * <p>Rehashing moves one bucket per lookup, insert or delete (visiting at most ten empty buckets), plus
 * whatever the periodic tick asks for via {@link #rehashSteps}.
 *
 * <p>A key is hashed once per find-then-change: {@link #find} keeps the hash it computed, and the
 * {@link #addAfterMiss} of that missing key or the {@link #remove} of the slot it found reuses it.
 *
 * <p>A dict that grows past {@link #KEEP_HASHES_FROM} buckets starts keeping the low 32 bits of each key's
 * hash beside the slot's link, in the same cache line. A lookup then passes over the other keys of its chain
 * without reading their entries, and a rehash moves an entry without reading and hashing its key: in a big
 * dict each entry read is a cache miss, and the rehash that follows a growth to millions of buckets went on
 * for millions of commands. It costs 4 bytes per slot, which small dicts (most sets and hashes) are spared.
 *
 * <p>Slot pages hold 4,096 slots until the dict has handed out about five eighths of {@link #BIG_PAGES_FROM} slots;
 * then those pages become one page of that many slots, and every page after it is as big. A page that size
 * is 512 KB per array (a big page's links are two arrays when the hashes are kept), which the launcher's
 * collector makes straight in the old generation: a dict growing by a million slots made some 250 pages of
 * 64 KB in the young generation instead, every one of which survived, so each young collection copied them
 * into fresh old pages while the loop stood still. Below the mark a big page would be mostly empty.
 *
 * <p>A big page's arrays are made ahead of its first slot, one array per insert, at inserts thousands of slots
 * apart ({@link #makeAhead}); the small pages are copied into the first big page once it is made. The JVM
 * zeroes an array as it makes it, and memory the heap has not used before is faulted in at that first touch:
 * 4 ms per MB in 4 KB pages on the virtual machines measured, and 5-14 ms for each 2 MB page with the
 * launcher's transparent huge pages. The first big page with its links and bases, made and filled at one
 * insert, stalled that insert for 35-48 ms in a fresh server's first fill; an insert now takes one 512 KB
 * array at most, and in the server that array comes ready-made from {@link PageStock}, zeroed and touched on
 * a thread of its own.
 */
public final class Dict implements Scannable {
    private static final int SMALL_PAGE_SHIFT = 12;
    /** The big pages' size as a shift; {@link AccessTracker} pages the same way. */
    static final int BIG_PAGE_SHIFT = 17;
    /** Slots a big page holds; the small pages become one at about five eighths of that (see the class comment). */
    static final int BIG_PAGES_FROM = 1 << BIG_PAGE_SHIFT;
    /** Inserts between two arrays made ahead, as a shift ({@link #makeAhead}). */
    private static final int AHEAD_STEP_SHIFT = 12;
    /**
     * Steps of {@code 1 << AHEAD_STEP_SHIFT} slots into a big page's worth: from the first of these the first
     * big page's arrays are made, one per step (its entries, its first link array, its second, its bases),
     * and at the merge step the small pages become that page.
     */
    private static final int FIRST_PAGE_AHEAD = 16;
    static final int MERGE_STEP = 20;
    /** From this step on, every second one makes an array of the next big page, in the same order. */
    private static final int NEXT_PAGE_AHEAD = 24;
    /**
     * The slots, into a big page's worth, at which a keyspace's {@link AccessTracker} makes its first big page
     * out of its small ones, and its next big page: halfway through steps at which the dict makes none of its
     * own arrays.
     */
    static final int TRACKER_MERGE_SLOT = (22 << AHEAD_STEP_SHIFT) + (1 << (AHEAD_STEP_SHIFT - 1));
    static final int TRACKER_AHEAD_SLOT = (25 << AHEAD_STEP_SHIFT) + (1 << (AHEAD_STEP_SHIFT - 1));
    private static final int INITIAL_SIZE = 4;
    /** The first page starts this small and doubles up to a full page, so small dicts stay small. */
    private static final int FIRST_PAGE_INITIAL = 4;
    /** Redis's HASHTABLE_MIN_FILL: shrink when fewer than 10% of buckets are used. */
    private static final int MIN_FILL_PERCENT = 10;
    /** Redis's GETFAIR_NUM_ENTRIES: how many entries a fair random pick chooses among. */
    private static final int FAIR_SAMPLE = 15;
    /**
     * The arena is sampled while at least one slot in this many is live: a try costs one memory access
     * where a fair sample of the buckets costs one per entry sampled (15), and its pick is uniform.
     */
    private static final int ARENA_SPARSEST = 8;
    /** Random arena slots tried before the buckets are sampled: all miss with probability under 1.5%. */
    private static final int ARENA_TRIES = 32;
    /** Random buckets tried before a sparse table is dealt with another way. */
    private static final int BUCKET_TRIES = 64;

    private final SipHash hasher;

    /** Slots per page, as a shift and a mask: small pages, then big ones (see the class comment). */
    private int pageShift = SMALL_PAGE_SHIFT;
    private int pageMask = (1 << SMALL_PAGE_SHIFT) - 1;
    private Object[][] entryPages = new Object[0][];
    /**
     * Each slot's link to the next slot of its chain; with {@link #linkShift} 1 the slot's hash follows its
     * link, at {@code 2 * index + 1} of the page.
     */
    private int[][] nextPages = new int[0][];
    /**
     * Slots per link page, as a shift and a mask: the entry pages' while they are small; half a big page's
     * where the hashes are kept, so that no link array is bigger than 512 KB.
     */
    private int linkPageShift = SMALL_PAGE_SHIFT;
    private int linkPageMask = (1 << SMALL_PAGE_SHIFT) - 1;
    /** 1 when the dict keeps each key's hash beside its link, 0 otherwise. */
    private int linkShift;
    /** The next big page's arrays, made ahead of its first slot ({@link #makeAhead}); null until made. */
    private Object[] aheadEntries;
    private int[][] aheadLinks;
    private int[] aheadBases;
    /**
     * A growth to this many buckets or more makes the dict keep its keys' hashes: from there on its entries
     * no longer fit a core's caches ({@link #PREFETCH_MIN_SIZE}). Storing the hashes of the slots already
     * there is a walk over them once in the dict's life: 2.2 ms for 32k keys.
     */
    static final int KEEP_HASHES_FROM = 64 * 1024;
    /** The base of each slot's entry in its array; a page is null while all its bases are 0. */
    private int[][] basePages = new int[0][];
    /** Room for the small string entries of a keyspace's dict, made when the first is placed. */
    private StringArena strings;
    /**
     * The slots whose entries may still be in arrays of their own after {@link #strings} was made, for a
     * set's or hash's {@link FieldEntry#shareSome} to move: from {@code unsharedFrom} up to the slot limit at
     * the arena's making (entries placed later go into the arena).
     */
    private int unsharedFrom;
    private int unsharedUntil;
    /** Bytes of the entry and link pages, kept as pages are added so that accounting needs no scan. */
    private long pageBytes;
    /** Slots ever handed out; slots below this are live or on the free list. */
    private int slotLimit;
    /** Head of the free-slot list, as slot + 1. */
    private int freeHead;
    private int size;

    private BucketTable table0 = new BucketTable(INITIAL_SIZE);
    private int used0;
    private BucketTable table1;
    private int used1;
    /**
     * The table the next growth rehashes into, made ahead over the last 1/32 of the inserts before it (see
     * {@link BucketTable}): a rehash writes to every page of its new table from its first moves.
     */
    private BucketTable nextTable;
    private static final int GROWTH_AHEAD_SHIFT = 5;
    /** Next bucket of table0 to move, or -1 when no rehash is running. */
    private int rehashIndex = -1;
    /**
     * Below this many keys the table and entries mostly stay in the caches, and {@link #prefetch} would only
     * hash each key twice: 32k keys take ~1.5 MB, above a core's L2.
     */
    static final int PREFETCH_MIN_SIZE = 32 * 1024;
    /** Scratch of {@link #prefetch}. */
    private int[] prefetchLinks = new int[0];
    private int[] prefetchHashes = new int[0];
    private Object[] prefetchEntries = new Object[0];
    private int[] prefetchMemberOffsets = new int[0];
    private int[] prefetchMemberLengths = new int[0];
    private int[] prefetchKeyOffsets = new int[0];
    private int[] prefetchKeyLengths = new int[0];
    /** For each request of a {@link #prefetch}, the index of its key among the distinct keys read ahead. */
    private int[] prefetchKeyOf = new int[0];

    /** The hash the last {@link #find} computed; meaningful only with one of the two fields below. */
    private long lastHash;
    /** The slot the last find returned, whose {@link #remove} may use {@link #lastHash}; -1 if none. */
    private int lastFoundSlot = -1;
    /**
     * The key the last find missed, whose {@link #addAfterMiss} may use {@link #lastHash}; null if none.
     * It is the caller's buffer: the add compares the new entry's key with it.
     */
    private byte[] lastMissKey;
    private int lastMissOff;
    private int lastMissLen;

    public Dict(SipHash hasher) {
        this.hasher = hasher;
    }

    /** A dict hashing with the process-wide random key. */
    public Dict() {
        this(SipHash.PROCESS);
    }

    boolean keepsHashes() {
        return linkShift == 1;
    }

    /**
     * From now on stores each key's hash beside its slot's link (see the class comment): the link pages are
     * made twice as long, with the hashes of the live slots computed once. Growth calls it; tests call it on
     * small dicts.
     */
    void keepHashes() {
        if (linkShift == 1) {
            return;
        }
        // A big page's links become two arrays, each twice as long per slot (see linkPageShift).
        int split = pageShift == BIG_PAGE_SHIFT ? 1 : 0;
        int[][] pages = new int[nextPages.length << split][];
        for (int page = 0; page < pages.length; page++) {
            int[] links = nextPages[page >>> split];
            int slots = links.length >>> split;
            int from = (page & split) * slots;
            int[] both = new int[slots << 1];
            for (int i = 0; i < slots; i++) {
                int slot = ((page >>> split) << linkPageShift) + from + i;
                both[i << 1] = links[from + i];
                Object entry = slot < slotLimit ? get(slot) : null;
                if (entry != null) {
                    both[(i << 1) + 1] = (int) hashOf(entry, base(slot));
                }
            }
            pageBytes += arrayBytes(both.length) - (page % (1 << split) == 0 ? arrayBytes(links.length) : 0);
            pages[page] = both;
        }
        nextPages = pages;
        linkShift = 1;
        linkPageShift -= split;
        linkPageMask = (1 << linkPageShift) - 1;
        if (aheadLinks != null) { // made for links without hashes
            for (int[] links : aheadLinks) {
                pageBytes -= links == null ? 0 : arrayBytes(links.length);
            }
            aheadLinks = null;
        }
    }

    public int size() {
        return size;
    }

    public boolean isRehashing() {
        return rehashIndex >= 0;
    }

    /** Bucket count of the main table (the target table while rehashing). */
    public int buckets() {
        return table1 != null ? table1.length() : table0.length();
    }

    /**
     * The slot holding this key, or -1. The hash is kept for an {@link #addAfterMiss} of this key right
     * after a miss or a {@link #remove} of the slot found.
     */
    public int find(byte[] k, int off, int len) {
        return find(k, off, len, size == 0 ? 0 : hasher.hash(k, off, len));
    }

    /**
     * Brings into the cache what finding these keys will read, for a pipeline about to run: all the buckets
     * first, then the slots they name (in a dict keeping hashes, the hashes along each chain), then the
     * entries, so that the cache misses of different keys overlap instead of following one another as they
     * do in one find after the other. A run of requests on one key reads it once. Where a request names a
     * member too ({@code memberOffsets[i]} at least 0) and its key holds a set or hash kept in a dict, the
     * member is looked up ahead in that dict the same way. Changes nothing; returns a number made of what it
     * read, so that the reads are not optimised away.
     */
    public int prefetch(byte[] b, int[] offsets, int[] lengths, int[] memberOffsets, int[] memberLengths, int n) {
        if (!worthPrefetching()) {
            return 0;
        }
        if (prefetchMemberOffsets.length < n) {
            prefetchMemberOffsets = new int[n];
            prefetchMemberLengths = new int[n];
            prefetchKeyOffsets = new int[n];
            prefetchKeyLengths = new int[n];
            prefetchKeyOf = new int[n];
        }
        // A pipeline often names one key over and over (LPUSH mylist ..., SADD myset ...): a run of requests
        // on the same key reads it ahead once, where hashing it for each request cost as much as the command.
        int[] keyOf = prefetchKeyOf;
        int[] keyOffsets = prefetchKeyOffsets;
        int[] keyLengths = prefetchKeyLengths;
        int keys = 0;
        for (int i = 0; i < n; i++) {
            if (keys == 0 || !Arrays.equals(b, offsets[i], offsets[i] + lengths[i],
                    b, keyOffsets[keys - 1], keyOffsets[keys - 1] + keyLengths[keys - 1])) {
                keyOffsets[keys] = offsets[i];
                keyLengths[keys++] = lengths[i];
            }
            keyOf[i] = keys - 1;
        }
        int seen = prefetchKeys(b, keyOffsets, keyLengths, keys, true);
        Object[] heads = prefetchEntries;
        Dict members = null;
        int batch = 0;
        for (int i = 0; i <= n; i++) {
            Dict d = null;
            if (i < n && memberOffsets[i] >= 0 && heads[keyOf[i]] instanceof KeyedValue value
                    && keyEquals(value, 0, b, offsets[i], lengths[i])) { // the key's own entry, read ahead
                d = value.memberDict();
            }
            if (d != members || i == n) { // runs of requests on one aggregate, as a pipeline of SADDs
                if (members != null && batch > 1) {
                    seen += members.prefetchKeys(b, prefetchMemberOffsets, prefetchMemberLengths, batch, false);
                }
                members = d;
                batch = 0;
            }
            if (d != null) {
                prefetchMemberOffsets[batch] = memberOffsets[i];
                prefetchMemberLengths[batch++] = memberLengths[i];
            }
        }
        Arrays.fill(heads, 0, keys, null); // keep no entry reachable from the scratch
        return seen;
    }

    /**
     * True when the dict is big enough to leave the cache, so that reading its keys ahead pays. Rehashing or
     * not: a big dict's rehash lasts for millions of commands (one bucket each, as in Redis), and its lookups,
     * which then may read both tables, need it the most.
     */
    public boolean worthPrefetching() {
        return size >= PREFETCH_MIN_SIZE;
    }

    /**
     * The three steps of {@link #prefetch} for keys of this dict. With {@code keepEntries} the entries read
     * stay in prefetchEntries for the caller, who clears them.
     */
    private int prefetchKeys(byte[] b, int[] offsets, int[] lengths, int n, boolean keepEntries) {
        if (!worthPrefetching()) {
            return 0;
        }
        if (prefetchLinks.length < n) {
            prefetchLinks = new int[n];
            prefetchHashes = new int[n];
            prefetchEntries = new Object[n];
        }
        int[] links = prefetchLinks;
        int[] hashes = prefetchHashes;
        Object[] entries = prefetchEntries;
        BucketTable table = table0;
        BucketTable target = table1;
        int mask = table.length() - 1;
        int targetMask = target == null ? 0 : target.length() - 1;
        int moved = rehashIndex; // table0's buckets below it are in table1 now; -1 when not rehashing
        // Each step a loop of its own with nothing else in it, so that its loads are in flight together.
        for (int i = 0; i < n; i++) {
            long h = hasher.hash(b, offsets[i], lengths[i]);
            hashes[i] = (int) h;
            int bucket = (int) h & mask;
            // As find looks: table0 unless the bucket has moved; a bucket of table1 is kept as its complement.
            links[i] = bucket >= moved ? bucket : ~((int) h & targetMask);
        }
        for (int i = 0; i < n; i++) {
            int bucket = links[i];
            links[i] = bucket >= 0 ? table.get(bucket) : target.get(~bucket);
        }
        if (linkShift == 1) {
            // With the hashes kept, find reads only the entry whose hash is the key's: read the hashes along
            // the chain, the first ones of every key together, and the entry of the one that matches (none for
            // a key that is not there).
            for (int i = 0; i < n; i++) {
                int link = links[i];
                if (link != 0 && keptHash(link - 1) != hashes[i]) {
                    links[i] = ~linkAfter(link - 1); // the next in the chain, looked at in the next loop
                }
            }
            for (int i = 0; i < n; i++) {
                int link = links[i];
                if (link < 0) {
                    link = ~link;
                    while (link != 0 && keptHash(link - 1) != hashes[i]) {
                        link = linkAfter(link - 1);
                    }
                    links[i] = link;
                }
            }
        }
        int seen = 0;
        for (int i = 0; i < n; i++) {
            int link = links[i];
            entries[i] = link == 0 ? null : get(link - 1);
            links[i] = link == 0 ? 0 : base(link - 1); // the links are done with: their slots' bases now
        }
        for (int i = 0; i < n; i++) {
            Object e = entries[i];
            seen += e instanceof byte[] a ? a[links[i]] : e == null ? 0 : 1;
            if (!keepEntries) {
                entries[i] = null; // keep no entry reachable from the scratch
            }
        }
        return seen;
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
        forgetLastFind();
        if (size == 0) {
            return -1;
        }
        rehashStep();
        lastHash = h;
        int idx0 = (int) h & (table0.length() - 1);
        int s = -1;
        if (rehashIndex < 0 || idx0 >= rehashIndex) {
            s = findInChain(table0.get(idx0), k, off, len, (int) h);
        }
        if (s < 0 && table1 != null) {
            s = findInChain(table1.get((int) h & (table1.length() - 1)), k, off, len, (int) h);
        }
        if (s >= 0) {
            lastFoundSlot = s;
        } else {
            lastMissKey = k;
            lastMissOff = off;
            lastMissLen = len;
        }
        return s;
    }

    private void forgetLastFind() {
        lastFoundSlot = -1;
        lastMissKey = null;
    }

    /** Adds an entry whose key is not present yet; returns its slot. */
    public int add(Object entry) {
        return insert(entry, 0, hashOf(entry, 0));
    }

    /** Adds the string entry at {@code base} in {@code entry}, whose key is not present yet; returns its slot. */
    public int addAt(Object entry, int base) {
        return insert(entry, base, hashOf(entry, base));
    }

    /** Adds an entry whose key is not present yet and whose key's {@link #hash} is {@code h}; returns its slot. */
    public int add(Object entry, long h) {
        return insert(entry, 0, h);
    }

    /** As {@link #add(Object, long)}, for the string entry at {@code base} in {@code entry}. */
    int addAt(Object entry, int base, long h) {
        return insert(entry, base, h);
    }

    /**
     * As {@link #add}, for the key the last {@link #find} has just missed: that find's hash is reused.
     * The caller adds what it looked up, from bytes it has not changed since (the key is compared, so an
     * entry with another key, or no such find before, only costs the hash as add does).
     */
    public int addAfterMiss(Object entry) {
        return addAtAfterMiss(entry, 0);
    }

    /** As {@link #addAfterMiss(Object)}, for the string entry at {@code base} in {@code entry}. */
    public int addAtAfterMiss(Object entry, int base) {
        long h = lastMissKey != null && keyEquals(entry, base, lastMissKey, lastMissOff, lastMissLen)
                ? lastHash : hashOf(entry, base);
        return insert(entry, base, h);
    }

    private int insert(Object entry, int base, long h) {
        forgetLastFind();
        rehashStep();
        expandIfNeeded();
        int slot = allocateSlot();
        set(slot, entry, base);
        if (linkShift == 1) {
            setKeptHash(slot, (int) h);
        }
        if (table1 != null) {
            link(table1, (int) h & (table1.length() - 1), slot);
            used1++;
        } else {
            link(table0, (int) h & (table0.length() - 1), slot);
            used0++;
        }
        size++;
        return slot;
    }

    public Object get(int slot) {
        return entryPages[slot >>> pageShift][slot & pageMask];
    }

    /**
     * Where a keyspace places its small string entries: the arena belongs to the dict, so that the entries go
     * wherever the dict goes (SWAPDB, or a snapshot that keeps a flushed dict).
     */
    StringArena strings() {
        if (strings == null) {
            strings = new StringArena();
            unsharedFrom = 0;
            unsharedUntil = slotLimit;
        }
        return strings;
    }

    /** The first slot whose entry may still need moving into the arena ({@link #unsharedFrom}). */
    int unsharedFrom() {
        return unsharedFrom;
    }

    /** The slot limit when the arena was made: no slot from here on needs moving. */
    int unsharedUntil() {
        return unsharedUntil;
    }

    /** The slots below {@code slot} no longer need moving into the arena. */
    void sharedUpTo(int slot) {
        unsharedFrom = slot;
    }

    /** True once {@link #strings} has made the arena. */
    boolean hasStrings() {
        return strings != null;
    }

    /** The base of the slot's entry in the array {@link #get} returns: 0 unless arrays hold several entries. */
    public int base(int slot) {
        int[] page = basePages[slot >>> pageShift];
        return page == null ? 0 : page[slot & pageMask];
    }

    /** Replaces the entry in a slot with one that has the same key. */
    public void set(int slot, Object entry) {
        set(slot, entry, 0);
    }

    /** Replaces the entry in a slot with the string entry at {@code base} in {@code entry}, of the same key. */
    public void set(int slot, Object entry, int base) {
        int page = slot >>> pageShift;
        entryPages[page][slot & pageMask] = entry;
        int[] bases = basePages[page];
        if (bases != null) {
            bases[slot & pageMask] = base;
        } else if (base != 0) {
            bases = new int[entryPages[page].length];
            pageBytes += 16 + 4L * bases.length;
            basePages[page] = bases;
            bases[slot & pageMask] = base;
        }
    }

    /** Removes the entry in a live slot; the slot number may be reused by the next add. */
    public void remove(int slot) {
        long h = slot == lastFoundSlot ? lastHash : hashOfSlot(slot);
        forgetLastFind();
        rehashStep();
        int idx0 = (int) h & (table0.length() - 1);
        // While rehashing, a key may be in either table: new keys go straight to table1.
        if ((rehashIndex < 0 || idx0 >= rehashIndex) && unlink(table0, idx0, slot)) {
            used0--;
        } else if (table1 != null && unlink(table1, (int) h & (table1.length() - 1), slot)) {
            used1--;
        } else {
            throw new IllegalStateException("slot " + slot + " is not in its bucket");
        }
        set(slot, null, 0);
        setLinkAfter(slot, freeHead);
        freeHead = slot + 1;
        size--;
        shrinkIfNeeded();
    }

    /** Upper bound of slot numbers, for iterating with {@link #get} (free slots hold null). */
    public int slotLimit() {
        return slotLimit;
    }

    /** A random live slot, or -1 when empty: see {@link #randomSlot(RandomGenerator)}. */
    public int randomSlot() {
        return randomSlot(ThreadLocalRandom.current());
    }

    /**
     * A random live slot, or -1 when empty, in O(1) expected time however many arena slots are free, and
     * at least as fair as Redis's dictGetFairRandomKey. While at least an eighth of the arena is live,
     * random arena slots are tried: every live entry is then equally likely. Otherwise (a drained dict whose
     * freed slots wait on the free list) the pick goes through the buckets as Redis's does: one of up to
     * 15 entries found in consecutive buckets from a random one, or else one entry of a random non-empty
     * bucket. The buckets are at least 10% used because a sparse table is shrunk first; while a rehash
     * runs, the table to pick from is chosen in proportion to the entries it holds, and an old table
     * found too sparse is rehashed to the end on the spot (work every later operation would otherwise do
     * piecemeal).
     */
    public int randomSlot(RandomGenerator random) {
        if (size == 0) {
            return -1;
        }
        if (slotLimit <= (long) ARENA_SPARSEST * size) {
            for (int tries = 0; tries < ARENA_TRIES; tries++) {
                int s = random.nextInt(slotLimit);
                if (get(s) != null) {
                    return s;
                }
            }
        }
        while (true) {
            shrinkIfNeeded();
            rehashStep();
            boolean fromNew = table1 != null && random.nextInt(size) < used1;
            BucketTable table = fromNew ? table1 : table0;
            // Buckets of the old table below rehashIndex have been moved: they are empty.
            int from = fromNew || rehashIndex < 0 ? 0 : rehashIndex;
            int entries = fromNew ? used1 : used0;
            int s = sampleFairly(random, table, from, Math.min(entries, FAIR_SAMPLE));
            if (s < 0) {
                s = randomBucketEntry(random, table, from);
            }
            if (s >= 0) {
                return s;
            }
            if (rehashIndex >= 0) {
                finishRehash();
            }
        }
    }

    /**
     * Redis's dictGetSomeKeys walk with a reservoir instead of an array: entries of consecutive buckets
     * from a random one, until {@code wanted} are seen or 10 times that many buckets were visited, each
     * seen entry being kept with equal probability. Long runs of empty buckets jump elsewhere. Returns -1
     * if no entry was seen.
     */
    private int sampleFairly(RandomGenerator random, BucketTable table, int from, int wanted) {
        int range = table.length() - from;
        int bucket = from + random.nextInt(range);
        int seen = 0;
        int chosen = -1;
        int emptyRun = 0;
        for (int steps = wanted * 10; steps > 0 && seen < wanted; steps--) {
            int link = table.get(bucket);
            if (link == 0) {
                if (++emptyRun >= 5 && emptyRun > wanted) {
                    bucket = from + random.nextInt(range);
                    emptyRun = 0;
                    continue;
                }
            } else {
                emptyRun = 0;
                while (link != 0) {
                    int slot = link - 1;
                    if (random.nextInt(++seen) == 0) {
                        chosen = slot;
                    }
                    link = linkAfter(slot);
                }
            }
            bucket = bucket + 1 == table.length() ? from : bucket + 1;
        }
        return chosen;
    }

    /**
     * Redis's dictGetRandomKey on one table: a random non-empty bucket among {@link #BUCKET_TRIES} random
     * ones, then a random entry of its chain; -1 if all were empty.
     */
    private int randomBucketEntry(RandomGenerator random, BucketTable table, int from) {
        int range = table.length() - from;
        for (int tries = 0; tries < BUCKET_TRIES; tries++) {
            int head = table.get(from + random.nextInt(range));
            if (head != 0) {
                int length = 0;
                for (int link = head; link != 0; link = linkAfter(link - 1)) {
                    length++;
                }
                int link = head;
                for (int skip = random.nextInt(length); skip > 0; skip--) {
                    link = linkAfter(link - 1);
                }
                return link - 1;
            }
        }
        return -1;
    }

    /** The chain link that follows {@code slot} (slot + 1, or 0 at the chain's end). */
    private int linkAfter(int slot) {
        return nextPages[slot >>> linkPageShift][(slot & linkPageMask) << linkShift];
    }

    private void setLinkAfter(int slot, int link) {
        nextPages[slot >>> linkPageShift][(slot & linkPageMask) << linkShift] = link;
    }

    /** The hash of a live slot's key: the stored one's low 32 bits, else computed from the key. */
    private long hashOfSlot(int slot) {
        return linkShift == 1 ? keptHash(slot) : hashOf(get(slot), base(slot));
    }

    /** The low 32 bits of the slot's key's hash, in a dict that keeps them. */
    private int keptHash(int slot) {
        return nextPages[slot >>> linkPageShift][((slot & linkPageMask) << 1) + 1];
    }

    private void setKeptHash(int slot, int h) {
        nextPages[slot >>> linkPageShift][((slot & linkPageMask) << 1) + 1] = h;
    }

    private void finishRehash() {
        while (rehashSteps(1024)) {
            // each round moves up to 1024 buckets; the loop ends when the old table is empty
        }
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
            long m0 = table0.length() - 1;
            visitChain(table0.get((int) (v & m0)), visitor);
            v |= ~m0;
            v = Long.reverse(Long.reverse(v) + 1);
            return v;
        }
        BucketTable small = table0.length() <= table1.length() ? table0 : table1;
        BucketTable large = small == table0 ? table1 : table0;
        long m0 = small.length() - 1;
        long m1 = large.length() - 1;
        visitChain(small.get((int) (v & m0)), visitor);
        do {
            visitChain(large.get((int) (v & m1)), visitor);
            v |= ~m1;
            v = Long.reverse(Long.reverse(v) + 1);
        } while ((v & (m0 ^ m1)) != 0);
        return v;
    }

    private void visitChain(int link, IntConsumer visitor) {
        while (link != 0) {
            int slot = link - 1;
            link = linkAfter(slot);
            visitor.accept(slot);
        }
    }

    public void clear() {
        forgetLastFind();
        pageShift = SMALL_PAGE_SHIFT;
        pageMask = (1 << SMALL_PAGE_SHIFT) - 1;
        linkPageShift = SMALL_PAGE_SHIFT;
        linkPageMask = (1 << SMALL_PAGE_SHIFT) - 1;
        entryPages = new Object[0][];
        nextPages = new int[0][];
        basePages = new int[0][];
        aheadEntries = null;
        aheadLinks = null;
        aheadBases = null;
        strings = null;
        unsharedFrom = 0;
        unsharedUntil = 0;
        pageBytes = 0;
        slotLimit = 0;
        freeHead = 0;
        size = 0;
        table0 = new BucketTable(INITIAL_SIZE);
        used0 = 0;
        table1 = null;
        nextTable = null;
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
            while (table0.get(rehashIndex) == 0) {
                rehashIndex++;
                if (--emptyVisits == 0) {
                    return true;
                }
            }
            int link = table0.get(rehashIndex);
            while (link != 0) {
                int slot = link - 1;
                int next = linkAfter(slot);
                link(table1, (int) hashOfSlot(slot) & (table1.length() - 1), slot);
                used0--;
                used1++;
                link = next;
            }
            table0.set(rehashIndex, 0);
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
        if (rehashIndex < 0 && table0.length() > INITIAL_SIZE
                && (long) size * 100 / table0.length() < MIN_FILL_PERCENT) {
            startRehash(Math.max(size, INITIAL_SIZE));
        }
    }

    /** Bytes of the slot pages, those made ahead included. */
    long pageBytes() {
        return pageBytes;
    }

    /** Bytes this dict's own structures take (not the entries). */
    public long overheadBytes() {
        long tables = 16 + 4L * table0.length() + (table1 != null ? 16 + 4L * table1.length() : 0);
        return pageBytes + tables;
    }

    /** Bytes of an array of {@code length} ints or (compressed) references, with its header. */
    private static long arrayBytes(int length) {
        return 16 + 4L * length;
    }

    private void rehashStep() {
        if (rehashIndex >= 0) {
            rehashSteps(1);
        }
    }

    private void expandIfNeeded() {
        if (rehashIndex >= 0) {
            return;
        }
        if (used0 >= table0.length()) {
            startRehash(used0 + 1);
        } else if (used0 >= table0.length() - (table0.length() >>> GROWTH_AHEAD_SHIFT)) {
            prepareGrowth();
        }
    }

    /** Makes the next growth's table, in step with the inserts of the window: at most a page per insert. */
    private void prepareGrowth() {
        int length = table0.length();
        if (2 * length <= BucketTable.PAGE_SIZE || 2 * length <= 0) {
            return; // made whole when it is needed, at no great cost
        }
        if (nextTable == null || nextTable.length() != 2 * length) {
            nextTable = new BucketTable(2 * length);
        }
        int window = length >>> GROWTH_AHEAD_SHIFT;
        int done = used0 - (length - window) + 1;
        nextTable.makePagesUpTo((int) ((long) done * nextTable.pageCount() / window) + 1);
    }

    private void startRehash(int minSize) {
        int target = Integer.highestOneBit(Math.max(minSize, INITIAL_SIZE) - 1) << 1;
        if (target == table0.length() || target <= 0) {
            return;
        }
        if (target >= KEEP_HASHES_FROM && target > table0.length()) {
            keepHashes();
        }
        if (size == 0) {
            table0 = new BucketTable(target);
            return;
        }
        table1 = nextTable != null && nextTable.length() == target ? nextTable : new BucketTable(target);
        nextTable = null;
        used1 = 0;
        rehashIndex = 0;
    }

    /** The slot of the key in the chain from {@code link}; {@code h} is the key's hash (its low 32 bits). */
    private int findInChain(int link, byte[] k, int off, int len, int h) {
        if (linkShift == 1) {
            while (link != 0) {
                int slot = link - 1;
                int[] page = nextPages[slot >>> linkPageShift];
                int at = (slot & linkPageMask) << 1;
                if (page[at + 1] == h && keyEquals(get(slot), base(slot), k, off, len)) {
                    return slot;
                }
                link = page[at];
            }
            return -1;
        }
        while (link != 0) {
            int slot = link - 1;
            if (keyEquals(get(slot), base(slot), k, off, len)) {
                return slot;
            }
            link = nextPages[slot >>> linkPageShift][slot & linkPageMask];
        }
        return -1;
    }

    private void link(BucketTable table, int bucket, int slot) {
        setLinkAfter(slot, table.get(bucket));
        table.set(bucket, slot + 1);
    }

    /** Removes {@code slot} from the chain of bucket {@code bucket} of {@code table}; false if it is not in that chain. */
    private boolean unlink(BucketTable table, int bucket, int slot) {
        int after = linkAfter(slot);
        int link = table.get(bucket);
        if (link == slot + 1) {
            table.set(bucket, after);
            return true;
        }
        while (link != 0) {
            int prev = link - 1;
            link = linkAfter(prev);
            if (link == slot + 1) {
                setLinkAfter(prev, after);
                return true;
            }
        }
        return false;
    }

    private int allocateSlot() {
        if (freeHead != 0) {
            int slot = freeHead - 1;
            freeHead = linkAfter(slot);
            return slot;
        }
        int slot = slotLimit;
        if (slot == BIG_PAGES_FROM >>> 2) {
            PageStock.anticipate(); // the big pages' arrays are made ahead from BIG_PAGES_FROM / 2 on
        }
        // Halfway through a step, so that no array made ahead comes at the insert that makes a small page.
        if ((slot & ((1 << AHEAD_STEP_SHIFT) - 1)) == 1 << (AHEAD_STEP_SHIFT - 1) && slot >= BIG_PAGES_FROM / 2) {
            makeAhead((slot >>> AHEAD_STEP_SHIFT) & ((BIG_PAGES_FROM >>> AHEAD_STEP_SHIFT) - 1));
        }
        if (pageShift == BIG_PAGE_SHIFT) {
            if ((slot & pageMask) == 0) {
                addBigPage(slot >>> pageShift);
            }
        } else if (slot >>> pageShift == 0 && entryPages.length == 1 && slot == entryPages[0].length) {
            // The first page doubles up to a full page.
            int grown = entryPages[0].length * 2;
            pageBytes += arrayBytes(grown) - arrayBytes(entryPages[0].length)
                    + arrayBytes(grown << linkShift) - arrayBytes(nextPages[0].length);
            entryPages[0] = Arrays.copyOf(entryPages[0], grown);
            nextPages[0] = Arrays.copyOf(nextPages[0], grown << linkShift);
            if (basePages[0] != null) {
                pageBytes += 4L * (grown - basePages[0].length);
                basePages[0] = Arrays.copyOf(basePages[0], grown);
            }
        } else if (slot >>> pageShift == entryPages.length) {
            // Only the small page directory is copied; existing pages stay where they are.
            int page = entryPages.length;
            entryPages = Arrays.copyOf(entryPages, page + 1);
            nextPages = Arrays.copyOf(nextPages, page + 1);
            basePages = Arrays.copyOf(basePages, page + 1);
            int size = page == 0 ? FIRST_PAGE_INITIAL : 1 << pageShift;
            entryPages[page] = new Object[size];
            nextPages[page] = new int[size << linkShift];
            pageBytes += arrayBytes(size) + arrayBytes(size << linkShift);
        }
        slotLimit++;
        return slot;
    }

    /**
     * Makes one array of the next big page at the given step of the slots handed out (see the class
     * comment), or at {@link #MERGE_STEP} turns the small pages into the first big page. The next big page is
     * the first one while the pages are small, the one after the slot's page once they are big.
     */
    private void makeAhead(int step) {
        boolean small = pageShift == SMALL_PAGE_SHIFT;
        if (small && step == MERGE_STEP) {
            mergeIntoBigPage();
            return;
        }
        int array;
        if (small) {
            array = step - FIRST_PAGE_AHEAD;
        } else {
            array = step >= NEXT_PAGE_AHEAD && (step & 1) == 0 ? (step - NEXT_PAGE_AHEAD) >>> 1 : -1;
        }
        switch (array) {
            case 0:
                aheadEntries = PageStock.objects();
                pageBytes += arrayBytes(BIG_PAGES_FROM);
                break;
            case 1:
            case 2:
                if (array <= 1 << linkShift) {
                    if (aheadLinks == null) {
                        aheadLinks = new int[1 << linkShift][];
                    }
                    aheadLinks[array - 1] = PageStock.ints();
                    pageBytes += arrayBytes(1 << BIG_PAGE_SHIFT);
                }
                break;
            case 3:
                if (small ? hasBasePage() : basePages[basePages.length - 1] != null) {
                    aheadBases = PageStock.ints();
                    pageBytes += arrayBytes(BIG_PAGES_FROM);
                }
                break;
            default:
                break;
        }
    }

    private boolean hasBasePage() {
        for (int[] bases : basePages) {
            if (bases != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * Copies the small pages, all full, into the first big page, made ahead, and makes every later page a big
     * one: a one-off copy of five eighths of {@link #BIG_PAGES_FROM} slots' arrays (1.3 MB with the hashes
     * kept) into memory already touched.
     */
    private void mergeIntoBigPage() {
        Object[] entries = takeAheadEntries();
        int[][] links = takeAheadLinks();
        int[] bases = hasBasePage() ? takeAheadBases() : null;
        int bigLinkShift = BIG_PAGE_SHIFT - linkShift;
        int bigLinkMask = (1 << bigLinkShift) - 1;
        for (int page = 0; page < entryPages.length; page++) {
            int at = page << SMALL_PAGE_SHIFT;
            System.arraycopy(entryPages[page], 0, entries, at, entryPages[page].length);
            System.arraycopy(nextPages[page], 0, links[at >>> bigLinkShift], (at & bigLinkMask) << linkShift,
                    nextPages[page].length);
            if (basePages[page] != null) {
                System.arraycopy(basePages[page], 0, bases, at, basePages[page].length);
            }
        }
        entryPages = new Object[][] {entries};
        nextPages = links;
        basePages = new int[][] {bases};
        pageShift = BIG_PAGE_SHIFT;
        pageMask = BIG_PAGES_FROM - 1;
        linkPageShift = bigLinkShift;
        linkPageMask = bigLinkMask;
        pageBytes = arrayBytes(entries.length) + (bases == null ? 0 : arrayBytes(bases.length));
        for (int[] array : links) {
            pageBytes += arrayBytes(array.length);
        }
        if (aheadBases != null) {
            pageBytes += arrayBytes(aheadBases.length); // made for pages that then had no bases after all
        }
    }

    /** Puts the big page that starts at slot {@code page << BIG_PAGE_SHIFT} in place, made ahead. */
    private void addBigPage(int page) {
        entryPages = Arrays.copyOf(entryPages, page + 1);
        basePages = Arrays.copyOf(basePages, page + 1);
        entryPages[page] = takeAheadEntries();
        basePages[page] = aheadBases;
        aheadBases = null;
        int[][] links = takeAheadLinks();
        int at = nextPages.length;
        nextPages = Arrays.copyOf(nextPages, at + links.length);
        System.arraycopy(links, 0, nextPages, at, links.length);
    }

    /** The next big page's entries array: the one made ahead, else a new one. */
    private Object[] takeAheadEntries() {
        Object[] entries = aheadEntries;
        aheadEntries = null;
        if (entries == null) {
            entries = PageStock.objects();
            pageBytes += arrayBytes(BIG_PAGES_FROM);
        }
        return entries;
    }

    /** The next big page's link arrays (two where the hashes are kept): those made ahead, else new ones. */
    private int[][] takeAheadLinks() {
        int[][] links = aheadLinks != null ? aheadLinks : new int[1 << linkShift][];
        aheadLinks = null;
        for (int i = 0; i < links.length; i++) {
            if (links[i] == null) {
                links[i] = PageStock.ints();
                pageBytes += arrayBytes(1 << BIG_PAGE_SHIFT);
            }
        }
        return links;
    }

    /** The first big page's bases array: the one made ahead, else a new one. */
    private int[] takeAheadBases() {
        int[] bases = aheadBases;
        aheadBases = null;
        return bases != null ? bases : PageStock.ints();
    }

    /** The hash of the key of the entry at {@code base} in {@code entry} (a byte array), or of a value's key. */
    long hashOf(Object entry, int base) {
        if (entry instanceof byte[]) {
            byte[] e = (byte[]) entry;
            return hasher.hash(e, StringEntry.keyOffset(e, base), StringEntry.keyLength(e, base));
        }
        byte[] key = ((KeyedValue) entry).key();
        return hasher.hash(key, 0, key.length);
    }

    /** True if the key of the entry at {@code base} in {@code entry} (or a value's key) is the given key. */
    static boolean keyEquals(Object entry, int base, byte[] k, int off, int len) {
        if (entry instanceof byte[]) {
            byte[] e = (byte[]) entry;
            int klen = StringEntry.keyLength(e, base);
            if (klen != len) {
                return false;
            }
            int koff = StringEntry.keyOffset(e, base);
            return Arrays.equals(e, koff, koff + klen, k, off, off + len);
        }
        byte[] key = ((KeyedValue) entry).key();
        return Arrays.equals(key, 0, key.length, k, off, off + len);
    }
}
