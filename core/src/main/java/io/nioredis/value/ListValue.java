package io.nioredis.value;

import io.nioredis.store.KeyedValue;

import java.util.Arrays;

/**
 * A Redis list: a ring buffer of element byte arrays. Both ends push and pop in O(1), an index is one
 * array read, and LRANGE walks at most two contiguous runs of the buffer, which is what the list commands
 * (and redis-benchmark's LPUSH/RPUSH/LPOP/RPOP/LRANGE tests) spend their time on. Inserting or removing in
 * the middle moves the shorter side, O(n) as in Redis.
 *
 * <p>The capacity is a power of two so that a position wraps with a mask. The buffer grows by doubling and
 * shrinks by half when it is less than a quarter full, so a list that was once long does not pin memory.
 * Elements are owned by the list: callers hand over fresh copies.
 */
public final class ListValue extends KeyedValue {
    private static final int MIN_CAPACITY = 4;
    /** Object header plus fields of this object, and of the buffer array. */
    private static final long FIXED_BYTES = 32 + 16;

    private byte[][] elements;
    private int head;
    private int size;
    /** Heap bytes of the element arrays, kept up to date so that {@link #memoryUsage} is O(1). */
    private long elementBytes;

    public ListValue(byte[] key) {
        super(key);
        elements = new byte[MIN_CAPACITY][];
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public long memoryUsage() {
        return FIXED_BYTES + arrayBytes(key().length) + 4L * elements.length + elementBytes;
    }

    @Override
    public KeyedValue copy(byte[] newKey) {
        ListValue copy = new ListValue(newKey);
        for (int i = 0; i < size(); i++) {
            copy.pushTail(get(i).clone());
        }
        return copy;
    }

    public int size() {
        return size;
    }

    /**
     * The position of Redis's list index {@code index} (negative counts from the end, -1 is the last), or
     * -1 if it is out of range, as LINDEX and LSET read it.
     */
    public int position(long index) {
        if (index < 0) {
            index += size;
        }
        return index < 0 || index >= size ? -1 : (int) index;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    /** The element at {@code index}, 0 being the head; the index must be in range. */
    public byte[] get(int index) {
        return elements[(head + index) & (elements.length - 1)];
    }

    public void set(int index, byte[] element) {
        int at = (head + index) & (elements.length - 1);
        elementBytes += arrayBytes(element.length) - arrayBytes(elements[at].length);
        elements[at] = element;
    }

    public void pushHead(byte[] element) {
        growIfFull();
        head = (head - 1) & (elements.length - 1);
        elements[head] = element;
        size++;
        elementBytes += arrayBytes(element.length);
    }

    public void pushTail(byte[] element) {
        growIfFull();
        elements[(head + size) & (elements.length - 1)] = element;
        size++;
        elementBytes += arrayBytes(element.length);
    }

    public void push(boolean atHead, byte[] element) {
        if (atHead) {
            pushHead(element);
        } else {
            pushTail(element);
        }
    }

    /** Removes and returns the head element; the list must not be empty. */
    public byte[] popHead() {
        byte[] e = elements[head];
        elements[head] = null;
        head = (head + 1) & (elements.length - 1);
        size--;
        elementBytes -= arrayBytes(e.length);
        shrinkIfSparse();
        return e;
    }

    /** Removes and returns the tail element; the list must not be empty. */
    public byte[] popTail() {
        int at = (head + size - 1) & (elements.length - 1);
        byte[] e = elements[at];
        elements[at] = null;
        size--;
        elementBytes -= arrayBytes(e.length);
        shrinkIfSparse();
        return e;
    }

    public byte[] pop(boolean atHead) {
        return atHead ? popHead() : popTail();
    }

    /** Inserts {@code element} so that it ends up at {@code index} (0..size), moving the shorter side. */
    public void insert(int index, byte[] element) {
        if (index == 0) {
            pushHead(element);
            return;
        }
        if (index == size) {
            pushTail(element);
            return;
        }
        growIfFull();
        int mask = elements.length - 1;
        if (index < size / 2) {
            head = (head - 1) & mask;
            for (int i = 0; i < index; i++) {
                elements[(head + i) & mask] = elements[(head + i + 1) & mask];
            }
        } else {
            for (int i = size; i > index; i--) {
                elements[(head + i) & mask] = elements[(head + i - 1) & mask];
            }
        }
        elements[(head + index) & mask] = element;
        size++;
        elementBytes += arrayBytes(element.length);
    }

    /** Removes the element at {@code index}, moving the shorter side. */
    public void remove(int index) {
        int mask = elements.length - 1;
        elementBytes -= arrayBytes(get(index).length);
        if (index < size / 2) {
            for (int i = index; i > 0; i--) {
                elements[(head + i) & mask] = elements[(head + i - 1) & mask];
            }
            elements[head] = null;
            head = (head + 1) & mask;
        } else {
            for (int i = index; i < size - 1; i++) {
                elements[(head + i) & mask] = elements[(head + i + 1) & mask];
            }
            elements[(head + size - 1) & mask] = null;
        }
        size--;
        shrinkIfSparse();
    }

    /**
     * Keeps only the elements whose index is not marked in {@code doomed} (an array of {@link #size}
     * flags), in one pass: LREM's bulk removal without moving the tail once per hit.
     */
    public void removeMarked(boolean[] doomed) {
        int mask = elements.length - 1;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            byte[] e = elements[(head + i) & mask];
            if (doomed[i]) {
                elementBytes -= arrayBytes(e.length);
            } else {
                elements[(head + kept) & mask] = e;
                kept++;
            }
        }
        for (int i = kept; i < size; i++) {
            elements[(head + i) & mask] = null;
        }
        size = kept;
        shrinkIfSparse();
    }

    /** Removes {@code fromHead} elements at the head and {@code fromTail} at the tail (LTRIM). */
    public void trim(int fromHead, int fromTail) {
        for (int i = 0; i < fromTail; i++) {
            popTailNoShrink();
        }
        for (int i = 0; i < fromHead; i++) {
            byte[] e = elements[head];
            elements[head] = null;
            head = (head + 1) & (elements.length - 1);
            size--;
            elementBytes -= arrayBytes(e.length);
        }
        shrinkIfSparse();
    }

    private void popTailNoShrink() {
        int at = (head + size - 1) & (elements.length - 1);
        elementBytes -= arrayBytes(elements[at].length);
        elements[at] = null;
        size--;
    }

    private void growIfFull() {
        if (size == elements.length) {
            resize(elements.length * 2);
        }
    }

    private void shrinkIfSparse() {
        int capacity = elements.length;
        if (capacity > MIN_CAPACITY && size < capacity / 4) {
            int target = capacity;
            while (target > MIN_CAPACITY && size < target / 4) {
                target /= 2;
            }
            resize(target);
        }
    }

    /** Copies the elements into a new buffer of {@code capacity}, unwrapped so the head is at 0. */
    private void resize(int capacity) {
        byte[][] fresh = new byte[capacity][];
        int firstRun = Math.min(size, elements.length - head);
        System.arraycopy(elements, head, fresh, 0, firstRun);
        System.arraycopy(elements, 0, fresh, firstRun, size - firstRun);
        elements = fresh;
        head = 0;
    }

    /** Heap bytes of a byte array of {@code length}: header plus data, aligned to 8. */
    static long arrayBytes(int length) {
        return (16L + length + 7) & ~7L;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            b.append(i == 0 ? "" : ", ").append(Arrays.toString(get(i)));
        }
        return b.append(']').toString();
    }
}
