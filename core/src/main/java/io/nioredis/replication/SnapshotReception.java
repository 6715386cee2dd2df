package io.nioredis.replication;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The snapshot a master sends after {@code +FULLRESYNC} (or SYNC), received into a file as Redis's
 * readSyncBulkPayload does in disk-load mode: first a line, {@code $<length>} or {@code $EOF:<40 byte mark>}
 * (bare newlines before it are the master's keep-alives), then the payload. A length-framed payload ends
 * after that many bytes, and what follows in the same read is already the stream; an EOF-framed one ends when
 * the bytes received last are the mark, which is then cut off the file (the master sends nothing more until
 * the replica's first ACK).
 */
final class SnapshotReception {
    static final int EOF_MARK_SIZE = 40;
    private static final int MAX_LINE = 1024;

    /** What a call to {@link #receive} ended with. */
    enum Progress { MORE, DONE, KEEPALIVE }

    private final FileChannel file;
    private final LineReader header = new LineReader(MAX_LINE);
    private boolean headerRead;
    /** Payload bytes expected (length framing), 0 with an EOF mark, -1 until the header line arrives. */
    private long size = -1;
    private long read;
    private byte[] eofMark;
    private final byte[] lastBytes = new byte[EOF_MARK_SIZE];
    private String error;

    SnapshotReception(FileChannel file) {
        this.file = file;
    }

    /** Payload size as INFO's master_sync_total_bytes shows it: -1 before the header, 0 with an EOF mark. */
    long size() {
        return size;
    }

    long read() {
        return read;
    }

    boolean eofFramed() {
        return eofMark != null;
    }

    /** Why the transfer failed, once {@link #receive} threw. */
    String error() {
        return error;
    }

    /**
     * Takes what it can from {@code in}: header bytes, then payload bytes, stopping at the payload's end so
     * that the rest of {@code in} stays for the stream. Throws with {@link #error} set on a bad header, an
     * error reply, or a file that will not take the bytes.
     */
    Progress receive(ByteBuffer in) throws IOException {
        while (!headerRead) {
            String line = header.next(in);
            if (line == null) {
                if (header.tooLong()) {
                    throw fail("Bad protocol from MASTER, the first byte is not '$' (we received '"
                            + header.partial() + "'), are you sure the host and port are right?");
                }
                return Progress.MORE;
            }
            if (line.isEmpty()) {
                return Progress.KEEPALIVE; // a newline: the master is alive, still preparing the snapshot
            }
            if (line.charAt(0) == '-') {
                throw fail("MASTER aborted replication with an error: " + line.substring(1));
            }
            if (line.charAt(0) != '$') {
                throw fail("Bad protocol from MASTER, the first byte is not '$' (we received '" + line
                        + "'), are you sure the host and port are right?");
            }
            if (line.startsWith("$EOF:") && line.length() >= 5 + EOF_MARK_SIZE) {
                eofMark = line.substring(5, 5 + EOF_MARK_SIZE).getBytes(StandardCharsets.US_ASCII);
                size = 0;
            } else {
                size = parseSize(line);
            }
            headerRead = true;
        }
        if (eofMark == null) {
            int n = (int) Math.min(in.remaining(), size - read);
            write(in, n);
            return read == size ? Progress.DONE : Progress.MORE;
        }
        int n = in.remaining();
        if (n == 0) {
            return Progress.MORE;
        }
        int start = in.position();
        write(in, n);
        remember(in.array(), in.arrayOffset() + start, n);
        if (read >= EOF_MARK_SIZE && Arrays.equals(lastBytes, eofMark)) {
            file.truncate(read - EOF_MARK_SIZE);
            return Progress.DONE;
        }
        return Progress.MORE;
    }

    private void write(ByteBuffer in, int n) throws IOException {
        ByteBuffer part = in.duplicate();
        part.limit(in.position() + n);
        try {
            while (part.hasRemaining()) {
                file.write(part);
            }
        } catch (IOException e) {
            throw fail("Write error or short write writing to the DB dump file needed for MASTER <-> REPLICA"
                    + " synchronization: " + e.getMessage());
        }
        in.position(in.position() + n);
        read += n;
    }

    /** Keeps the last {@link #EOF_MARK_SIZE} bytes received, across reads of any size. */
    private void remember(byte[] b, int off, int n) {
        if (n >= EOF_MARK_SIZE) {
            System.arraycopy(b, off + n - EOF_MARK_SIZE, lastBytes, 0, EOF_MARK_SIZE);
        } else {
            System.arraycopy(lastBytes, n, lastBytes, 0, EOF_MARK_SIZE - n);
            System.arraycopy(b, off, lastBytes, EOF_MARK_SIZE - n, n);
        }
    }

    /** Redis's strtol on the digits after '$': what does not parse counts as 0. */
    private static long parseSize(String line) {
        int end = 1;
        while (end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        try {
            return end == 1 ? 0 : Long.parseLong(line.substring(1, end));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private IOException fail(String message) {
        error = message;
        return new IOException(message);
    }
}
