package io.nioredis.command;

import io.nioredis.text.GlobPattern;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * The arguments SCAN, HSCAN, SSCAN and ZSCAN share: the cursor (Redis's parseScanCursorOrReply, an
 * unsigned 64-bit number as strtoul reads it) and the options MATCH pattern, COUNT n and, for SCAN only,
 * TYPE name (the option loop of Redis's scanGenericCommand). One instance per command object: the parsed
 * pattern and type are views into the request, valid while the command runs.
 */
public final class ScanArguments {
    static final byte[] INVALID_CURSOR = Errors.encode("ERR invalid cursor");
    private static final byte[] COUNT_TOKEN = {'c', 'o', 'u', 'n', 't'};
    private static final byte[] MATCH_TOKEN = {'m', 'a', 't', 'c', 'h'};
    private static final byte[] TYPE_TOKEN = {'t', 'y', 'p', 'e'};
    private static final int DEFAULT_COUNT = 10;

    /** The cursor as an unsigned 64-bit value. */
    public long cursor;
    public long count;
    /** Request argument index of the MATCH pattern, or -1 when every element matches. */
    int patternArg;
    /** Request argument index of the TYPE name, or -1. */
    public int typeArg;
    private Request request;

    /**
     * Parses the cursor at {@code cursorArg} and the options after it; false (with the error replied) if
     * they are wrong. {@code allowType} is true for SCAN, whose TYPE option the others do not have.
     */
    public boolean parseOrReply(Request request, int cursorArg, boolean allowType, RespWriter out) {
        this.request = request;
        if (!parseCursorOrReply(request, cursorArg, out)) {
            return false;
        }
        count = DEFAULT_COUNT;
        patternArg = -1;
        typeArg = -1;
        int argc = request.argc();
        for (int i = cursorArg + 1; i < argc; i += 2) {
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

    /** True if the element passes MATCH (always, without one). */
    public boolean matches(byte[] b, int off, int len) {
        return patternArg < 0 || GlobPattern.matches(request.array(), request.offset(patternArg),
                request.length(patternArg), b, off, len, false);
    }

    /** True if the type name passes TYPE (always, without one); compared ignoring case, as Redis. */
    public boolean typeMatches(String typeName) {
        return typeArg < 0 || request.string(typeArg).equalsIgnoreCase(typeName);
    }

    private boolean parseCursorOrReply(Request request, int arg, RespWriter out) {
        byte[] b = request.array();
        int off = request.offset(arg);
        int end = off + request.length(arg);
        if (off < end && isSpace(b[off])) {
            out.raw(INVALID_CURSOR);
            return false;
        }
        // strtoul: optional sign, digits; "" reads as 0, a minus negates modulo 2^64.
        int i = off;
        boolean negative = false;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            negative = b[i] == '-';
            i++;
        }
        int digitsStart = i;
        long v = 0;
        boolean overflow = false;
        for (; i < end && b[i] >= '0' && b[i] <= '9'; i++) {
            int d = b[i] - '0';
            if (Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                overflow = true;
            }
            v = v * 10 + d;
        }
        boolean consumedAll = i == end && (i > digitsStart || off == end);
        if (!consumedAll || overflow) {
            out.raw(INVALID_CURSOR);
            return false;
        }
        cursor = negative ? -v : v;
        return true;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
    }
}
