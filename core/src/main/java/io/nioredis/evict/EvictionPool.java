package io.nioredis.evict;

import java.util.Arrays;

/**
 * Redis's eviction pool ({@code evict.c}): the best eviction candidates seen so far across samples and
 * databases, sorted by score, lowest first. Sampling a few keys per round and keeping the best sixteen
 * across rounds approximates true LRU/LFU closely at a fraction of its cost. Candidates are kept by key,
 * not slot, because a slot may hold another key by the time the candidate is taken.
 */
final class EvictionPool {
    static final int SIZE = 16;

    private final long[] scores = new long[SIZE];
    private final byte[][] keys = new byte[SIZE][];
    private final int[] dbs = new int[SIZE];
    private int size;

    int size() {
        return size;
    }

    /** Whether {@link #offer} could keep a candidate of this score; saves copying keys that would not be. */
    boolean mayAccept(long score) {
        return size < SIZE || score > scores[0];
    }

    /** Offers a candidate; it is kept if the pool has room or it beats the worst one held. */
    void offer(long score, byte[] key, int db) {
        for (int i = 0; i < size; i++) {
            if (dbs[i] == db && Arrays.equals(keys[i], key)) {
                if (scores[i] == score) {
                    return;
                }
                remove(i); // re-insert at its new place
                break;
            }
        }
        int k = 0;
        while (k < size && scores[k] < score) {
            k++;
        }
        if (size == SIZE) {
            if (k == 0) {
                return; // worse than everything in a full pool
            }
            // Drop the worst (first) to make room below k.
            k--;
            System.arraycopy(scores, 1, scores, 0, k);
            System.arraycopy(keys, 1, keys, 0, k);
            System.arraycopy(dbs, 1, dbs, 0, k);
        } else {
            System.arraycopy(scores, k, scores, k + 1, size - k);
            System.arraycopy(keys, k, keys, k + 1, size - k);
            System.arraycopy(dbs, k, dbs, k + 1, size - k);
            size++;
        }
        scores[k] = score;
        keys[k] = key;
        dbs[k] = db;
    }

    /** The key of the best candidate (highest score), which then leaves the pool; see {@link #lastDb}. */
    byte[] takeBest() {
        size--;
        byte[] key = keys[size];
        lastDb = dbs[size];
        keys[size] = null;
        return key;
    }

    /** The database of the key {@link #takeBest} returned last. */
    int lastDb;

    void clear() {
        Arrays.fill(keys, null);
        size = 0;
    }

    private void remove(int i) {
        System.arraycopy(scores, i + 1, scores, i, size - i - 1);
        System.arraycopy(keys, i + 1, keys, i, size - i - 1);
        System.arraycopy(dbs, i + 1, dbs, i, size - i - 1);
        size--;
        keys[size] = null;
    }
}
