package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Scannable;
import io.nioredis.text.FloatArgument;
import io.nioredis.text.GlobPattern;
import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * The arguments SCAN, HSCAN, SSCAN and ZSCAN share, parsed as Redis 7.0 does, and the walk they share.
 *
 * <p>Redis parses them in two steps, and so do the commands here: the cursor first
 * ({@link #cursorOrReply}, Redis's parseScanCursorOrReply), then, for HSCAN/SSCAN/ZSCAN only after the
 * key lookup and type check, the options ({@link #optionsOrReply}, the option loop of
 * scanGenericCommand): so {@code SSCAN str 0 COUNT 0} is WRONGTYPE and {@code SSCAN nokey 0 COUNT 0} an
 * empty scan. MATCH pattern and COUNT n are common; TYPE name only for SCAN itself (a syntax error
 * elsewhere, as in Redis).
 *
 * <p>One instance per command object, reused by every call (the event loop is single-threaded): the
 * pattern and type are views into the request, valid while the command runs, and {@link #visited} is a
 * reusable buffer of the slots a walk visited.
 */
public final class ScanArguments {
    private static final byte[] COUNT_TOKEN = {'c', 'o', 'u', 'n', 't'};
    private static final byte[] MATCH_TOKEN = {'m', 'a', 't', 'c', 'h'};
    private static final byte[] TYPE_TOKEN = {'t', 'y', 'p', 'e'};
    private static final int DEFAULT_COUNT = 10;

    /** The cursor as an unsigned 64-bit value. */
    public long cursor;
    public long count;
    /** Request argument index of the MATCH pattern, or -1 when every element matches. */
    private int patternArg;
    /** Request argument index of the TYPE name, or -1. */
    private int typeArg;
    private Request request;

    /** The slots the last {@link #collect} visited, {@link #visitedCount} of them; a filter may compact it. */
    public int[] visited = new int[16];
    public int visitedCount;
    private final IntConsumer collector = slot -> {
        if (visitedCount == visited.length) {
            visited = Arrays.copyOf(visited, visitedCount * 2);
        }
        visited[visitedCount++] = slot;
    };

    /**
     * Parses the cursor at {@code arg} as Redis's strtoul call does; false after replying "invalid cursor".
     * The argument is read as a C string, up to its first NUL byte: "5\0x" is cursor 5 and "" or "\0" cursor
     * 0. A leading space, a sign without digits, anything after the digits, or more than 64 bits is
     * invalid; a '-' wraps around as strtoul does ("-1" is 2^64-1).
     */
    public boolean cursorOrReply(Request request, int arg, RespWriter out) {
        byte[] b = request.array();
        int off = request.offset(arg);
        int end = cStringEnd(b, off, off + request.length(arg));
        if (off < end && FloatArgument.isSpace(b[off])) {
            out.raw(Errors.INVALID_CURSOR);
            return false;
        }
        int i = off;
        boolean negative = false;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        int digits = i;
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                out.raw(Errors.INVALID_CURSOR);
                return false;
            }
            v = v * 10 + d;
        }
        if (i == digits && off != end) {
            out.raw(Errors.INVALID_CURSOR); // a sign alone: strtoul stops before it
            return false;
        }
        cursor = negative ? -v : v;
        return true;
    }

    /**
     * Parses COUNT, MATCH and (with {@code allowType}, for SCAN) TYPE from argument {@code from} on; false
     * after replying: a COUNT that is not an integer gets "not an integer", one below 1 a syntax error, as
     * does anything else.
     */
    public boolean optionsOrReply(Request request, int from, boolean allowType, RespWriter out) {
        this.request = request;
        count = DEFAULT_COUNT;
        patternArg = -1;
        typeArg = -1;
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
                // "*" alone filters nothing, as in Redis.
                boolean all = request.length(i + 1) == 1 && request.array()[request.offset(i + 1)] == '*';
                patternArg = all ? -1 : i + 1;
            } else if (allowType && request.is(i, TYPE_TOKEN) && hasValue) {
                typeArg = i + 1;
            } else {
                out.raw(Errors.SYNTAX);
                return false;
            }
        }
        return true;
    }

    /**
     * Walks {@code source} from the parsed cursor until COUNT slots were visited or ten times COUNT steps
     * were taken, as Redis's scanGenericCommand; returns the cursor to hand back. As Redis's
     * "maxiterations--" in C, a bound that overflowed to a negative number never stops the walk.
     */
    public long collect(Scannable source) {
        visitedCount = 0;
        long next = cursor;
        long maxIterations = count * 10;
        do {
            next = source.scan(next, collector);
        } while (next != 0 && maxIterations-- != 0 && visitedCount < count);
        return next;
    }

    /**
     * For a value Redis would still keep in a compact encoding (listpack, intset), which it returns whole
     * with cursor 0: "visits" slots 0 to n-1 and returns cursor 0.
     */
    public long visitAll(int n) {
        if (visited.length < n) {
            visited = new int[n];
        }
        for (int i = 0; i < n; i++) {
            visited[i] = i;
        }
        visitedCount = n;
        return 0;
    }

    /** True if the element passes MATCH (always, without one). */
    public boolean matches(byte[] b, int off, int len) {
        return patternArg < 0 || GlobPattern.matches(request.array(), request.offset(patternArg),
                request.length(patternArg), b, off, len, false);
    }

    /** True if the type name passes TYPE (always, without one): Redis's strcasecmp, so up to a NUL byte. */
    public boolean typeMatches(String typeName) {
        if (typeArg < 0) {
            return true;
        }
        byte[] b = request.array();
        int off = request.offset(typeArg);
        int end = cStringEnd(b, off, off + request.length(typeArg));
        if (end - off != typeName.length()) {
            return false;
        }
        for (int i = off; i < end; i++) {
            if (Character.toLowerCase((char) (b[i] & 0xff)) != typeName.charAt(i - off)) {
                return false;
            }
        }
        return true;
    }

    /** True if a TYPE option was given. */
    public boolean hasType() {
        return typeArg >= 0;
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

    private static int cStringEnd(byte[] b, int off, int end) {
        for (int i = off; i < end; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return end;
    }
}
