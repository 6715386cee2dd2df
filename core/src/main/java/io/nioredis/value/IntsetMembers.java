package io.nioredis.value;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Redis's intset: distinct integers sorted ascending in one byte array, every element 2, 4 or 8 bytes wide
 * (little endian, as the RDB blob). The width only grows: a value that does not fit upgrades every element,
 * and removing it later does not narrow them again, as in Redis (whose DUMP shows that width).
 * The array has spare capacity so that adding is amortized O(1) allocation; a search is a binary search.
 */
public final class IntsetMembers {
    private static final VarHandle SHORTS = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Bytes of the RDB blob's header: the width then the count, 32 bits each. */
    private static final int BLOB_HEADER = 8;

    private byte[] data;
    private int width;
    private int count;

    public IntsetMembers() {
        this(2, 4);
    }

    /** An empty intset whose elements are at least {@code width} bytes wide (2, 4 or 8). */
    public IntsetMembers(int width, int capacity) {
        this.width = width;
        this.data = new byte[width * Math.max(capacity, 1)];
    }

    /** The smallest width (2, 4 or 8) that holds the value, as _intsetValueEncoding. */
    public static int widthOf(long v) {
        if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            return 2;
        }
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? 4 : 8;
    }

    public int size() {
        return count;
    }

    /** Bytes per element: 2, 4 or 8. */
    public int width() {
        return width;
    }

    /** The element at index {@code i} (0 is the smallest). */
    public long get(int i) {
        int p = i * width;
        switch (width) {
            case 2:
                return (short) SHORTS.get(data, p);
            case 4:
                return (int) INTS.get(data, p);
            default:
                return (long) LONGS.get(data, p);
        }
    }

    private void put(int i, long v) {
        int p = i * width;
        switch (width) {
            case 2:
                SHORTS.set(data, p, (short) v);
                break;
            case 4:
                INTS.set(data, p, (int) v);
                break;
            default:
                LONGS.set(data, p, v);
        }
    }

    /** The index of the value, or {@code -(insertion point) - 1} when absent. */
    public int indexOf(long v) {
        if (widthOf(v) > width) {
            return v < 0 ? -1 : -count - 1; // beyond every element, as intsetSearch's range check
        }
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long m = get(mid);
            if (m < v) {
                lo = mid + 1;
            } else if (m > v) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -lo - 1;
    }

    public boolean contains(long v) {
        return indexOf(v) >= 0;
    }

    /** Adds the value if absent, widening every element first when it needs more bytes; true if added. */
    public boolean add(long v) {
        int needed = widthOf(v);
        if (needed > width) {
            upgrade(needed);
        }
        int at = indexOf(v);
        if (at >= 0) {
            return false;
        }
        at = -at - 1;
        if ((count + 1) * width > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, (count + 1) * width));
        }
        System.arraycopy(data, at * width, data, (at + 1) * width, (count - at) * width);
        count++;
        put(at, v);
        return true;
    }

    private void upgrade(int newWidth) {
        IntsetMembers wider = new IntsetMembers(newWidth, count + 1);
        for (int i = 0; i < count; i++) {
            wider.put(i, get(i));
        }
        data = wider.data;
        width = newWidth;
    }

    /** Removes the value if present; true if it was there. */
    public boolean remove(long v) {
        int at = indexOf(v);
        if (at < 0) {
            return false;
        }
        removeAt(at);
        return true;
    }

    public void removeAt(int i) {
        System.arraycopy(data, (i + 1) * width, data, i * width, (count - i - 1) * width);
        count--;
    }

    /** Java heap bytes of the element array. */
    public long arrayBytes() {
        return ListValue.arrayBytes(data.length);
    }

    /** A copy with the same width and elements, for COPY. */
    public IntsetMembers copy() {
        IntsetMembers copy = new IntsetMembers(width, count);
        System.arraycopy(data, 0, copy.data, 0, count * width);
        copy.count = count;
        return copy;
    }

    /** Redis's intset blob as RDB_TYPE_SET_INTSET carries it: width, count, then the elements. */
    public byte[] blob() {
        byte[] blob = new byte[BLOB_HEADER + count * width];
        INTS.set(blob, 0, width);
        INTS.set(blob, 4, count);
        System.arraycopy(data, 0, blob, BLOB_HEADER, count * width);
        return blob;
    }
}
