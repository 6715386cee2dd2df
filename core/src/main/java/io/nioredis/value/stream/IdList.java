package io.nioredis.value.stream;

import java.util.Arrays;

/** A growable list of stream ids kept as long pairs, filled by group operations and reused by callers. */
public final class IdList {
    private long[] pairs = new long[16];
    private int size;

    public void clear() {
        size = 0;
    }

    public void add(long ms, long seq) {
        if (2 * size + 2 > pairs.length) pairs = Arrays.copyOf(pairs, pairs.length * 2);
        pairs[2 * size] = ms;
        pairs[2 * size + 1] = seq;
        size++;
    }

    public int size() {
        return size;
    }

    public long ms(int i) {
        return pairs[2 * i];
    }

    public long seq(int i) {
        return pairs[2 * i + 1];
    }

    public StreamId get(int i) {
        return new StreamId(ms(i), seq(i));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < size; i++) b.append(i == 0 ? "" : ", ").append(get(i));
        return b.append(']').toString();
    }
}
