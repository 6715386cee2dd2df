package io.nioredis.server;

import io.nioredis.client.ClientLink;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;

/** A client's view of its socket for CLIENT LIST/KILL and pub/sub, backed by the event loop. */
final class ConnectionLink implements ClientLink {
    private final Connection conn;
    private final EventLoop loop;
    private final String address;
    private final String localAddress;

    ConnectionLink(Connection conn, EventLoop loop, String address, String localAddress) {
        this.conn = conn;
        this.loop = loop;
        this.address = address;
        this.localAddress = localAddress;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public String localAddress() {
        return localAddress;
    }

    @Override
    public int fd() {
        return conn.fd;
    }

    @Override
    public void coalesceWrites() {
        try {
            conn.channel.setOption(StandardSocketOptions.TCP_NODELAY, false);
        } catch (IOException e) {
            // not critical, as in Redis: the link works either way
        }
    }

    @Override
    public long queryBufferBytes() {
        return loop.queryBufferBytes(conn);
    }

    @Override
    public long queryBufferFree() {
        return loop.queryBufferFree(conn);
    }

    @Override
    public long replyBufferBytes() {
        return loop.replyBufferBytes(conn);
    }

    @Override
    public long outputBufferBytes() {
        return (conn.pending == null ? 0 : conn.pending.remaining()) + (conn.outbox == null ? 0 : conn.outbox.position());
    }

    @Override
    public String events() {
        if (conn.closed || !conn.key.isValid()) {
            return "";
        }
        int ops = conn.key.interestOps();
        return ((ops & SelectionKey.OP_READ) != 0 ? "r" : "") + ((ops & SelectionKey.OP_WRITE) != 0 ? "w" : "");
    }

    @Override
    public void push(byte[] frame) {
        loop.push(conn, frame);
    }

    @Override
    public void push(byte[] b, int off, int len) {
        loop.push(conn, b, off, len);
    }

    @Override
    public void unblocked() {
        loop.reprocessSoon(conn);
    }

    @Override
    public void kill() {
        loop.closeAsap(conn);
    }
}
