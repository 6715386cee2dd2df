package io.nioredis.command.hash;

import io.nioredis.text.GlobPattern;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HSCAN key cursor [MATCH pattern] [COUNT count], as Redis's scanGenericCommand: a large hash is walked
 * with the dict's reverse-binary cursor, at least COUNT buckets' worth per call (bounded by 10 x COUNT
 * bucket visits); a small hash is returned whole with cursor 0, as Redis does for a listpack. MATCH
 * filters on the field after the walk, so a call may return fewer than COUNT fields, or none.
 */
final class HscanCommand implements Command {
    private static final byte[] MATCH = {'m', 'a', 't', 'c', 'h'};
    private static final byte[] COUNT = {'c', 'o', 'u', 'n', 't'};
    private static final byte[] EMPTY_SCAN = "*2\r\n$1\r\n0\r\n*0\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!isCursor(request.array(), request.offset(2), request.length(2))) {
            out.raw(Errors.INVALID_CURSOR);
            return;
        }
        long cursor = parseCursor(request.array(), request.offset(2), request.length(2));
        int slot = client.keyspace().lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(EMPTY_SCAN);
            return;
        }
        HashValue hash = HashCommands.hashOrReply(client.keyspace(), slot, out);
        if (hash == null) {
            return;
        }
        long count = 10;
        int patternArg = -1;
        int argc = request.argc();
        for (int i = 3; i < argc; i += 2) {
            boolean hasValue = i + 1 < argc;
            if (request.is(i, COUNT) && hasValue) {
                if (!request.isLong(i + 1)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                count = request.longValue(i + 1);
                if (count < 1) {
                    out.raw(Errors.SYNTAX);
                    return;
                }
            } else if (request.is(i, MATCH) && hasValue) {
                boolean all = request.length(i + 1) == 1 && request.array()[request.offset(i + 1)] == '*';
                patternArg = all ? -1 : i + 1;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        int[] found;
        int foundCount;
        if (hash.isSmall()) {
            foundCount = hash.size();
            found = new int[foundCount];
            for (int h = 0; h < foundCount; h++) {
                found[h] = h;
            }
            cursor = 0;
        } else {
            Collector collector = new Collector();
            // As Redis's "maxiterations--" in C: a bound that overflowed to negative never stops the walk.
            long maxIterations = count * 10;
            do {
                cursor = hash.scan(cursor, collector);
            } while (cursor != 0 && maxIterations-- != 0 && collector.size < count);
            found = collector.handles;
            foundCount = collector.size;
        }
        int kept = 0;
        for (int k = 0; k < foundCount; k++) {
            int h = found[k];
            if (patternArg < 0 || GlobPattern.matches(request.array(), request.offset(patternArg),
                    request.length(patternArg), hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h),
                    false)) {
                found[kept++] = h;
            }
        }
        out.arrayHeader(2);
        out.bulk(Long.toUnsignedString(cursor));
        out.arrayHeader(2L * kept);
        for (int k = 0; k < kept; k++) {
            int h = found[k];
            out.bulk(hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h));
            out.bulk(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h));
        }
    }

    /**
     * Redis's parseScanCursorOrReply, which uses strtoul: an optional sign, decimal digits, nothing else,
     * and no overflow of 64 unsigned bits. The empty string is cursor 0.
     */
    static boolean isCursor(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            i++;
            if (i == end) {
                return false;
            }
        }
        long v = 0;
        for (; i < end; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9 || Long.compareUnsigned(v, Long.divideUnsigned(-1L - d, 10)) > 0) {
                return false;
            }
            v = v * 10 + d;
        }
        return true;
    }

    /** The value of a cursor {@link #isCursor} accepted; a '-' wraps around as in strtoul ("-1" is 2^64-1). */
    static long parseCursor(byte[] b, int off, int len) {
        int i = off;
        int end = off + len;
        boolean negative = i < end && b[i] == '-';
        if (i < end && (b[i] == '+' || b[i] == '-')) {
            i++;
        }
        long v = 0;
        for (; i < end; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return negative ? -v : v;
    }

    /** Gathers the handles the dict's scan visits. */
    private static final class Collector implements java.util.function.IntConsumer {
        int[] handles = new int[16];
        int size;

        @Override
        public void accept(int handle) {
            if (size == handles.length) {
                handles = Arrays.copyOf(handles, size * 2);
            }
            handles[size++] = handle;
        }
    }
}
