package io.nioredis.blocking;

/**
 * One waiter's place in one key's queue: a link of an intrusive doubly linked list. {@link #keyIndex} is
 * the key's position among the keys the waiter blocked on (its first occurrence), so a waiter that keeps
 * something per key (XREAD's ids) finds it without searching.
 */
final class WaitNode {
    final Waiter waiter;
    final WaitQueue queue;
    final int keyIndex;
    WaitNode prev;
    WaitNode next;

    WaitNode(Waiter waiter, WaitQueue queue, int keyIndex) {
        this.waiter = waiter;
        this.queue = queue;
        this.keyIndex = keyIndex;
    }
}
