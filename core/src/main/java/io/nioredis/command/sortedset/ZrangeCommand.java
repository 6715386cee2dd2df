package io.nioredis.command.sortedset;

import io.nioredis.command.RangeArguments;

import io.nioredis.client.Client;
import io.nioredis.config.EncodingLimits;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.LexRange;
import io.nioredis.value.ScoreRange;
import io.nioredis.value.SortedSetValue;

/**
 * ZRANGE key start stop [BYSCORE|BYLEX] [REV] [LIMIT offset count] [WITHSCORES] and the older forms that
 * fix the range type and direction (ZREVRANGE, ZRANGEBYSCORE, ZREVRANGEBYSCORE, ZRANGEBYLEX,
 * ZREVRANGEBYLEX), as Redis's zrangeGenericCommand: options first, then the range, then the key.
 */
final class ZrangeCommand implements Command {
    static final int AUTO = 0;
    static final int RANK = 1;
    static final int SCORE = 2;
    static final int LEX = 3;

    private static final byte[] WITHSCORES_TOKEN = "withscores".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] LIMIT_TOKEN = {'l', 'i', 'm', 'i', 't'};
    private static final byte[] REV_TOKEN = {'r', 'e', 'v'};
    private static final byte[] BYSCORE_TOKEN = "byscore".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] BYLEX_TOKEN = "bylex".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final int fixedType;
    private final boolean fixedReverse;
    /** ZRANGESTORE dst src ...: every argument one further on, no WITHSCORES, the range stored. */
    private final boolean store;
    private final ScoreRange scoreRange = new ScoreRange();
    private final LexRange lexRange = new LexRange();
    /** The rank of the first member of the selected range (-1: none) and how many follow it. */
    private long first;
    private long count;

    ZrangeCommand(int type, boolean reverse) {
        this(type, reverse, false);
    }

    ZrangeCommand(int type, boolean reverse, boolean store) {
        this.fixedType = type;
        this.fixedReverse = reverse;
        this.store = store;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int base = store ? 1 : 0;
        int type = fixedType;
        boolean directionGiven = fixedType != AUTO;
        boolean reverse = fixedReverse;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        int argc = request.argc();
        for (int j = 4 + base; j < argc; j++) {
            int left = argc - j - 1;
            if (!store && request.is(j, WITHSCORES_TOKEN)) {
                withScores = true;
            } else if (request.is(j, LIMIT_TOKEN) && left >= 2) {
                if (!request.isLong(j + 1) || !request.isLong(j + 2)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                offset = request.longValue(j + 1);
                limit = request.longValue(j + 2);
                j += 2;
            } else if (!directionGiven && request.is(j, REV_TOKEN)) {
                reverse = true;
                directionGiven = true;
            } else if (type == AUTO && request.is(j, BYLEX_TOKEN)) {
                type = LEX;
            } else if (type == AUTO && request.is(j, BYSCORE_TOKEN)) {
                type = SCORE;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if (type == AUTO) {
            type = RANK;
        }
        if (limit != -1 && type == RANK) {
            out.error(Errors.ZRANGE_LIMIT_NEEDS_RANGE);
            return;
        }
        if (withScores && type == LEX) {
            out.error(Errors.ZRANGE_WITHSCORES_WITH_BYLEX);
            return;
        }
        // The by-score and by-lex forms take the range as max, min when reversed.
        int minArg = base + (reverse && type != RANK ? 3 : 2);
        int maxArg = base + (reverse && type != RANK ? 2 : 3);
        long start = 0;
        long end = 0;
        if (type == RANK) {
            if (!request.isLong(minArg) || !request.isLong(maxArg)) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            start = request.longValue(minArg);
            end = request.longValue(maxArg);
        } else if (type == SCORE) {
            if (!RangeArguments.score(request, minArg, maxArg, scoreRange)) {
                out.raw(Errors.RANGE_NOT_FLOAT);
                return;
            }
        } else if (!RangeArguments.lex(request, minArg, maxArg, lexRange)) {
            out.raw(Errors.RANGE_NOT_STRING);
            return;
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1 + base), request.length(1 + base));
        SortedSetValue zset = null;
        if (slot >= 0) {
            zset = Lookup.typedOrReply(keyspace, slot, SortedSetValue.class, out);
            if (zset == null) {
                return;
            }
        }
        first = -1;
        count = 0;
        if (zset != null && type == RANK) {
            selectByRank(zset, start, end, reverse);
        } else if (zset != null) {
            selectByRange(zset, type == LEX, reverse, offset, limit);
        }
        if (store) {
            EncodingLimits limits = client.server().config.encoding;
            store(keyspace, request, zset, type == RANK && count > limits.zsetMaxListpackEntries, reverse, limits,
                    out);
            return;
        }
        emit(zset, first, count, reverse, withScores, out);
    }

    /**
     * ZRANGESTORE's result, added in range order as Redis's zrangeResultEmitCBufferForStore: it starts as
     * a listpack unless a by-rank range is known to be larger, and converts once it outgrows one.
     */
    private void store(Keyspace keyspace, Request request, SortedSetValue zset, boolean large, boolean reverse,
                       EncodingLimits limits, RespWriter out) {
        SortedSetValue result = new SortedSetValue(request.copy(1));
        if (large) {
            result.notCompact();
        }
        for (long i = 0; i < count; i++) {
            long r = reverse ? first - i : first + i;
            result.add(zset.score(r), zset.memberArray(r), zset.memberOffset(r), zset.memberLength(r),
                    limits.zsetMaxListpackEntries, limits.zsetMaxListpackValue);
        }
        result.trimToSize();
        SortedSetCommands.storeResult(keyspace, request.array(), request.offset(1), request.length(1), result,
                "zrangestore", out);
    }

    private static void emit(SortedSetValue zset, long first, long count, boolean reverse, boolean withScores,
                             RespWriter out) {
        SortedSetCommands.rangeHeader(count, withScores, out);
        for (long i = 0; i < count; i++) {
            SortedSetCommands.writeMember(zset, reverse ? first - i : first + i, withScores, out);
        }
    }

    /** The whole ZRANGE by rank reply, for callers that answer with a range (ZRANDMEMBER). */
    static void byRank(SortedSetValue zset, long start, long end, boolean reverse, boolean withScores,
                       RespWriter out) {
        ZrangeCommand selector = new ZrangeCommand(RANK, reverse);
        selector.selectByRank(zset, start, end, reverse);
        emit(zset, selector.first, selector.count, reverse, withScores, out);
    }

    /** Redis's genericZrangebyrankCommand, including its clamping of negative and oversized indexes. */
    private void selectByRank(SortedSetValue zset, long start, long end, boolean reverse) {
        long length = zset.size();
        if (start < 0) {
            start = length + start;
        }
        if (end < 0) {
            end = length + end;
        }
        if (start < 0) {
            start = 0;
        }
        if (start > end || start >= length) {
            return;
        }
        if (end >= length) {
            end = length - 1;
        }
        first = reverse ? length - 1 - start : start;
        count = end - start + 1;
    }

    /**
     * Redis's genericZrangebyscoreCommand/genericZrangebylexCommand: skip {@code offset} members from the
     * first in range (a negative offset yields nothing), then take at most {@code limit} (negative: all).
     */
    private void selectByRange(SortedSetValue zset, boolean lex, boolean reverse, long offset, long limit) {
        long rank;
        if (lex) {
            rank = reverse ? zset.lastRankInLexRange(lexRange) : zset.firstRankInLexRange(lexRange);
        } else {
            rank = reverse ? zset.lastRankInRange(scoreRange) : zset.firstRankInRange(scoreRange);
        }
        long size = zset.size();
        if (rank < 0 || offset < 0 || offset >= (reverse ? rank + 1 : size - rank)) {
            return;
        }
        rank = reverse ? rank - offset : rank + offset;
        first = rank;
        while (rank >= 0 && rank < size && limit-- != 0 && inRange(zset, rank, lex, reverse)) {
            count++;
            rank = reverse ? rank - 1 : rank + 1;
        }
    }

    /** The far end of the range, checked while walking from the near end. */
    private boolean inRange(SortedSetValue zset, long rank, boolean lex, boolean reverse) {
        if (lex) {
            byte[] b = zset.memberArray(rank);
            int off = zset.memberOffset(rank);
            int len = zset.memberLength(rank);
            return reverse ? lexRange.aboveMin(b, off, len) : lexRange.belowMax(b, off, len);
        }
        double score = zset.score(rank);
        return reverse ? scoreRange.aboveMin(score) : scoreRange.belowMax(score);
    }
}
