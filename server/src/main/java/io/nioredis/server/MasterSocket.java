package io.nioredis.server;

import io.nioredis.replication.MasterTransport;
import io.nioredis.replication.ReplicaLink;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;

/**
 * A replica's socket to its master, on the event loop's selector: a non-blocking connect, then the handshake
 * and the snapshot read here and handed to the {@link ReplicaLink}, and once the link streams, the socket
 * becomes an ordinary {@link Connection} whose client is the master's (see {@link EventLoop#adoptMaster}).
 * At most one exists at a time.
 */
final class MasterSocket implements MasterTransport {
    private static final int READ_BUFFER = 64 * 1024;

    private final EventLoop loop;
    private final Selector selector;
    private final ReplicaLink link;
    private SocketChannel channel;
    private SelectionKey key;
    /** Set when connect() finished at once: the first writable event reports it. */
    private boolean connectPending;
    /** Made at the first connection: a server that never follows a master does not hold it. */
    private ByteBuffer input;
    /** Handshake bytes the socket would not take yet, in read mode. */
    private ByteBuffer unsent;
    /** The master's client connection, once the link streams. */
    private Connection master;

    MasterSocket(EventLoop loop, Selector selector, ReplicaLink link) {
        this.loop = loop;
        this.selector = selector;
        this.link = link;
    }

    @Override
    public String connect(String host, int port) {
        close();
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean done = channel.connect(new InetSocketAddress(host, port));
            key = channel.register(selector, done ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, this);
            connectPending = done;
            if (input == null) {
                input = ByteBuffer.allocate(READ_BUFFER);
            }
            input.clear();
            return null;
        } catch (IOException | RuntimeException e) {
            closeChannel();
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    @Override
    public void send(byte[] bytes) {
        if (master != null) {
            loop.pushToMaster(master, bytes);
            return;
        }
        if (channel == null) {
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            if (unsent == null) {
                channel.write(b);
            }
        } catch (IOException e) {
            lost(e.getMessage());
            return;
        }
        if (b.hasRemaining()) {
            ByteBuffer more = ByteBuffer.allocate((unsent == null ? 0 : unsent.remaining()) + b.remaining());
            if (unsent != null) {
                more.put(unsent);
            }
            more.put(b).flip();
            unsent = more;
            key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        }
    }

    @Override
    public int selectedDb() {
        return master == null ? 0 : master.client.db();
    }

    @Override
    public void close() {
        if (master != null) {
            Connection c = master;
            master = null;
            loop.closeMaster(c);
            channel = null;
            key = null;
            return;
        }
        closeChannel();
    }

    private void closeChannel() {
        if (key != null) {
            key.cancel();
            key = null;
        }
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do with it
            }
            channel = null;
        }
        unsent = null;
        connectPending = false;
    }

    /** The master's connection closed by itself (not through {@link #close}): the link hears of it. */
    void masterClosed(Connection conn, int db) {
        if (conn == master) {
            master = null;
            channel = null;
            key = null;
            link.linkLost("Connection closed", db);
        }
    }

    /** An event on the socket while it is not yet the master's client connection. */
    void onReady(SelectionKey k) {
        if (k != key || !k.isValid()) {
            return;
        }
        try {
            if (k.isConnectable()) {
                channel.finishConnect();
                k.interestOps(SelectionKey.OP_READ);
                link.connected();
                return;
            }
            if (k.isWritable()) {
                if (connectPending) {
                    connectPending = false;
                    k.interestOps(SelectionKey.OP_READ);
                    link.connected();
                    return;
                }
                if (unsent != null) {
                    channel.write(unsent);
                    if (!unsent.hasRemaining()) {
                        unsent = null;
                        k.interestOps(SelectionKey.OP_READ);
                    }
                }
            }
            if (k.isValid() && k.isReadable()) {
                read();
            }
        } catch (IOException e) {
            lost(e.getMessage());
        }
    }

    private void read() throws IOException {
        int n = channel.read(input);
        if (n < 0) {
            lost("Connection closed");
            return;
        }
        if (n == 0) {
            return;
        }
        loop.countInput(n);
        input.flip();
        link.received(input);
        if (channel == null) {
            return; // the link gave up on this connection
        }
        if (link.streaming()) {
            SocketChannel c = channel;
            SelectionKey k = key;
            ByteBuffer rest = ByteBuffer.allocate(Math.max(input.remaining(), 1024));
            rest.put(input);
            input.clear();
            unsent = null;
            master = loop.adoptMaster(c, k, rest, link.masterDb());
            return;
        }
        input.compact();
    }

    private void lost(String reason) {
        closeChannel();
        link.linkLost(reason, 0);
    }

    static boolean isMasterSocket(Object attachment) {
        return attachment instanceof MasterSocket;
    }
}
