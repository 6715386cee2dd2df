package io.nioredis.blocking;

import io.nioredis.store.Keyspace;
import io.nioredis.text.BytesKey;

/**
 * The clients blocked on one key of one database, first come first served (Redis's
 * {@code db->blocking_keys[key]} list). Nodes link themselves in and out, so adding, removing any one and
 * serving the first cost O(1) whatever the queue's length. {@link #ready} marks a queue already listed
 * among the ready keys, as Redis's {@code db->ready_keys}; {@link #departureWatchers} counts the waiters
 * that must hear when the key is deleted or replaced (XREADGROUP), so that a deletion nobody watches
 * costs nothing.
 */
final class WaitQueue {
    final Keyspace db;
    final BytesKey key;
    WaitNode head;
    WaitNode tail;
    int size;
    int departureWatchers;
    boolean ready;

    WaitQueue(Keyspace db, BytesKey key) {
        this.db = db;
        this.key = key;
    }

    WaitNode append(Waiter waiter, int keyIndex) {
        WaitNode node = new WaitNode(waiter, this, keyIndex);
        node.prev = tail;
        if (tail == null) {
            head = node;
        } else {
            tail.next = node;
        }
        tail = node;
        size++;
        return node;
    }

    void remove(WaitNode node) {
        if (node.prev == null) {
            head = node.next;
        } else {
            node.prev.next = node.next;
        }
        if (node.next == null) {
            tail = node.prev;
        } else {
            node.next.prev = node.prev;
        }
        node.prev = null;
        node.next = null;
        size--;
    }

    boolean isEmpty() {
        return size == 0;
    }
}
