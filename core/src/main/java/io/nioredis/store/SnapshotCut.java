package io.nioredis.store;

/**
 * What a point-in-time snapshot still owes of one database: the entries its dict held at the cut that have
 * not been written yet. The snapshot walks the dict's slot arena upwards with a cursor; a slot is pending
 * when it is at or above the cursor, below the arena's limit at the cut, and not marked done in a bitmap.
 * The keyspace calls {@link #beforeChange} before it hands out, changes or frees a slot, so a pending entry
 * is written with its value and deadline as they were at the cut (Dragonfly's scheme, without a fork) and
 * marked done; {@link #added} marks a slot filled after the cut done, so a key created later is never
 * written. Slot numbers are stable across rehashing (see {@link Dict}), which is what makes the walk sound.
 *
 * <p>The cut follows its dict, not its database number: SWAPDB carries it to the other database, and
 * FLUSHDB hands the whole dict to it (the keyspace starts a new one), so the snapshot still writes the
 * flushed keys under the number they had at the cut. Costs 1 bit per slot, only while a snapshot runs.
 */
public final class SnapshotCut {
    /**
     * Receives each entry of the cut exactly once, in the state it had at the cut: a value, or a string's
     * entry at {@code base} in the array {@code entry}, which may be read during the call only.
     */
    public interface Writer {
        void write(int db, Object entry, int base, long deadline);

        /** True while some entry already given to {@link #write} may still be being read elsewhere. */
        boolean holdsEntries();

        /** {@code entry}, already written or handed over, is about to change: wait until it is safe. */
        void release(Object entry);

        /**
         * A command is about to touch {@code entry}, not written yet: if it is big, hand it to the writer
         * thread now and return true (the command waits, the loop does not); false to let the change write it.
         */
        boolean handOverAhead(int db, Object entry, int base, long deadline);

        /** True while {@code entry} has been handed to the writer thread and is not written yet. */
        boolean inFlight(Object entry);
    }

    private final int db;
    private final Dict dict;
    private final ExpiryHeap expiries;
    private final Writer writer;
    private final int limit;
    private final long[] done;
    private final long keys;
    private final long keysWithExpiry;
    private int cursor;

    SnapshotCut(int db, Dict dict, ExpiryHeap expiries, Writer writer) {
        this.db = db;
        this.dict = dict;
        this.expiries = expiries;
        this.writer = writer;
        this.limit = dict.slotLimit();
        this.done = new long[(limit + 63) >>> 6];
        this.keys = dict.size();
        this.keysWithExpiry = expiries.size();
    }

    /** The database number at the cut, under which the entries are written. */
    public int db() {
        return db;
    }

    public long keys() {
        return keys;
    }

    public long keysWithExpiry() {
        return keysWithExpiry;
    }

    /** True once every entry of the cut has been written. */
    public boolean finished() {
        return cursor >= limit;
    }

    /**
     * Writes the pending entries among the next {@code maxSlots} slots of the walk; returns how many it
     * wrote. Free slots cost a visit but write nothing.
     */
    public int walk(int maxSlots) {
        int end = (int) Math.min(limit, (long) cursor + maxSlots);
        int written = 0;
        for (int slot = cursor; slot < end; slot++) {
            if ((done[slot >>> 6] & (1L << slot)) == 0) {
                Object entry = dict.get(slot);
                if (entry != null) {
                    writer.write(db, entry, dict.base(slot), expiries.deadline(slot));
                    written++;
                }
            }
        }
        cursor = end;
        return written;
    }

    /** The entry in {@code slot} is about to be read for a change, changed or freed. */
    void beforeChange(int slot) {
        if (slot >= cursor && slot < limit && (done[slot >>> 6] & (1L << slot)) == 0) {
            done[slot >>> 6] |= 1L << slot;
            Object entry = dict.get(slot);
            if (entry != null) {
                writer.write(db, entry, dict.base(slot), expiries.deadline(slot));
            }
        } else if (writer.holdsEntries()) {
            Object entry = dict.get(slot);
            if (entry != null) {
                writer.release(entry);
            }
        }
    }

    /**
     * A command is about to touch the entry in {@code slot}: true if it must wait because its value is with
     * the writer thread, which it is given now if it is a big value the walk has not reached.
     */
    boolean holdsForChange(int slot) {
        Object entry = dict.get(slot);
        if (entry == null) {
            return false;
        }
        if (slot >= cursor && slot < limit && (done[slot >>> 6] & (1L << slot)) == 0) {
            if (writer.handOverAhead(db, entry, dict.base(slot), expiries.deadline(slot))) {
                done[slot >>> 6] |= 1L << slot;
                return true;
            }
            return false;
        }
        return writer.holdsEntries() && writer.inFlight(entry);
    }

    /** A key was added in {@code slot} after the cut: not part of the snapshot. */
    void added(int slot) {
        if (slot >= cursor && slot < limit) {
            done[slot >>> 6] |= 1L << slot;
        }
    }
}
