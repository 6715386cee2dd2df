package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectSocketBuffersTest {
    private ServerSocketChannel listener;
    private SocketChannel client;
    private SocketChannel server;

    @BeforeEach
    void connect() throws IOException {
        listener = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        client = SocketChannel.open(listener.getLocalAddress());
        server = listener.accept();
        server.configureBlocking(false);
    }

    @AfterEach
    void close() throws IOException {
        client.close();
        server.close();
        listener.close();
    }

    @Test
    void readAppendsBehindWhatTheBufferHoldsAndNoMoreThanItsRoom() throws IOException {
        DirectSocketBuffers io = new DirectSocketBuffers(64, 64);
        client.write(ByteBuffer.wrap("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer into = ByteBuffer.allocate(10);
        into.put((byte) '>');

        int first = readSome(io, into);
        assertThat(first).isEqualTo(9);
        assertThat(into.hasRemaining()).isFalse();
        assertThat(text(into)).isEqualTo(">*1\r\n$4\r\nP");

        ByteBuffer rest = ByteBuffer.allocate(100);
        assertThat(readSome(io, rest)).isEqualTo(5);
        assertThat(text(rest)).isEqualTo("ING\r\n");
    }

    @Test
    void readTakesNoMoreThanItsOwnBufferHoldsAndLeavesTheRestInTheSocket() throws IOException {
        DirectSocketBuffers io = new DirectSocketBuffers(4, 64);
        client.write(ByteBuffer.wrap("+PONG\r\n".getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer into = ByteBuffer.allocate(100);

        assertThat(readSome(io, into)).isEqualTo(4);
        assertThat(readSome(io, into)).isEqualTo(3);
        assertThat(text(into)).isEqualTo("+PONG\r\n");
    }

    @Test
    void readTakesNoMoreThanItIsAskedForAndLeavesTheRestInTheSocket() throws IOException {
        DirectSocketBuffers io = new DirectSocketBuffers(64, 64);
        client.write(ByteBuffer.wrap("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer into = ByteBuffer.allocate(100);

        assertThat(readSome(io, into, 6)).isEqualTo(6);
        assertThat(text(into)).isEqualTo("*1\r\n$4");
        assertThat(readSome(io, into, 64)).isEqualTo(8);
        assertThat(text(into)).isEqualTo("*1\r\n$4\r\nPING\r\n");
    }

    @Test
    void readReportsTheEndOfTheStreamAndNothingPending() throws IOException {
        DirectSocketBuffers io = new DirectSocketBuffers(64, 64);
        ByteBuffer into = ByteBuffer.allocate(16);
        assertThat(io.read(server, into, Integer.MAX_VALUE)).isZero();
        client.close();
        int n;
        do {
            n = io.read(server, into, Integer.MAX_VALUE);
        } while (n == 0);
        assertThat(n).isEqualTo(-1);
        assertThat(into.position()).isZero();
    }

    @Test
    void writeSendsMoreThanOneBufferInTurnsFromWhereTheBytesStart() throws IOException {
        DirectSocketBuffers io = new DirectSocketBuffers(64, 8);
        byte[] array = "xx+a reply longer than eight bytes\r\n".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer bytes = ByteBuffer.wrap(array, 2, array.length - 2).slice(); // an array offset too

        assertThat(io.write(server, bytes)).isEqualTo(array.length - 2);
        assertThat(bytes.hasRemaining()).isFalse();

        ByteBuffer got = ByteBuffer.allocate(100);
        while (got.position() < array.length - 2) {
            client.read(got);
        }
        assertThat(text(got)).isEqualTo("+a reply longer than eight bytes\r\n");
    }

    @Test
    void writeStopsWhenTheSocketIsFullAndLeavesTheRestUnsent() throws IOException {
        DirectSocketBuffers io = new DirectSocketBuffers(64, 64 * 1024);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024 * 1024);
        long sent = io.write(server, bytes);

        assertThat(sent).isPositive().isLessThan(bytes.capacity());
        assertThat(bytes.position()).isEqualTo((int) sent);
        // Nobody reads, but the kernel may still grow the connection's buffers (TCP autotuning) and take a
        // little more at the next writes; once they stop growing, a write sends nothing.
        long more = 0;
        for (int tries = 0; tries < 1000; tries++) {
            more = io.write(server, bytes);
            if (more == 0) {
                break;
            }
            sent += more;
        }
        assertThat(more).isZero();
        assertThat(sent).isLessThan(bytes.capacity());
        assertThat(bytes.position()).isEqualTo((int) sent);
    }

    private int readSome(DirectSocketBuffers io, ByteBuffer into) throws IOException {
        return readSome(io, into, Integer.MAX_VALUE);
    }

    private int readSome(DirectSocketBuffers io, ByteBuffer into, int most) throws IOException {
        int n;
        do {
            n = io.read(server, into, most);
        } while (n == 0);
        return n;
    }

    private static String text(ByteBuffer written) {
        return new String(written.array(), 0, written.position(), StandardCharsets.US_ASCII);
    }
}
