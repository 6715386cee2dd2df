package io.nioredis.replication;

/** The connection of a replica as replication sees it: bytes out, its address, and a way to drop it. */
public interface ReplicaChannel {
    /** Queues bytes to the replica; the caller may reuse {@code b} once this returns. */
    void send(byte[] b, int off, int len);

    /** The replica's IP address as the master sees the connection. */
    String ip();

    void close();

    /** Bytes queued to the replica that its socket has not taken yet. */
    long unsent();
}
