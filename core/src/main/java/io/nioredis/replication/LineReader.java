package io.nioredis.replication;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the one-line replies of the replication handshake from bytes that arrive in pieces: a line ends at
 * '\n', and a '\r' before it is dropped, as Redis's connSyncReadLine does.
 */
final class LineReader {
    /** Grown as lines need, up to maxLength: a server that never follows a master reads no line at all. */
    private byte[] line = new byte[0];
    private final int maxLength;
    private int length;
    private boolean tooLong;

    LineReader(int maxLength) {
        this.maxLength = maxLength;
    }

    /** The next whole line taken from {@code in}, or null if it has not all arrived (or is too long). */
    String next(ByteBuffer in) {
        while (in.hasRemaining()) {
            byte b = in.get();
            if (b == '\n') {
                int n = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                length = 0;
                tooLong = false;
                return new String(line, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (length == maxLength) {
                tooLong = true;
                return null;
            }
            if (length == line.length) {
                line = java.util.Arrays.copyOf(line, Math.min(maxLength, Math.max(256, length * 2)));
            }
            line[length++] = b;
        }
        return null;
    }

    /** The line is longer than this reader takes: the peer does not speak the protocol. */
    boolean tooLong() {
        return tooLong;
    }

    String partial() {
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }

    void clear() {
        length = 0;
        tooLong = false;
    }
}
