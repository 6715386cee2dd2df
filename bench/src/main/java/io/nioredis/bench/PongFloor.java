package io.nioredis.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The JVM's own floor for a network server: the least a {@code java.nio} process must load and keep to
 * answer {@code PING}, so that nioredis's start-up time and idle memory can be judged against what the JDK
 * costs anyway rather than against Redis alone. One selector thread accepts connections and answers every
 * {@code PING} (inline, or a RESP array of one bulk string) with {@code +PONG}; anything else closes the
 * connection. It has no parser, no command table and no store on purpose: {@link Footprint}'s floor rows run
 * it with the launcher's JVM flags, and the difference to the launcher's row is then nioredis's own cost.
 *
 * <p>{@code PongFloor [port] [bind-address]}, default 6379 on 127.0.0.1. {@code PongFloor --train} is the
 * training run for its class-data archive or AOT cache ({@code bench/footprint.sh} makes them): it serves on a
 * free port, PINGs itself once over a real socket and exits, so the archive holds what a real start loads.
 */
public final class PongFloor {
    private static final byte[] PONG = "+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INLINE = "PING\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ARRAY = "*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII);

    private PongFloor() {}

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--train")) {
            train();
            return;
        }
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 6379;
        String bind = args.length > 1 ? args[1] : "127.0.0.1";
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress(bind, port), 511);
        serve(listener);
    }

    private static void train() throws IOException {
        ServerSocketChannel listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread server = new Thread(() -> {
            try {
                serve(listener);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        server.setDaemon(true);
        server.start();
        try (Socket socket = new Socket("127.0.0.1", listener.socket().getLocalPort())) {
            socket.getOutputStream().write(ARRAY);
            byte[] reply = socket.getInputStream().readNBytes(PONG.length);
            if (!Arrays.equals(reply, PONG)) {
                throw new IOException("training PING got " + new String(reply, StandardCharsets.US_ASCII));
            }
        }
    }

    static void serve(ServerSocketChannel listener) throws IOException {
        Selector selector = Selector.open();
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
        ByteBuffer in = ByteBuffer.allocateDirect(16 * 1024);
        ByteBuffer out = ByteBuffer.allocateDirect(16 * 1024);
        while (true) {
            selector.select();
            for (SelectionKey key : selector.selectedKeys()) {
                if (key.isAcceptable()) {
                    SocketChannel client = listener.accept();
                    if (client != null) {
                        client.configureBlocking(false);
                        client.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(64));
                    }
                } else if (key.isReadable()) {
                    answer(key, in, out);
                }
            }
            selector.selectedKeys().clear();
        }
    }

    /** Reads what arrived, answers each complete PING, keeps a partial one for the next read. */
    private static void answer(SelectionKey key, ByteBuffer in, ByteBuffer out) throws IOException {
        SocketChannel client = (SocketChannel) key.channel();
        ByteBuffer pending = (ByteBuffer) key.attachment();
        in.clear();
        int n;
        try {
            n = client.read(in);
        } catch (IOException reset) {
            n = -1;
        }
        if (n < 0) {
            key.cancel();
            client.close();
            return;
        }
        in.flip();
        out.clear();
        while (in.hasRemaining()) {
            pending.put(in.get());
            int verdict = match(pending);
            if (verdict < 0) { // the PINGs before it still get their PONGs
                flush(client, out);
                key.cancel();
                client.close();
                return;
            }
            if (verdict > 0) {
                pending.clear();
                if (out.remaining() < PONG.length) {
                    flush(client, out);
                }
                out.put(PONG);
            }
        }
        flush(client, out);
    }

    /** 1 when pending holds a whole PING, 0 when it is the start of one, -1 when it cannot become one. */
    private static int match(ByteBuffer pending) {
        int len = pending.position();
        byte[] form = pending.get(0) == '*' ? ARRAY : INLINE;
        if (len > form.length) {
            return -1;
        }
        for (int i = 0; i < len; i++) {
            if (Character.toUpperCase(pending.get(i)) != form[i]) {
                return -1;
            }
        }
        return len == form.length ? 1 : 0;
    }

    /** Writes all of out; a blocking spin is fine for a floor that only ever writes a few bytes. */
    private static void flush(SocketChannel client, ByteBuffer out) throws IOException {
        out.flip();
        while (out.hasRemaining()) {
            client.write(out);
        }
        out.clear();
    }
}
