package io.nioredis.replication;

/**
 * The replica's socket to its master, as {@link ReplicaLink} sees it; the server's event loop provides it and
 * reports back what happens on it ({@link ReplicaLink#connected}, {@link ReplicaLink#received},
 * {@link ReplicaLink#linkLost}). Nothing here blocks.
 */
public interface MasterTransport {
    /**
     * Starts a non-blocking connection to the master; returns the reason it failed at once, or null when the
     * connection is under way.
     */
    String connect(String host, int port);

    /** Queues bytes to the master. */
    void send(byte[] bytes);

    /** The database the master's client has selected, which a cached master keeps; 0 without one. */
    int selectedDb();

    /** Drops the connection, whatever its stage, without reporting it back. */
    void close();
}
