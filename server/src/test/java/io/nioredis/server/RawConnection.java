package io.nioredis.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * A plain blocking socket for protocol edge cases: send any bytes, read back exactly the bytes the server
 * sent, and see whether it closed the connection.
 */
public final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    public RawConnection send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawConnection send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends a command as a RESP array of bulk strings. */
    public RawConnection command(String... args) throws IOException {
        StringBuilder b = new StringBuilder("*").append(args.length).append("\r\n");
        for (String a : args) {
            b.append('$').append(a.getBytes(StandardCharsets.ISO_8859_1).length).append("\r\n").append(a).append("\r\n");
        }
        return send(b.toString());
    }

    /** Reads exactly {@code n} bytes. */
    public String read(int n) throws IOException {
        byte[] b = in.readNBytes(n);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Reads until {@code expected.length()} bytes arrived, for comparing against an exact reply. */
    public String readLike(String expected) throws IOException {
        return read(expected.getBytes(StandardCharsets.ISO_8859_1).length);
    }

    /** Reads one whole RESP2 reply of any type, as raw text. */
    public String readReply() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        readReply(b);
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private void readReply(ByteArrayOutputStream b) throws IOException {
        String line = readLine();
        b.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
        char type = line.charAt(0);
        long n = type == '$' || type == '*' ? Long.parseLong(line.substring(1, line.length() - 2)) : -1;
        if (type == '$' && n >= 0) {
            b.writeBytes(in.readNBytes((int) n + 2));
        } else if (type == '*') {
            for (long i = 0; i < n; i++) {
                readReply(b);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int prev = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("connection closed after: " + line.toString(StandardCharsets.ISO_8859_1));
            }
            line.write(c);
            if (prev == '\r' && c == '\n') {
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            prev = c;
        }
    }

    /** True if the server closed the connection (reads end of stream within the timeout). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    public void setTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
