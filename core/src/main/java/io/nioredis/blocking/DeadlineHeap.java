package io.nioredis.blocking;

import java.util.Arrays;

/**
 * The blocked clients that have a timeout, in a binary min-heap on (deadline, order of blocking): the event
 * loop looks only at the top to know how long it may sleep and whom to time out, never at every blocked
 * client (Redis keeps a radix tree of (timeout, client id) for the same purpose). Each waiter knows its
 * position, so leaving the heap when served costs O(log n).
 */
final class DeadlineHeap {
    private Waiter[] heap = new Waiter[16];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The waiter that times out first; only when not empty. */
    Waiter peek() {
        return heap[0];
    }

    void add(Waiter w) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        heap[size] = w;
        w.heapIndex = size;
        size++;
        up(size - 1);
    }

    void remove(Waiter w) {
        int i = w.heapIndex;
        if (i < 0) {
            return;
        }
        w.heapIndex = -1;
        size--;
        if (i == size) {
            heap[size] = null;
            return;
        }
        Waiter last = heap[size];
        heap[size] = null;
        heap[i] = last;
        last.heapIndex = i;
        if (!up(i)) {
            down(i);
        }
    }

    private boolean up(int i) {
        Waiter w = heap[i];
        int start = i;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            Waiter p = heap[parent];
            if (!before(w, p)) {
                break;
            }
            heap[i] = p;
            p.heapIndex = i;
            i = parent;
        }
        heap[i] = w;
        w.heapIndex = i;
        return i != start;
    }

    private void down(int i) {
        Waiter w = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            if (right < size && before(heap[right], heap[child])) {
                child = right;
            }
            if (!before(heap[child], w)) {
                break;
            }
            heap[i] = heap[child];
            heap[i].heapIndex = i;
            i = child;
        }
        heap[i] = w;
        w.heapIndex = i;
    }

    private static boolean before(Waiter a, Waiter b) {
        return a.deadline < b.deadline || (a.deadline == b.deadline && a.sequence < b.sequence);
    }
}
