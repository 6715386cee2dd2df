package io.nioredis.store;

/**
 * A hash's field and its value, or a set's member (with an empty value), as the {@link Dict} of a hash or set
 * in its hashtable encoding holds it.
 * While the aggregate is small each entry has a byte array of its own, {@code [header, varint][field][value]}
 * (the header being the field's length times four, read as a {@link StringEntry}'s is, which is how the dict
 * finds both), and the array's end is the value's. One object per member instead of an entry plus two arrays
 * saves two object headers and two references, and its memory goes the moment the member does.
 *
 * <p>Once the aggregate reaches {@link #SHARED_FROM} members new entries are placed in 512 KB pages of the dict's
 * {@link StringArena}, as the keyspace's strings live, written as {@link StringEntry StringEntries} (the value's
 * length recorded, as a chunk has no end of its own), and each add moves {@link #SLOTS_PER_ADD} slots' worth of
 * the older entries there too ({@link #shareSome}). Moved all at once, at the add that reached the mark, the
 * 65,536 entries stalled that add for 70-90 ms on a fresh server: 2 MB of pages in memory never touched
 * before, and a loop run once, so in the interpreter. An aggregate growing
 * by a million members made a million small arrays in the young generation, every one of which survived, so
 * each young collection copied its 8 MB into the old generation and faulted fresh pages in while the loop
 * stood still. Pages of 512 KB are made straight in the old generation, and a chunk a removal frees serves the
 * next member of its size. Below the mark a page would be mostly empty for a hash of a few hundred fields.
 * An arena chunk starts past its page's header, so base 0 always means an array of its own.
 */
public final class FieldEntry {
    /** Members from which an aggregate's entries share the pages of its dict's arena. */
    public static final int SHARED_FROM = 1 << 16;
    /** Slots whose entries an add moves into the arena: the 65,536 older ones are moved in 2,048 adds. */
    public static final int SLOTS_PER_ADD = 32;

    private FieldEntry() {}

    /**
     * Adds an entry of this field and value, of a field the dict does not hold, whose {@link Dict#hash} is
     * {@code hash}; returns its slot.
     */
    public static int add(Dict d, byte[] f, int foff, int flen, byte[] v, int voff, int vlen, long hash) {
        byte[] e = place(d, f, foff, flen, v, voff, vlen);
        return d.addAt(e, placedBase(d, flen, vlen), hash);
    }

    /** As {@link #add(Dict, byte[], int, int, byte[], int, int, long)}, hashing the field. */
    public static int add(Dict d, byte[] f, int foff, int flen, byte[] v, int voff, int vlen) {
        return add(d, f, foff, flen, v, voff, vlen, d.hash(f, foff, flen));
    }

    /**
     * Gives the entry in {@code slot} another value, in place when the length is the same (so a steady
     * stream of updates allocates nothing); returns the change in {@link #bytes}.
     */
    public static long setValue(Dict d, int slot, byte[] v, int voff, int vlen) {
        byte[] old = (byte[]) d.get(slot);
        int oldBase = d.base(slot);
        if (valueLength(old, oldBase) == vlen) {
            System.arraycopy(v, voff, old, valueOffset(old, oldBase), vlen);
            return 0;
        }
        long before = bytes(old, oldBase);
        int flen = keyLength(old, oldBase);
        byte[] e = place(d, old, keyOffset(old, oldBase), flen, v, voff, vlen);
        int base = placedBase(d, flen, vlen);
        d.set(slot, e, base);
        release(d, old, oldBase);
        return bytes(e, base) - before;
    }

    /** Removes the entry in a live slot; returns the {@link #bytes} it took. */
    public static long remove(Dict d, int slot) {
        byte[] e = (byte[]) d.get(slot);
        int base = d.base(slot);
        long bytes = bytes(e, base);
        d.remove(slot);
        release(d, e, base);
        return bytes;
    }

    /**
     * From {@link #SHARED_FROM} members on: makes the dict's arena, where new entries go from then on, and
     * moves the entries of the next {@link #SLOTS_PER_ADD} slots made before it into it, until all are moved
     * (see the class comment). Returns the change in {@link #bytes} of all entries.
     */
    public static long shareSome(Dict d) {
        if (!d.hasStrings()) {
            if (d.size() < SHARED_FROM) {
                return 0;
            }
            d.strings();
        }
        int from = d.unsharedFrom();
        int end = Math.min(d.unsharedUntil(), from + SLOTS_PER_ADD);
        long change = 0;
        for (int slot = from; slot < end; slot++) {
            change += moveIntoArena(d, slot);
        }
        d.sharedUpTo(Math.max(from, end));
        return change;
    }

    /** Moves every entry into the dict's arena now, whatever the size; returns the change in {@link #bytes}. */
    public static long share(Dict d) {
        d.strings();
        long change = 0;
        while (d.unsharedFrom() < d.unsharedUntil()) {
            change += shareSome(d);
        }
        return change;
    }

    /** Moves the slot's entry into the arena if it has an array of its own and fits; returns the change in bytes. */
    private static long moveIntoArena(Dict d, int slot) {
        byte[] e = (byte[]) d.get(slot);
        if (e == null || d.base(slot) != 0) {
            return 0;
        }
        int flen = keyLength(e, 0);
        int vlen = valueLength(e, 0);
        int size = StringEntry.size(flen, vlen);
        if (!StringArena.holds(size)) {
            return 0;
        }
        StringArena arena = d.strings();
        byte[] page = arena.allocate(size);
        int base = arena.allocatedBase();
        int valueAt = StringEntry.write(page, base, e, keyOffset(e, 0), flen, vlen, StringEntry.BY_VALUE);
        System.arraycopy(e, valueOffset(e, 0), page, valueAt, vlen);
        d.set(slot, page, base);
        return StringArena.chunkSize(size) - arrayBytes(e.length);
    }

    /** Heap bytes the entry in {@code slot} takes: its arena chunk, or its own array with the header. */
    public static long bytes(Dict d, int slot) {
        return bytes((byte[]) d.get(slot), d.base(slot));
    }

    public static int keyOffset(byte[] e, int base) {
        return StringEntry.keyOffset(e, base);
    }

    public static int keyLength(byte[] e, int base) {
        return StringEntry.keyLength(e, base);
    }

    public static int valueOffset(byte[] e, int base) {
        return base == 0 ? keyOffset(e, 0) + keyLength(e, 0) : StringEntry.valueOffset(e, base);
    }

    public static int valueLength(byte[] e, int base) {
        return base == 0 ? e.length - valueOffset(e, 0) : StringEntry.valueLength(e, base);
    }

    private static long bytes(byte[] e, int base) {
        return base == 0 ? arrayBytes(e.length) : StringArena.chunkSize(StringEntry.size(e, base));
    }

    private static long arrayBytes(int size) {
        return (16 + size + 7) & ~7L;
    }

    /** True when an entry of this field and value length goes into the dict's arena. */
    private static boolean shared(Dict d, int flen, int vlen) {
        return d.hasStrings() && StringArena.holds(StringEntry.size(flen, vlen));
    }

    /** The entry, written: in a chunk of the dict's arena once it has one, else in an array of its own. */
    private static byte[] place(Dict d, byte[] f, int foff, int flen, byte[] v, int voff, int vlen) {
        if (shared(d, flen, vlen)) {
            StringArena arena = d.strings();
            byte[] page = arena.allocate(StringEntry.size(flen, vlen));
            int valueAt = StringEntry.write(page, arena.allocatedBase(), f, foff, flen, vlen, StringEntry.BY_VALUE);
            System.arraycopy(v, voff, page, valueAt, vlen);
            return page;
        }
        int header = StringEntry.varintLength(flen << 2);
        byte[] e = new byte[header + flen + vlen];
        StringEntry.writeVarint(e, 0, flen << 2);
        System.arraycopy(f, foff, e, header, flen);
        System.arraycopy(v, voff, e, header + flen, vlen);
        return e;
    }

    /** Where the last {@link #place} of an entry of these lengths put it in the array it returned. */
    private static int placedBase(Dict d, int flen, int vlen) {
        return shared(d, flen, vlen) ? d.strings().allocatedBase() : 0;
    }

    private static void release(Dict d, byte[] e, int base) {
        if (base != 0) {
            d.strings().free(e, base, StringEntry.size(e, base));
        }
    }
}
