package io.nioredis.rdb;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal blocking RESP2 client for the capture tools only (never used by tests): sends a command,
 * returns the reply as byte[] (bulk/simple), Long (integer), List (array), null, or throws on an error.
 */
final class TinyRespClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    TinyRespClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    Object call(List<byte[]> args) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("*" + args.size() + "\r\n").getBytes(StandardCharsets.US_ASCII));
        for (byte[] a : args) {
            b.writeBytes(("$" + a.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            b.writeBytes(a);
            b.writeBytes(new byte[] {'\r', '\n'});
        }
        out.write(b.toByteArray());
        out.flush();
        return readReply();
    }

    Object call(Object... args) throws IOException {
        List<byte[]> list = new ArrayList<>();
        for (Object a : args) {
            list.add(a instanceof byte[] bytes ? bytes : String.valueOf(a).getBytes(StandardCharsets.ISO_8859_1));
        }
        return call(list);
    }

    private Object readReply() throws IOException {
        String line = readLine();
        char kind = line.charAt(0);
        String rest = line.substring(1);
        switch (kind) {
            case '+':
                return rest.getBytes(StandardCharsets.ISO_8859_1);
            case '-':
                throw new IOException(rest);
            case ':':
                return Long.parseLong(rest);
            case '$': {
                int n = Integer.parseInt(rest);
                if (n < 0) {
                    return null;
                }
                byte[] data = in.readNBytes(n);
                in.readNBytes(2);
                return data;
            }
            case '*': {
                int n = Integer.parseInt(rest);
                if (n < 0) {
                    return null;
                }
                List<Object> items = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    items.add(readReply());
                }
                return items;
            }
            default:
                throw new IOException("unexpected reply " + line);
        }
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("connection closed");
            }
            sb.append((char) c);
        }
        in.read();
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
