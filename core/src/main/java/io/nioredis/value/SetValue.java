package io.nioredis.value;

import io.nioredis.store.Dict;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Scannable;
import io.nioredis.store.FieldEntry;
import io.nioredis.text.Ascii;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * A set, held as Redis 7.0 holds it: an {@link IntsetMembers intset} while every member is a strict decimal
 * integer (string2ll) and there are at most set-max-intset-entries of them, else a {@link Dict} of
 * {@link FieldEntry} entries with empty values. A new set starts as an empty intset, which is what both
 * Redis's setTypeCreate and createIntsetObject amount to once the first member is added. The conversion
 * to a hashtable is one way, as in Redis.
 *
 * <p>Members are addressed by position: an intset index (every index below {@link #size} is live, in
 * ascending order) or a dict slot (free slots read as absent). A position is valid until the next add or
 * remove. {@link #member} gives any member's bytes through a reusable {@link SetMember} view.
 */
public final class SetValue extends KeyedValue implements Scannable, Members {
    private static final byte[] EMPTY = new byte[0];
    /** Object header, key reference, two representation references and a counter. */
    private static final long SHALLOW_BYTES = 48;
    /** The intset's object header, array reference, width and count. */
    private static final long INTSET_BYTES = 24;
    /** Redis caps set-max-intset-entries at 1G entries "due to intset internals". */
    private static final long INTSET_CAP = 1L << 30;

    private IntsetMembers ints;
    private Dict members;
    private long memberBytes;

    /** An empty set, an intset until a member makes it a hashtable. */
    public SetValue(byte[] key) {
        super(key);
        ints = new IntsetMembers();
    }

    /**
     * An empty intset whose elements are at least {@code width} bytes wide, as an intset blob loaded from
     * RDB or RESTORE keeps its width.
     */
    public SetValue(byte[] key, int intsetWidth, int capacity) {
        super(key);
        ints = new IntsetMembers(intsetWidth, capacity);
    }

    @Override
    public String typeName() {
        return "set";
    }

    /** True while held as an intset (OBJECT ENCODING "intset"). */
    public boolean isIntset() {
        return ints != null;
    }

    /** The intset while {@link #isIntset}, else null. */
    @Override
    public Dict memberDict() {
        return members;
    }

    public IntsetMembers intset() {
        return ints;
    }

    @Override
    public long memoryUsage() {
        if (ints != null) {
            return SHALLOW_BYTES + INTSET_BYTES + ints.arrayBytes();
        }
        return SHALLOW_BYTES + members.overheadBytes() + memberBytes;
    }

    /** A deep copy under another key in the same encoding, for COPY (as Redis's setTypeDup). */
    public SetValue copy(byte[] newKey) {
        SetValue copy = new SetValue(newKey);
        if (ints != null) {
            copy.ints = ints.copy();
            return copy;
        }
        copy.ints = null;
        copy.members = new Dict();
        SetMember view = new SetMember();
        for (int s = 0, limit = members.slotLimit(); s < limit; s++) {
            if (member(s, view)) {
                copy.addEntry(view.array, view.offset, view.length);
            }
        }
        return copy;
    }

    public int size() {
        return ints != null ? ints.size() : members.size();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    public boolean contains(byte[] b, int off, int len) {
        if (ints != null) {
            return Ascii.isLong(b, off, len) && ints.contains(Ascii.parseLong(b, off, len));
        }
        return members.find(b, off, len) >= 0;
    }

    /** True if the integer is a member (its decimal form, for a hashtable). */
    public boolean containsInteger(long v, SetMember scratch) {
        if (ints != null) {
            return ints.contains(v);
        }
        scratch.integer(v);
        return members.find(scratch.array, scratch.offset, scratch.length) >= 0;
    }

    /**
     * Adds the member if absent, as setTypeAdd: a non-integer, or an intset growing past
     * {@code maxIntsetEntries}, turns the set into a hashtable. True if it was added.
     */
    public boolean add(byte[] b, int off, int len, long maxIntsetEntries) {
        if (ints != null) {
            if (Ascii.isLong(b, off, len)) {
                if (!ints.add(Ascii.parseLong(b, off, len))) {
                    return false;
                }
                if (ints.size() > Math.min(maxIntsetEntries, INTSET_CAP)) {
                    toHashtable();
                }
                return true;
            }
            toHashtable();
        }
        long hash = members.hash(b, off, len);
        if (members.find(b, off, len, hash) >= 0) {
            return false;
        }
        memberBytes += FieldEntry.bytes(members, FieldEntry.add(members, b, off, len, EMPTY, 0, 0, hash));
        shareWhenBig();
        return true;
    }

    /** Adds an integer, as {@link #add} of its decimal form. */
    public boolean addInteger(long v, long maxIntsetEntries, SetMember scratch) {
        scratch.integer(v);
        return add(scratch.array, scratch.offset, scratch.length, maxIntsetEntries);
    }

    /** Adds a member known to be absent; past the mark the rest go straight into the dict's pages. */
    private void addEntry(byte[] b, int off, int len) {
        memberBytes += FieldEntry.bytes(members, FieldEntry.add(members, b, off, len, EMPTY, 0, 0));
        shareWhenBig();
    }

    /** A big set's entries move into its dict's pages (see {@link FieldEntry}). */
    private void shareWhenBig() {
        memberBytes += FieldEntry.shareSome(members);
    }

    /** setTypeConvert to OBJ_ENCODING_HT: every element becomes a dict entry, in ascending order. */
    private void toHashtable() {
        IntsetMembers from = ints;
        ints = null;
        members = new Dict();
        byte[] digits = new byte[20];
        for (int i = 0; i < from.size(); i++) {
            addEntry(digits, 0, Ascii.writeLong(digits, 0, from.get(i)));
        }
    }

    /** Removes the member if present; true if it was there. An intset stays an intset. */
    @Override
    public boolean remove(byte[] b, int off, int len) {
        if (ints != null) {
            return Ascii.isLong(b, off, len) && ints.remove(Ascii.parseLong(b, off, len));
        }
        int slot = members.find(b, off, len);
        if (slot < 0) {
            return false;
        }
        removeAt(slot);
        return true;
    }

    /** Removes every member: the set is an empty intset again, as a new one. */
    public void clear() {
        ints = new IntsetMembers();
        members = null;
        memberBytes = 0;
    }

    /** Upper bound of positions: the intset's size or the dict's slot limit. */
    public int positionLimit() {
        return ints != null ? ints.size() : members.slotLimit();
    }

    /** Fills {@code view} with the member at a position; false for a free dict slot. */
    public boolean member(int position, SetMember view) {
        if (ints != null) {
            view.integer(ints.get(position));
            return true;
        }
        byte[] e = (byte[]) members.get(position);
        if (e == null) {
            return false;
        }
        int base = members.base(position);
        view.bytes(e, FieldEntry.keyOffset(e, base), FieldEntry.keyLength(e, base));
        return true;
    }

    /** A random member's position, or -1 when empty (intsetRandom or dictGetFairRandomKey). */
    public int randomPosition() {
        if (ints != null) {
            return ints.size() == 0 ? -1 : ThreadLocalRandom.current().nextInt(ints.size());
        }
        return members.randomSlot();
    }

    /** Removes the member at a live position. */
    public void removeAt(int position) {
        if (ints != null) {
            ints.removeAt(position);
            return;
        }
        memberBytes -= FieldEntry.remove(members, position);
    }

    /**
     * One step of SSCAN over the dict's slots, see {@link Dict#scan}. An intset is never walked this way:
     * Redis returns it whole with cursor 0.
     */
    @Override
    public long scan(long cursor, IntConsumer visitor) {
        if (ints != null) {
            for (int i = 0; i < ints.size(); i++) {
                visitor.accept(i);
            }
            return 0;
        }
        return members.scan(cursor, visitor);
    }
}
