package io.nioredis.aof;

import java.util.Arrays;

/**
 * Reads the commands of an AOF file (an incremental file, or a base written as commands) one at a time,
 * as Redis's loadSingleAppendOnlyFile does: each a RESP array of bulk strings; lines starting with '#' are
 * annotations and are skipped. Tells a clean end from a file cut short inside a command (what
 * {@code aof-load-truncated} forgives) and from bytes that are not the format at all.
 */
final class AofCommandReader {
    enum Status { COMMAND, END, TRUNCATED, BAD_FORMAT }

    /** Redis reads the header lines with fgets into a 128-byte buffer; longer lines are a format error. */
    private static final int MAX_HEADER_LINE = 128;

    private final byte[] file;
    private final int limit;
    private int pos;
    private byte[][] argv;

    AofCommandReader(byte[] file, int start, int limit) {
        this.file = file;
        this.pos = start;
        this.limit = limit;
    }

    /** The offset just past the last complete command (or annotation) read. */
    int position() {
        return pos;
    }

    /** The command {@link #next} found; its arrays are the caller's. */
    byte[][] argv() {
        return argv;
    }

    Status next() {
        while (true) {
            if (pos >= limit) {
                return Status.END;
            }
            int at = pos;
            int eol = lineEnd(at);
            if (eol == TOO_LONG) {
                return Status.BAD_FORMAT;
            }
            if (eol < 0) {
                return Status.TRUNCATED;
            }
            if (file[at] == '#') {
                pos = eol + 1;
                continue;
            }
            if (file[at] != '*') {
                return Status.BAD_FORMAT;
            }
            long argc = number(at + 1, eol);
            if (argc < 1 || argc > Integer.MAX_VALUE) {
                return Status.BAD_FORMAT;
            }
            at = eol + 1;
            byte[][] args = new byte[(int) Math.min(argc, 1024)][];
            for (int i = 0; i < argc; i++) {
                if (at >= limit) {
                    return Status.TRUNCATED;
                }
                eol = lineEnd(at);
                if (eol == TOO_LONG) {
                    return Status.BAD_FORMAT;
                }
                if (eol < 0) {
                    return Status.TRUNCATED;
                }
                if (file[at] != '$') {
                    return Status.BAD_FORMAT;
                }
                long len = number(at + 1, eol);
                if (len < 0) {
                    return Status.BAD_FORMAT;
                }
                at = eol + 1;
                if (limit - at < len + 2) {
                    return Status.TRUNCATED;
                }
                if (i == args.length) {
                    args = Arrays.copyOf(args, (int) Math.min(argc, 2L * args.length));
                }
                args[i] = Arrays.copyOfRange(file, at, at + (int) len);
                at += (int) len + 2; // the CRLF after the bulk is skipped unread, as Redis's fread of 2 bytes
            }
            pos = at;
            argv = args;
            return Status.COMMAND;
        }
    }

    private static final int TOO_LONG = -2;

    /**
     * Index of the '\n' ending the line at {@code from}; -1 when the file ends first, {@link #TOO_LONG}
     * for a header line longer than Redis reads.
     */
    private int lineEnd(int from) {
        int end = Math.min(limit, from + MAX_HEADER_LINE);
        for (int i = from; i < end; i++) {
            if (file[i] == '\n') {
                return i;
            }
        }
        return end == limit ? -1 : TOO_LONG;
    }

    /** Redis's atoi over the line after its type byte: digits up to the first non-digit; -1 if none. */
    private long number(int from, int eol) {
        boolean negative = from < eol && file[from] == '-';
        int i = negative ? from + 1 : from;
        long v = 0;
        int digits = 0;
        while (i < eol && file[i] >= '0' && file[i] <= '9' && digits < 18) {
            v = v * 10 + (file[i] - '0');
            i++;
            digits++;
        }
        if (digits == 0) {
            return -1;
        }
        return negative ? -v : v;
    }
}
