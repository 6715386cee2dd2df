package io.nioredis.command.stream;

import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.stream.NodeLimits;
import io.nioredis.value.stream.StreamErrors;
import io.nioredis.value.stream.StreamException;
import io.nioredis.value.stream.StreamId;
import io.nioredis.value.stream.StreamIdParser;
import io.nioredis.value.stream.TrimArgs;
import io.nioredis.value.stream.XaddId;

/**
 * The options XADD and XTRIM share, parsed as t_stream.c's streamParseAddOrTrimArgsOrReply: NOMKSTREAM
 * (XADD only), MAXLEN|MINID [=|~] threshold, LIMIT count, and for XADD the id that ends them. Each parse
 * replies the error itself and returns false.
 */
final class TrimOptions {
    private static final byte[] MAXLEN = {'m', 'a', 'x', 'l', 'e', 'n'};
    private static final byte[] MINID = {'m', 'i', 'n', 'i', 'd'};
    private static final byte[] LIMIT = {'l', 'i', 'm', 'i', 't'};
    private static final byte[] NOMKSTREAM = {'n', 'o', 'm', 'k', 's', 't', 'r', 'e', 'a', 'm'};

    boolean noMkStream;
    /** The trimming to apply, or null when no strategy was given. */
    TrimArgs trim;
    /** XADD: the id argument and its index. */
    XaddId id;
    int idIndex;
    /** The index of an approximate strategy's "~", or -1: what propagation rewrites to an exact trim. */
    int approxIndex;

    boolean parse(Request r, int from, boolean xadd, NodeLimits limits, RespWriter out) {
        noMkStream = false;
        trim = null;
        id = null;
        approxIndex = -1;
        TrimArgs.Strategy strategy = null;
        boolean approx = false;
        long maxLen = 0;
        StreamId minId = null;
        long limit = -1;
        long limitValue = 0;
        int argc = r.argc();
        int i = from;
        for (; i < argc; i++) {
            int more = argc - 1 - i;
            byte[] b = r.array();
            int off = r.offset(i), len = r.length(i);
            if (xadd && len == 1 && b[off] == '*') {
                break;
            } else if ((r.is(i, MAXLEN) || r.is(i, MINID)) && more > 0) {
                if (strategy != null) {
                    out.error(StreamErrors.MAXLEN_AND_MINID);
                    return false;
                }
                boolean byLength = r.is(i, MAXLEN);
                approx = false;
                if (more >= 2 && isSingle(r, i + 1, '~')) {
                    approx = true;
                    approxIndex = i + 1;
                    i++;
                } else if (more >= 2 && isSingle(r, i + 1, '=')) {
                    i++;
                }
                if (byLength) {
                    maxLen = StreamAccess.longOrReply(r, i + 1, out);
                    if (maxLen == Long.MIN_VALUE) return false;
                    if (maxLen < 0) {
                        out.error(StreamErrors.MAXLEN_NEGATIVE);
                        return false;
                    }
                    strategy = TrimArgs.Strategy.MAXLEN;
                } else {
                    minId = StreamAccess.strictIdOrReply(r, i + 1, 0, out);
                    if (minId == null) return false;
                    strategy = TrimArgs.Strategy.MINID;
                }
                i++;
            } else if (r.is(i, LIMIT) && more > 0) {
                limitValue = StreamAccess.longOrReply(r, i + 1, out);
                if (limitValue == Long.MIN_VALUE) return false;
                if (limitValue < 0) {
                    out.error(StreamErrors.LIMIT_NEGATIVE);
                    return false;
                }
                limit = limitValue;
                i++;
            } else if (xadd && r.is(i, NOMKSTREAM)) {
                noMkStream = true;
            } else if (xadd) {
                try {
                    id = StreamIdParser.parseXaddId(b, off, len);
                } catch (StreamException e) {
                    out.error(e.getMessage());
                    return false;
                }
                break;
            } else {
                out.raw(Errors.SYNTAX);
                return false;
            }
        }
        if (xadd && id == null) id = XaddId.AUTO;
        idIndex = i;
        // Redis tests the value, not the presence: "LIMIT 0" without a strategy passes.
        if (limitValue != 0 && strategy == null) {
            out.error(StreamErrors.LIMIT_WITHOUT_STRATEGY);
            return false;
        }
        if (!xadd && strategy == null) {
            out.error(StreamErrors.XTRIM_WITHOUT_STRATEGY);
            return false;
        }
        long effectiveLimit;
        try {
            effectiveLimit = TrimArgs.resolveLimit(approx, limit, limits);
        } catch (StreamException e) {
            out.error(e.getMessage());
            return false;
        }
        if (strategy == null) return true;
        trim = strategy == TrimArgs.Strategy.MAXLEN
                ? TrimArgs.maxLen(maxLen, approx, effectiveLimit)
                : TrimArgs.minId(minId, approx, effectiveLimit);
        return true;
    }

    /**
     * The command as Redis 7.0 propagates an approximate trim (streamRewriteApproxSpecifier and
     * streamRewriteTrimArgument): "~" becomes "=" and the threshold what the stream now holds - its length
     * for MAXLEN, its first id for MINID - so a replica or a reloaded AOF trims exactly as far. {@code argv}
     * is the command copied; nothing changes for an exact trim.
     */
    void rewriteApproximateTrim(byte[][] argv, io.nioredis.value.stream.Stream stream) {
        if (approxIndex < 0 || trim == null) {
            return;
        }
        argv[approxIndex] = new byte[] {'='};
        argv[approxIndex + 1] = trim.strategy() == TrimArgs.Strategy.MAXLEN
                ? io.nioredis.command.Propagated.number(stream.length())
                : (stream.length() == 0 ? new io.nioredis.value.stream.StreamId(0, 0) : stream.firstId()).toBytes();
    }

    private static boolean isSingle(Request r, int i, char c) {
        return r.length(i) == 1 && r.array()[r.offset(i)] == c;
    }
}
