package io.nioredis.blocking;

/** One waiter's place in one key's queue: a link of an intrusive doubly linked list. */
final class WaitNode {
    final Waiter waiter;
    final WaitQueue queue;
    WaitNode prev;
    WaitNode next;

    WaitNode(Waiter waiter, WaitQueue queue) {
        this.waiter = waiter;
        this.queue = queue;
    }
}
