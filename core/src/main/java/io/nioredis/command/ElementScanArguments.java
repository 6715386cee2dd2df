package io.nioredis.command;

import io.nioredis.text.FloatArgument;
import io.nioredis.text.GlobPattern;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * The cursor and the MATCH/COUNT options of SSCAN and ZSCAN, parsed as Redis's parseScanCursorOrReply and
 * scanGenericCommand. One instance per command object, reused by every call (the event loop is
 * single-threaded), with a reusable buffer for the slots a scan step visits. The cursor and the options
 * are parsed in two steps because Redis checks the cursor before looking the key up and the options only
 * after the type check ({@code SSCAN str 0 COUNT 0} is WRONGTYPE, {@code SSCAN nokey 0 COUNT 0} an empty
 * scan).
 */
public final class ElementScanArguments {
    private static final byte[] COUNT_TOKEN = {'c', 'o', 'u', 'n', 't'};
    private static final byte[] MATCH_TOKEN = {'m', 'a', 't', 'c', 'h'};

    long cursor;
    long count;
    /** The pattern as a view into the request, or patternLength -1 when every element matches. */
    byte[] pattern;
    int patternOffset;
    int patternLength;

    public int[] visited = new int[16];
    public int visitedCount;
    final java.util.function.IntConsumer collector = slot -> {
        if (visitedCount == visited.length) {
            visited = java.util.Arrays.copyOf(visited, visitedCount * 2);
        }
        visited[visitedCount++] = slot;
    };

    /** A dict-backed value's scan step: Dict.scan through SetValue or SortedSetValue. */
    public interface Source {
        long scan(long cursor, java.util.function.IntConsumer visitor);
    }

    /**
     * Scans from the parsed cursor until COUNT slots were collected into {@code visited} or ten times COUNT
     * steps were taken, as Redis's scanGenericCommand; returns the cursor to hand back.
     */
    public long collect(Source source) {
        visitedCount = 0;
        long next = cursor;
        long maxIterations = count * 10;
        do {
            next = source.scan(next, collector);
        } while (next != 0 && maxIterations-- > 0 && visitedCount < count);
        return next;
    }

    /** Parses the cursor argument as C's strtoul does for Redis: false after replying "invalid cursor". */
    public boolean cursorOrReply(Request request, int arg, RespWriter out) {
        byte[] b = request.array();
        int off = request.offset(arg);
        int len = request.length(arg);
        for (int i = 0; i < len; i++) {
            if (b[off + i] == 0) {
                len = i; // strtoul stops at the C string's end
                break;
            }
        }
        int i = off;
        int end = off + len;
        if (len == 0) {
            cursor = 0;
            return true;
        }
        if (FloatArgument.isSpace(b[i])) {
            out.raw(Errors.INVALID_CURSOR);
            return false;
        }
        boolean negative = false;
        if (b[i] == '+' || b[i] == '-') {
            negative = b[i] == '-';
            i++;
        }
        if (i == end) {
            out.raw(Errors.INVALID_CURSOR);
            return false;
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                out.raw(Errors.INVALID_CURSOR);
                return false;
            }
            v = v * 10 + d;
        }
        cursor = negative ? -v : v;
        return true;
    }

    /** Parses COUNT and MATCH from {@code from} on; false after replying with an error. */
    public boolean optionsOrReply(Request request, int from, RespWriter out) {
        count = 10;
        patternLength = -1;
        int argc = request.argc();
        for (int i = from; i < argc; i += 2) {
            boolean hasValue = i + 1 < argc;
            if (request.is(i, COUNT_TOKEN) && hasValue) {
                if (!request.isLong(i + 1)) {
                    out.raw(Errors.NOT_INTEGER);
                    return false;
                }
                count = request.longValue(i + 1);
                if (count < 1) {
                    out.raw(Errors.SYNTAX);
                    return false;
                }
            } else if (request.is(i, MATCH_TOKEN) && hasValue) {
                pattern = request.array();
                patternOffset = request.offset(i + 1);
                patternLength = request.length(i + 1);
                if (patternLength == 1 && pattern[patternOffset] == '*') {
                    patternLength = -1;
                }
            } else {
                out.raw(Errors.SYNTAX);
                return false;
            }
        }
        return true;
    }

    public boolean matches(byte[] b, int off, int len) {
        return patternLength < 0 || GlobPattern.matches(pattern, patternOffset, patternLength, b, off, len, false);
    }

    /** The reply's first element: the next cursor as an unsigned decimal bulk string. */
    public static void writeCursor(long cursor, RespWriter out) {
        out.arrayHeader(2);
        if (cursor >= 0) {
            out.bulk(cursor);
        } else {
            out.bulk(Long.toUnsignedString(cursor));
        }
    }
}
