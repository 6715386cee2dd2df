package io.nioredis.value;

import io.nioredis.store.Dict;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Scannable;
import io.nioredis.store.FieldEntry;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * A Redis hash, in one of two encodings as Redis's listpack/hashtable pair:
 * <ul>
 *   <li>small (at most hash-max-listpack-entries fields, none of the fields or values longer than
 *   hash-max-listpack-value bytes, limits the caller passes in): one byte array of {@link PackedPair} field/value pairs in insertion
 *   order, searched linearly, as a listpack is. A pair of short strings costs one header byte beside its
 *   bytes (instead of two arrays), and it replies in insertion order, as Redis does for small hashes;</li>
 *   <li>large: a {@link Dict} of {@link FieldEntry} field/value entries.</li>
 * </ul>
 * A hash converts to the large encoding once it outgrows the small one and never goes back, as in Redis.
 *
 * <p>Fields are addressed by a handle: the pair's index in the small encoding, a dict slot in the large one.
 * A handle is valid until the next change to the hash. Iterate with {@code for (h = 0; h < handleLimit();
 * h++) if (has(h)) ...}. A small handle is an index rather than a byte position because HSCAN, HRANDFIELD
 * and that loop count pairs; a cursor remembers the last pair resolved to its position, so the loop, and a
 * lookup followed by reads of the pair it found, cost no walk.
 */
public final class HashValue extends KeyedValue implements Scannable, Members {
    private static final long FIXED_BYTES = 48;
    private static final byte[] EMPTY = new byte[0];

    /** The small encoding's pairs in {@code packed[0, used)}, or null once large. */
    private byte[] packed = EMPTY;
    private int used;
    private int smallCount;
    /**
     * The last small handle resolved, high 32 bits, and its pair's position, low 32; 0 (pair 0 at 0) after a
     * change. One long so that it is never seen half written.
     */
    private long cursor;
    private Dict large;
    /** Heap bytes of the large encoding's entries. */
    private long dataBytes;

    public HashValue(byte[] key) {
        super(key);
    }

    @Override
    public Dict memberDict() {
        return large;
    }

    @Override
    public String typeName() {
        return "hash";
    }

    @Override
    public long memoryUsage() {
        long structure = large != null ? large.overheadBytes() + dataBytes : ListValue.arrayBytes(packed.length);
        return FIXED_BYTES + ListValue.arrayBytes(key().length) + structure;
    }

    @Override
    public KeyedValue copy(byte[] newKey) {
        HashValue copy = new HashValue(newKey);
        if (large == null) {
            copy.packed = used == 0 ? EMPTY : Arrays.copyOf(packed, (used + 7) & ~7);
            copy.used = used;
            copy.smallCount = smallCount;
            return copy;
        }
        // A copy keeps the encoding, as Redis's hashTypeDup does, whatever the limits are now.
        copy.convertToLarge();
        for (int h = 0; h < handleLimit(); h++) {
            if (has(h)) {
                copy.put(fieldArray(h), fieldOffset(h), fieldLength(h), valueArray(h), valueOffset(h), valueLength(h),
                        0, 0);
            }
        }
        return copy;
    }

    public int size() {
        return large != null ? large.size() : smallCount;
    }

    @Override
    public boolean isEmpty() {
        return size() == 0;
    }

    public boolean isSmall() {
        return large == null;
    }

    /** The handle of the field, or -1. */
    public int find(byte[] f, int off, int len) {
        if (large != null) {
            return large.find(f, off, len);
        }
        byte[] p = packed;
        int pos = 0;
        for (int i = 0; i < smallCount; i++) {
            int fieldStart = PackedPair.fieldOffset(p, pos);
            int fieldLength = PackedPair.fieldLength(p, pos);
            if (fieldLength == len && Arrays.equals(p, fieldStart, fieldStart + len, f, off, off + len)) {
                cursor = ((long) i << 32) | pos;
                return i;
            }
            pos = fieldStart + fieldLength + PackedPair.valueLength(p, pos);
        }
        return -1;
    }

    /**
     * Sets a field, copying field and value; true if the field is new. As Redis's hashTypeSet, a small hash
     * converts to the large encoding first when the field or value is longer than {@code maxValue}
     * (hash-max-listpack-value), and afterwards when it holds more than {@code maxEntries} fields
     * (hash-max-listpack-entries) - after an update too, so a hash left over a lowered limit converts at
     * its next write. A length beyond what {@link PackedPair}'s header describes converts as well, whatever
     * the limit.
     */
    public boolean put(byte[] f, int foff, int flen, byte[] v, int voff, int vlen, long maxEntries, long maxValue) {
        if (large == null && !fitsSmall(flen, vlen, maxValue)) {
            convertToLarge();
        }
        if (large != null) {
            long hash = large.hash(f, foff, flen);
            int h = large.find(f, foff, flen, hash);
            if (h >= 0) {
                dataBytes += FieldEntry.setValue(large, h, v, voff, vlen);
                return false;
            }
            dataBytes += FieldEntry.bytes(large, FieldEntry.add(large, f, foff, flen, v, voff, vlen, hash));
            shareWhenBig();
            return true;
        }
        int h = find(f, foff, flen);
        boolean added = h < 0;
        if (added) {
            int size = PackedPair.size(flen, vlen);
            reserve(used + size);
            PackedPair.write(packed, used, f, foff, flen, v, voff, vlen);
            cursor = ((long) smallCount << 32) | used;
            used += size;
            smallCount++;
        } else {
            replaceValue(h, v, voff, vlen);
        }
        if (smallCount > maxEntries) {
            convertToLarge();
        }
        return added;
    }

    private static boolean fitsSmall(int flen, int vlen, long maxValue) {
        long bound = Math.min(maxValue, PackedPair.MAX_LENGTH);
        return flen <= bound && vlen <= bound;
    }

    /**
     * Converts a small hash holding more than {@code maxEntries} fields, as Redis does with a listpack it
     * loads from an RDB file or a RESTORE payload (which keeps long values as they are).
     */
    public void convertIfOver(long maxEntries) {
        if (large == null && smallCount > maxEntries) {
            convertToLarge();
        }
    }

    /** Overwrites the value of small pair {@code h}, moving the pairs after it when the length changes. */
    private void replaceValue(int h, byte[] v, int voff, int vlen) {
        int pos = position(h);
        int flen = PackedPair.fieldLength(packed, pos);
        int oldLength = PackedPair.valueLength(packed, pos);
        int oldHeader = PackedPair.headerSizeAt(packed, pos);
        int oldEnd = pos + oldHeader + flen + oldLength;
        if (oldLength == vlen) {
            // Same length: overwrite in place, so a steady stream of updates allocates nothing.
            System.arraycopy(v, voff, packed, oldEnd - vlen, vlen);
            return;
        }
        int newHeader = PackedPair.headerSize(flen, vlen);
        int newEnd = pos + newHeader + flen + vlen;
        int delta = newEnd - oldEnd;
        if (delta > 0) {
            reserve(used + delta);
        }
        // The header may change size too, moving the field: move first whichever of field and tail heads
        // away from the other, so neither overwrites bytes still to be moved.
        if (newHeader > oldHeader) {
            System.arraycopy(packed, oldEnd, packed, newEnd, used - oldEnd);
            System.arraycopy(packed, pos + oldHeader, packed, pos + newHeader, flen);
        } else {
            System.arraycopy(packed, pos + oldHeader, packed, pos + newHeader, flen);
            System.arraycopy(packed, oldEnd, packed, newEnd, used - oldEnd);
        }
        PackedPair.writeHeader(packed, pos, flen, vlen);
        System.arraycopy(v, voff, packed, newEnd - vlen, vlen);
        used += delta;
        if (delta < 0) {
            trimIfSparse();
        }
        cursor = ((long) h << 32) | pos;
    }

    /** Removes a field; true if it was there. */
    @Override
    public boolean remove(byte[] f, int off, int len) {
        int h = find(f, off, len);
        if (h < 0) {
            return false;
        }
        if (large != null) {
            dataBytes -= FieldEntry.remove(large, h);
            return true;
        }
        int pos = position(h);
        int end = PackedPair.next(packed, pos);
        System.arraycopy(packed, end, packed, pos, used - end);
        used -= end - pos;
        smallCount--;
        cursor = 0;
        trimIfSparse();
        return true;
    }

    /** Upper bound of handles, for iteration with {@link #has}. */
    public int handleLimit() {
        return large != null ? large.slotLimit() : smallCount;
    }

    public boolean has(int h) {
        return large == null || large.get(h) != null;
    }

    public byte[] fieldArray(int h) {
        return large != null ? (byte[]) large.get(h) : packed;
    }

    public int fieldOffset(int h) {
        if (large != null) {
            return FieldEntry.keyOffset((byte[]) large.get(h), large.base(h));
        }
        return PackedPair.fieldOffset(packed, position(h));
    }

    public int fieldLength(int h) {
        if (large != null) {
            return FieldEntry.keyLength((byte[]) large.get(h), large.base(h));
        }
        return PackedPair.fieldLength(packed, position(h));
    }

    public byte[] valueArray(int h) {
        return large != null ? (byte[]) large.get(h) : packed;
    }

    public int valueOffset(int h) {
        if (large != null) {
            return FieldEntry.valueOffset((byte[]) large.get(h), large.base(h));
        }
        return PackedPair.valueOffset(packed, position(h));
    }

    public int valueLength(int h) {
        if (large != null) {
            return FieldEntry.valueLength((byte[]) large.get(h), large.base(h));
        }
        return PackedPair.valueLength(packed, position(h));
    }

    /** A random field's handle; the hash must not be empty. */
    public int randomHandle() {
        return large != null ? large.randomSlot() : ThreadLocalRandom.current().nextInt(smallCount);
    }

    /**
     * One step of HSCAN over the large encoding (see {@link Dict#scan}); the small encoding is returned
     * whole by the caller, as Redis does for a listpack.
     */
    @Override
    public long scan(long cursor, IntConsumer visitor) {
        return large.scan(cursor, visitor);
    }

    /**
     * The position of small pair {@code h}: walked from the cursor when {@code h} is at or after it, else
     * from the start, as a listpack seek is; the cursor then points at {@code h}.
     */
    private int position(int h) {
        long c = cursor;
        int i = (int) (c >>> 32);
        int pos = (int) c;
        if (i == h) {
            return pos;
        }
        if (h < i) {
            i = 0;
            pos = 0;
        }
        byte[] p = packed;
        while (i < h) {
            pos = PackedPair.next(p, pos);
            i++;
        }
        cursor = ((long) h << 32) | pos;
        return pos;
    }

    /**
     * Room for {@code needed} bytes, growing by an eighth at least: amortised growth with at most 12.5 %
     * slack, where a listpack is reallocated to its exact size at every change (plus its allocator's size
     * class, up to 25 %).
     */
    private void reserve(int needed) {
        if (needed > packed.length) {
            packed = Arrays.copyOf(packed, capacityFor(needed));
        }
    }

    /**
     * Gives back the array's unused room, for a hash that has just been filled in one go (by one command,
     * a load or a restore), which is where most hashes take their final size: a listpack is exact-size.
     * Later additions grow it again by an eighth.
     */
    public void trimToSize() {
        if (large == null && packed.length > ((used + 7) & ~7)) {
            packed = used == 0 ? EMPTY : Arrays.copyOf(packed, (used + 7) & ~7);
        }
    }

    /** Shrinks the array once it is less than half used, so deletes give memory back. */
    private void trimIfSparse() {
        if (used < packed.length / 2) {
            packed = used == 0 ? EMPTY : Arrays.copyOf(packed, capacityFor(used));
        }
    }

    /** {@code n} plus an eighth, rounded up to 8, which a JVM array's size is anyway. */
    private static int capacityFor(int n) {
        return (n + (n >>> 3) + 7) & ~7;
    }

    private void convertToLarge() {
        Dict dict = new Dict();
        long bytes = 0;
        int pos = 0;
        for (int i = 0; i < smallCount; i++) {
            int f = PackedPair.fieldOffset(packed, pos);
            int flen = PackedPair.fieldLength(packed, pos);
            int v = f + flen;
            int vlen = PackedPair.valueLength(packed, pos);
            bytes += FieldEntry.bytes(dict, FieldEntry.add(dict, packed, f, flen, packed, v, vlen));
            pos = v + vlen;
        }
        large = dict;
        packed = null;
        used = 0;
        smallCount = 0;
        cursor = 0;
        dataBytes = bytes;
        shareWhenBig();
    }

    /** A big hash's entries move into its dict's pages (see {@link FieldEntry}). */
    private void shareWhenBig() {
        dataBytes += FieldEntry.shareSome(large);
    }
}
