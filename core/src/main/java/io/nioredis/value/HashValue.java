package io.nioredis.value;

import io.nioredis.store.Dict;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Scannable;
import io.nioredis.store.StringEntry;

import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

/**
 * A Redis hash, in one of two encodings as Redis's listpack/hashtable pair:
 * <ul>
 *   <li>small (at most {@link #MAX_SMALL_ENTRIES} fields, none of the fields or values longer than
 *   {@link #MAX_SMALL_VALUE} bytes): a flat array {@code field0, value0, field1, value1, ...} in insertion
 *   order, searched linearly. It costs two references per field instead of a dict slot, and it replies in
 *   insertion order, as Redis does for small hashes;</li>
 *   <li>large: a {@link Dict} of {@link StringEntry}{@code (field, value)} entries.</li>
 * </ul>
 * A hash converts to the large encoding once it outgrows the small one and never goes back, as in Redis.
 *
 * <p>Fields are addressed by a handle: an index in the small encoding, a dict slot in the large one. A
 * handle is valid until the next change to the hash. Iterate with {@code for (h = 0; h < handleLimit(); h++)
 * if (has(h)) ...}.
 */
public final class HashValue extends KeyedValue implements Scannable, Members {
    /** Redis's hash-max-listpack-entries default. */
    public static final int MAX_SMALL_ENTRIES = 128;
    /** Redis's hash-max-listpack-value default. */
    public static final int MAX_SMALL_VALUE = 64;
    private static final long FIXED_BYTES = 40;

    /** Field/value pairs of the small encoding, or null once large. */
    private byte[][] small = new byte[4][];
    private int smallCount;
    private Dict large;
    /** Heap bytes of the stored arrays (fields, values, or packed entries). */
    private long dataBytes;

    public HashValue(byte[] key) {
        super(key);
    }

    @Override
    public String typeName() {
        return "hash";
    }

    @Override
    public long memoryUsage() {
        long structure = large != null ? large.overheadBytes() : 16 + 4L * small.length;
        return FIXED_BYTES + ListValue.arrayBytes(key().length) + structure + dataBytes;
    }

    @Override
    public KeyedValue copy(byte[] newKey) {
        HashValue copy = new HashValue(newKey);
        for (int h = 0; h < handleLimit(); h++) {
            if (has(h)) {
                copy.put(fieldArray(h), fieldOffset(h), fieldLength(h), valueArray(h), valueOffset(h), valueLength(h));
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
        for (int i = 0; i < smallCount; i++) {
            byte[] field = small[2 * i];
            if (field.length == len && Arrays.equals(field, 0, len, f, off, off + len)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Sets a field, copying field and value; true if the field is new. Converts to the large encoding when
     * the field or value is too long for the small one or the hash outgrows it.
     */
    public boolean put(byte[] f, int foff, int flen, byte[] v, int voff, int vlen) {
        if (large == null && (flen > MAX_SMALL_VALUE || vlen > MAX_SMALL_VALUE)) {
            convertToLarge();
        }
        if (large != null) {
            long hash = large.hash(f, foff, flen);
            int h = large.find(f, foff, flen, hash);
            if (h >= 0) {
                byte[] old = (byte[]) large.get(h);
                if (StringEntry.valueLength(old) == vlen) {
                    // Same length: overwrite in place, so a steady stream of updates allocates nothing.
                    System.arraycopy(v, voff, old, StringEntry.valueOffset(old), vlen);
                    return false;
                }
                byte[] e = StringEntry.withValue(old, v, voff, vlen);
                dataBytes += ListValue.arrayBytes(e.length) - ListValue.arrayBytes(old.length);
                large.set(h, e);
                return false;
            }
            byte[] e = StringEntry.create(f, foff, flen, v, voff, vlen);
            dataBytes += ListValue.arrayBytes(e.length);
            large.add(e, hash);
            return true;
        }
        int h = find(f, foff, flen);
        if (h >= 0 && small[2 * h + 1].length == vlen) {
            System.arraycopy(v, voff, small[2 * h + 1], 0, vlen);
            return false;
        }
        byte[] value = Arrays.copyOfRange(v, voff, voff + vlen);
        if (h >= 0) {
            dataBytes += ListValue.arrayBytes(vlen) - ListValue.arrayBytes(small[2 * h + 1].length);
            small[2 * h + 1] = value;
            return false;
        }
        if (smallCount == MAX_SMALL_ENTRIES) {
            convertToLarge();
            return put(f, foff, flen, v, voff, vlen);
        }
        if (2 * smallCount + 2 > small.length) {
            small = Arrays.copyOf(small, small.length * 2);
        }
        small[2 * smallCount] = Arrays.copyOfRange(f, foff, foff + flen);
        small[2 * smallCount + 1] = value;
        smallCount++;
        dataBytes += ListValue.arrayBytes(flen) + ListValue.arrayBytes(vlen);
        return true;
    }

    /** Removes a field; true if it was there. */
    @Override
    public boolean remove(byte[] f, int off, int len) {
        int h = find(f, off, len);
        if (h < 0) {
            return false;
        }
        if (large != null) {
            dataBytes -= ListValue.arrayBytes(((byte[]) large.get(h)).length);
            large.remove(h);
            return true;
        }
        dataBytes -= ListValue.arrayBytes(small[2 * h].length) + ListValue.arrayBytes(small[2 * h + 1].length);
        System.arraycopy(small, 2 * h + 2, small, 2 * h, 2 * (smallCount - h - 1));
        smallCount--;
        small[2 * smallCount] = null;
        small[2 * smallCount + 1] = null;
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
        return large != null ? (byte[]) large.get(h) : small[2 * h];
    }

    public int fieldOffset(int h) {
        return large != null ? StringEntry.keyOffset((byte[]) large.get(h)) : 0;
    }

    public int fieldLength(int h) {
        return large != null ? StringEntry.keyLength((byte[]) large.get(h)) : small[2 * h].length;
    }

    public byte[] valueArray(int h) {
        return large != null ? (byte[]) large.get(h) : small[2 * h + 1];
    }

    public int valueOffset(int h) {
        return large != null ? StringEntry.valueOffset((byte[]) large.get(h)) : 0;
    }

    public int valueLength(int h) {
        return large != null ? StringEntry.valueLength((byte[]) large.get(h)) : small[2 * h + 1].length;
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

    private void convertToLarge() {
        Dict dict = new Dict();
        long bytes = 0;
        for (int i = 0; i < smallCount; i++) {
            byte[] f = small[2 * i];
            byte[] v = small[2 * i + 1];
            byte[] e = StringEntry.create(f, 0, f.length, v, 0, v.length);
            bytes += ListValue.arrayBytes(e.length);
            dict.add(e);
        }
        large = dict;
        small = null;
        smallCount = 0;
        dataBytes = bytes;
    }
}
