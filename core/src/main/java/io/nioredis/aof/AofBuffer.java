package io.nioredis.aof;

import java.nio.ByteBuffer;

/**
 * Redis's aof_buf: the commands propagated since the last write to the file, encoded as Redis writes them
 * (a RESP array of bulk strings per command). Reused from turn to turn, so appending allocates only when a
 * turn writes more than ever before.
 */
final class AofBuffer {
    private byte[] bytes = new byte[16 * 1024];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        size = 0;
        if (bytes.length > 4 * 1024 * 1024) {
            bytes = new byte[16 * 1024]; // a huge turn should not pin its buffer for ever
        }
    }

    ByteBuffer view() {
        return ByteBuffer.wrap(bytes, 0, size);
    }

    void command(byte[][] argv) {
        header('*', argv.length);
        for (byte[] arg : argv) {
            header('$', arg.length);
            room(arg.length + 2);
            System.arraycopy(arg, 0, bytes, size, arg.length);
            size += arg.length;
            bytes[size++] = '\r';
            bytes[size++] = '\n';
        }
    }

    /** {@code SELECT db}, as Redis writes it when the commands that follow run in another database. */
    void select(int db) {
        header('*', 2);
        header('$', 6);
        room(8);
        for (byte c : SELECT) {
            bytes[size++] = c;
        }
        int digits = digits(db);
        header('$', digits);
        room(digits + 2);
        number(db, digits);
        bytes[size++] = '\r';
        bytes[size++] = '\n';
    }

    private static final byte[] SELECT = {'S', 'E', 'L', 'E', 'C', 'T', '\r', '\n'};

    private void header(char type, long n) {
        int digits = digits(n);
        room(digits + 3);
        bytes[size++] = (byte) type;
        number(n, digits);
        bytes[size++] = '\r';
        bytes[size++] = '\n';
    }

    private void number(long n, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            bytes[size + i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        size += digits;
    }

    private static int digits(long n) {
        int d = 1;
        while (n >= 10) {
            n /= 10;
            d++;
        }
        return d;
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            long wanted = Math.max(2L * bytes.length, (long) size + more);
            byte[] bigger = new byte[(int) Math.min(wanted, Integer.MAX_VALUE - 8)];
            System.arraycopy(bytes, 0, bigger, 0, size);
            bytes = bigger;
        }
    }
}
