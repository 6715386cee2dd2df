package io.nioredis.client;

/**
 * What the server module knows of a client's connection, for CLIENT LIST/KILL and for pub/sub delivery;
 * core itself knows nothing of sockets. A client that is not attached to a socket (tests, the command
 * harness) uses {@link #DETACHED}.
 */
public interface ClientLink {
    /** Remote address as {@code ip:port}. */
    String address();

    /** Local address as {@code ip:port}. */
    String localAddress();

    int fd();

    /** Bytes of a request received in part, held between reads. */
    long queryBufferBytes();

    /** Bytes of replies queued because the socket would not take them yet (CLIENT LIST's omem). */
    long outputBufferBytes();

    /** Free room in the buffer requests are read into (qbuf-free). */
    default long queryBufferFree() {
        return 0;
    }

    /** Bytes of replies written for this client and not yet handed to the socket (obl). */
    default long replyBufferBytes() {
        return 0;
    }

    /** Blocks of queued unsent replies (oll). */
    default long outputBlocks() {
        return outputBufferBytes() > 0 ? 1 : 0;
    }

    /** {@code r}, {@code rw} or {@code w}: the events the connection waits for, as CLIENT LIST shows them. */
    String events();

    /**
     * Queues bytes that did not come from this client's own request, e.g. a pub/sub message, and sends
     * them as soon as the socket takes them. The same array may be queued to many clients.
     */
    void push(byte[] frame);

    /**
     * As {@link #push(byte[])} for {@code len} bytes of {@code b}, which the caller reuses as soon as this
     * returns: what cannot be sent at once is copied.
     */
    default void push(byte[] b, int off, int len) {
        push(java.util.Arrays.copyOfRange(b, off, off + len));
    }

    /**
     * Lets the kernel coalesce small writes on this socket (Nagle's algorithm, TCP_NODELAY off): for a
     * replica's link when repl-disable-tcp-nodelay asks. Nothing for a link without a socket.
     */
    default void coalesceWrites() {
    }

    /** Closes the connection (CLIENT KILL); the current client is closed after its reply is sent. */
    void kill();

    /**
     * The client's blocking call ended: requests that arrived while it was blocked are to be run soon, as
     * Redis's queueClientForReprocessing. Nothing for a detached client.
     */
    default void unblocked() {
    }

    ClientLink DETACHED = new ClientLink() {
        @Override
        public String address() {
            return "";
        }

        @Override
        public String localAddress() {
            return "";
        }

        @Override
        public int fd() {
            return -1;
        }

        @Override
        public long queryBufferBytes() {
            return 0;
        }

        @Override
        public long outputBufferBytes() {
            return 0;
        }

        @Override
        public String events() {
            return "r";
        }

        @Override
        public void push(byte[] frame) {
        }

        @Override
        public void kill() {
        }
    };
}
