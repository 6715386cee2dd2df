package io.nioredis.value;

import io.nioredis.store.Dict;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Scannable;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;

import java.util.function.IntConsumer;

/**
 * A set: its members are the keys of a {@link Dict} of {@link StringEntry} entries with empty values, so a
 * member costs one byte array in the dict's arena and a random member (SPOP, SRANDMEMBER) is one
 * {@link Dict#randomSlot} away. Members are addressed by dict slot; a slot is valid until the next add or
 * remove.
 */
public final class SetValue extends KeyedValue implements Scannable, Members {
    private static final byte[] EMPTY = new byte[0];
    /** Object header, key reference, dict reference and counter. */
    private static final long SHALLOW_BYTES = 48;

    private final Dict members = new Dict();
    private long memberBytes;

    public SetValue(byte[] key) {
        super(key);
    }

    @Override
    public String typeName() {
        return "set";
    }

    @Override
    public long memoryUsage() {
        return SHALLOW_BYTES + members.overheadBytes() + memberBytes;
    }

    /**
     * A deep copy under another key, for COPY: the member entries are immutable byte arrays, so the copy
     * shares them and only the dict is new.
     */
    public SetValue copy(byte[] newKey) {
        SetValue copy = new SetValue(newKey);
        for (int s = 0, limit = members.slotLimit(); s < limit; s++) {
            byte[] e = (byte[]) members.get(s);
            if (e != null) {
                copy.members.add(e);
                copy.memberBytes += Keyspace.sizeOf(e);
            }
        }
        return copy;
    }

    public int size() {
        return members.size();
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    public boolean contains(byte[] b, int off, int len) {
        return members.find(b, off, len) >= 0;
    }

    /** Adds the member if absent; true if it was added. */
    public boolean add(byte[] b, int off, int len) {
        if (members.find(b, off, len) >= 0) {
            return false;
        }
        byte[] e = StringEntry.create(b, off, len, EMPTY, 0, 0);
        members.add(e);
        memberBytes += Keyspace.sizeOf(e);
        return true;
    }

    /** Removes the member if present; true if it was there. */
    @Override
    public boolean remove(byte[] b, int off, int len) {
        int slot = members.find(b, off, len);
        if (slot < 0) {
            return false;
        }
        removeSlot(slot);
        return true;
    }

    public void removeSlot(int slot) {
        memberBytes -= Keyspace.sizeOf(members.get(slot));
        members.remove(slot);
    }

    /** A random member's slot, or -1 when empty. */
    public int randomSlot() {
        return members.randomSlot();
    }

    /** The packed entry of a live slot: the member is its key ({@link StringEntry#keyOffset}). */
    public byte[] entry(int slot) {
        return (byte[]) members.get(slot);
    }

    /** Upper bound of slot numbers; {@link #entry} is null for free slots. */
    public int slotLimit() {
        return members.slotLimit();
    }

    /** One step of SSCAN over the member slots, see {@link Dict#scan}. */
    @Override
    public long scan(long cursor, IntConsumer visitor) {
        return members.scan(cursor, visitor);
    }
}
