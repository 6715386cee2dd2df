package io.nioredis.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * The event loop's two direct buffers for socket I/O. A heap buffer handed to {@code SocketChannel.read}
 * or {@code write} makes the JDK borrow a temporary direct buffer from its per-thread cache, copy through it
 * and give it back, on every call; the parser and the reply writer work on arrays, so one copy between a
 * direct buffer and an array is needed anyway, and doing it here with buffers the loop owns leaves out the
 * cache's search and bookkeeping per request.
 *
 * <p>Replies larger than the write buffer go out in turns of its size until the socket is full. The JDK
 * copies everything left into its temporary buffer on every call, however little the socket then takes
 * (megabytes copied again and again for a slow reader of a large backlog), and keeps a temporary buffer
 * of the largest size it ever needed for the life of the thread.
 */
final class DirectSocketBuffers {
    private final ByteBuffer in;
    private final ByteBuffer out;

    DirectSocketBuffers(int readCapacity, int writeCapacity) {
        in = ByteBuffer.allocateDirect(readCapacity);
        out = ByteBuffer.allocateDirect(writeCapacity);
    }

    /**
     * Reads what the socket has, up to {@code most} bytes and the room left in {@code into} (a heap buffer in
     * write mode), and appends it there; returns the byte count as {@code SocketChannel.read} does (-1 at end
     * of stream).
     */
    int read(SocketChannel channel, ByteBuffer into, int most) throws IOException {
        in.clear();
        int room = Math.min(into.remaining(), most);
        if (room < in.capacity()) {
            in.limit(room);
        }
        int n = channel.read(in);
        if (n > 0) {
            in.flip();
            into.put(in);
        }
        return n;
    }

    /**
     * Writes {@code bytes} (read mode) as far as the socket takes them, advancing its position past what was
     * sent; returns the byte count. More than fits in one direct buffer goes out in turns, until the socket
     * is full.
     */
    int write(SocketChannel channel, ByteBuffer bytes) throws IOException {
        int total = 0;
        while (bytes.hasRemaining()) {
            int start = bytes.position();
            int chunk = Math.min(bytes.remaining(), out.capacity());
            out.clear();
            out.put(bytes.array(), bytes.arrayOffset() + start, chunk);
            out.flip();
            int n = channel.write(out);
            bytes.position(start + n);
            total += n;
            if (n < chunk) {
                break; // the socket is full
            }
        }
        return total;
    }
}
