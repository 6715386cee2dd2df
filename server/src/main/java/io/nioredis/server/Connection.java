package io.nioredis.server;

import io.nioredis.client.Client;
import io.nioredis.resp.RespParser;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One client socket and what must survive between reads: the parser's progress, and two buffers that
 * exist only while needed. {@code input} holds a request that arrived in part (the event loop parses
 * complete requests straight out of its shared read buffer); {@code pending} holds replies the socket
 * would not take yet. An idle connection holds neither.
 */
final class Connection {
    final SocketChannel channel;
    final SelectionKey key;
    final Client client;
    final RespParser parser = new RespParser();
    /** Partial request, in write mode (position = end of data), or null. */
    ByteBuffer input;
    /** Unsent replies, in read mode (position..limit unsent), or null. */
    ByteBuffer pending;
    /**
     * A replica's stream bytes queued during this loop turn, in write mode, or null: they go out in one write
     * at the end of the turn (as Redis writes replicas' buffers before it sleeps), not one write per command.
     */
    ByteBuffer outbox;
    /** In the event loop's list of connections whose outbox is written at the end of the turn. */
    boolean outboxQueued;
    /** Set once the connection is to close after its pending replies are sent. */
    boolean closing;
    boolean closed;
    /** Scheduled to close at the end of the loop turn (CLIENT KILL, output buffer limit). */
    boolean closeAsap;
    /** When unsent output first went over the soft limit, or 0 (Redis's obuf_soft_limit_reached_time). */
    long softLimitSince;
    /** The number CLIENT LIST shows as fd: the lowest free one, as the kernel hands out descriptors. */
    int fd;
    /** Waiting in the event loop's list of clients held by CLIENT PAUSE. */
    boolean held;
    /** Its buffered requests ran out of their turn's time; the loop runs the rest before reading more. */
    boolean deferred;
    /** Clock time of the last read or write, for the idle {@code timeout}. */
    long lastInteraction;
    /** When the loop last served this connection's events, in services counted by the loop (0: never). */
    long lastServed;

    Connection(SocketChannel channel, SelectionKey key, Client client) {
        this.channel = channel;
        this.key = key;
        this.client = client;
    }
}
