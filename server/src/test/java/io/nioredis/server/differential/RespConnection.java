package io.nioredis.server.differential;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking client on a loopback socket that returns every reply with its exact bytes: RESP2, and after
 * HELLO 3 the RESP3 aggregates too (a map's pairs are read as twice as many elements).
 */
final class RespConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RespConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
    }

    Reply call(byte[][] args) throws IOException {
        send(args);
        return read();
    }

    Reply call(String... args) throws IOException {
        byte[][] bytes = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            bytes[i] = args[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return call(bytes);
    }

    /** Sends a command without waiting for its reply (a blocking command whose reply comes later). */
    void send(String... args) throws IOException {
        byte[][] bytes = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            bytes[i] = args[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        send(bytes);
    }

    /** True if reply bytes have arrived and not been read: a {@link #read} will not wait. */
    boolean replyArrived() throws IOException {
        return in.available() > 0;
    }

    private void send(byte[][] args) throws IOException {
        out.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            out.write(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(a);
            out.write('\r');
            out.write('\n');
        }
        out.flush();
    }

    /** Reads the next reply, waiting for it. */
    Reply read() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] line = readLine(raw);
        char type = (char) line[0];
        String rest = new String(line, 1, line.length - 1, StandardCharsets.ISO_8859_1);
        switch (type) {
            case '=':
            case '!':
            case '$': {
                int n = Integer.parseInt(rest);
                if (n < 0) {
                    return new Reply(raw.toByteArray(), type, null, null);
                }
                byte[] payload = in.readNBytes(n + 2);
                raw.writeBytes(payload);
                return new Reply(raw.toByteArray(), type, java.util.Arrays.copyOf(payload, n), null);
            }
            case '%':
            case '~':
            case '>':
            case '*': {
                int n = Integer.parseInt(rest) * (type == '%' ? 2 : 1);
                if (n < 0) {
                    return new Reply(raw.toByteArray(), type, null, null);
                }
                List<Reply> elements = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    Reply e = read();
                    raw.writeBytes(e.raw);
                    elements.add(e);
                }
                return new Reply(raw.toByteArray(), type, null, elements);
            }
            default:
                return new Reply(raw.toByteArray(), type, rest.getBytes(StandardCharsets.ISO_8859_1), null);
        }
    }

    /** Reads one CRLF-terminated line into {@code raw}; returns it without the CRLF. */
    private byte[] readLine(ByteArrayOutputStream raw) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed");
            }
            raw.write(c);
            if (prev == '\r' && c == '\n') {
                byte[] b = line.toByteArray();
                return java.util.Arrays.copyOf(b, b.length - 1);
            }
            line.write(c);
            prev = c;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
