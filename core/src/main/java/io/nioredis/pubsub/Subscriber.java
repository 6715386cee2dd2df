package io.nioredis.pubsub;

/** A connection as pub/sub sees it: what it listens to, the protocol it speaks, and where frames go. */
public interface Subscriber {
    Subscriptions subscriptions();

    /** 2 or 3: a message is encoded once per protocol in use. */
    int protocol();

    /** Queues a complete frame to the connection's socket. */
    void push(byte[] frame);
}
