package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * The arguments LMPOP, BLMPOP, ZMPOP and BZMPOP share, parsed as Redis 7.0's lmpopGenericCommand and
 * zmpopGenericCommand: {@code numkeys key [key ...] <end> [COUNT count]}, where the end is LEFT|RIGHT or
 * MIN|MAX. One instance per command, reused by every call (the server runs one command at a time).
 */
public final class MultiPopArguments {
    private final byte[] firstEnd;
    private final byte[] lastEnd;
    /** Index of the first key and how many there are. */
    public int firstKey;
    public int keyCount;
    /** True for LEFT or MIN. */
    public boolean fromFirst;
    /** Elements to pop, 1 unless COUNT was given. */
    public long count;

    /** {@code firstEnd} and {@code lastEnd} in lower case: "left"/"right" or "min"/"max". */
    public MultiPopArguments(String firstEnd, String lastEnd) {
        this.firstEnd = firstEnd.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        this.lastEnd = lastEnd.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Parses from the numkeys argument at {@code numkeysIndex}; false after replying Redis's error. */
    public boolean parseOrReply(Request request, int numkeysIndex, RespWriter out) {
        int argc = request.argc();
        if (!request.isLong(numkeysIndex) || request.longValue(numkeysIndex) < 1) {
            out.raw(Errors.NUMKEYS_NOT_POSITIVE);
            return false;
        }
        long numkeys = request.longValue(numkeysIndex);
        if (numkeys > argc - numkeysIndex - 2) {
            out.raw(Errors.SYNTAX); // the end argument would be past the last one
            return false;
        }
        firstKey = numkeysIndex + 1;
        keyCount = (int) numkeys;
        int endIndex = firstKey + keyCount;
        if (request.is(endIndex, firstEnd)) {
            fromFirst = true;
        } else if (request.is(endIndex, lastEnd)) {
            fromFirst = false;
        } else {
            out.raw(Errors.SYNTAX);
            return false;
        }
        count = -1;
        for (int j = endIndex + 1; j < argc; j++) {
            if (count == -1 && request.is(j, COUNT) && j + 1 < argc) {
                j++;
                if (!request.isLong(j) || request.longValue(j) < 1) {
                    out.raw(Errors.COUNT_NOT_POSITIVE);
                    return false;
                }
                count = request.longValue(j);
            } else {
                out.raw(Errors.SYNTAX);
                return false;
            }
        }
        if (count == -1) {
            count = 1;
        }
        return true;
    }

    private static final byte[] COUNT = {'c', 'o', 'u', 'n', 't'};
}
