package io.nioredis.replication;

import java.util.Arrays;

/** Encodes propagated commands as the replication stream carries them: RESP arrays of bulk strings. */
final class StreamEncoder {
    private static final byte[] SELECT = {'S', 'E', 'L', 'E', 'C', 'T'};
    private byte[] buf = new byte[4096];
    private int size;

    void reset() {
        size = 0;
    }

    byte[] bytes() {
        return buf;
    }

    int size() {
        return size;
    }

    void select(int db) {
        header('*', 2);
        bulk(SELECT);
        bulk(Integer.toString(db).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    void command(byte[][] argv) {
        header('*', argv.length);
        for (byte[] arg : argv) {
            bulk(arg);
        }
    }

    private void bulk(byte[] arg) {
        header('$', arg.length);
        ensure(arg.length + 2);
        System.arraycopy(arg, 0, buf, size, arg.length);
        size += arg.length;
        buf[size++] = '\r';
        buf[size++] = '\n';
    }

    private void header(char kind, long n) {
        ensure(24);
        buf[size++] = (byte) kind;
        String digits = Long.toString(n);
        for (int i = 0; i < digits.length(); i++) {
            buf[size++] = (byte) digits.charAt(i);
        }
        buf[size++] = '\r';
        buf[size++] = '\n';
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
