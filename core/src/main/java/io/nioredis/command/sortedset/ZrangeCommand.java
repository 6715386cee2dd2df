package io.nioredis.command.sortedset;

import io.nioredis.command.RangeArguments;
import io.nioredis.command.Replies;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.LexRange;
import io.nioredis.value.ScoreRange;
import io.nioredis.value.SkipList;
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
    private final ScoreRange scoreRange = new ScoreRange();
    private final LexRange lexRange = new LexRange();

    ZrangeCommand(int type, boolean reverse) {
        this.fixedType = type;
        this.fixedReverse = reverse;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int type = fixedType;
        boolean directionGiven = fixedType != AUTO;
        boolean reverse = fixedReverse;
        boolean withScores = false;
        long offset = 0;
        long limit = -1;
        int argc = request.argc();
        for (int j = 4; j < argc; j++) {
            int left = argc - j - 1;
            if (request.is(j, WITHSCORES_TOKEN)) {
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
            out.error("ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX");
            return;
        }
        if (withScores && type == LEX) {
            out.error("ERR syntax error, WITHSCORES not supported in combination with BYLEX");
            return;
        }
        // The by-score and by-lex forms take the range as max, min when reversed.
        int minArg = reverse && type != RANK ? 3 : 2;
        int maxArg = reverse && type != RANK ? 2 : 3;
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
        SortedSetValue zset = Lookup.readOrReply(keyspace, request, 1, SortedSetValue.class, Missing.EMPTY_ARRAY, out);
        if (zset == null) {
            return;
        }
        if (type == RANK) {
            byRank(zset, start, end, reverse, withScores, out);
        } else {
            byRange(zset, type == LEX, reverse, offset, limit, withScores, out);
        }
    }

    /** Redis's genericZrangebyrankCommand, including its clamping of negative and oversized indexes. */
    static void byRank(SortedSetValue zset, long start, long end, boolean reverse, boolean withScores,
                       RespWriter out) {
        long length = zset.size();
        start = RangeArguments.rankStart(start, length);
        end = RangeArguments.rankEnd(end, length);
        if (start > end) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        long count = end - start + 1;
        SkipList list = zset.list();
        SkipList.Node node;
        if (reverse) {
            node = start > 0 ? list.byRank(length - start) : list.last();
        } else {
            node = start > 0 ? list.byRank(start + 1) : list.first();
        }
        SortedSetCommands.rangeHeader(count, withScores, out);
        for (long i = 0; i < count; i++) {
            SortedSetCommands.writeNode(node, withScores, out);
            node = reverse ? node.previous() : node.next();
        }
    }

    /**
     * Redis's genericZrangebyscoreCommand/genericZrangebylexCommand: skip {@code offset} members from the
     * first in range (a negative offset yields nothing), then emit at most {@code limit} (negative: all).
     */
    private void byRange(SortedSetValue zset, boolean lex, boolean reverse, long offset, long limit,
                         boolean withScores, RespWriter out) {
        SkipList list = zset.list();
        SkipList.Node node;
        if (lex) {
            node = reverse ? list.lastInRange(lexRange) : list.firstInRange(lexRange);
        } else {
            node = reverse ? list.lastInRange(scoreRange) : list.firstInRange(scoreRange);
        }
        if (offset < 0) {
            node = null;
        }
        while (node != null && offset-- > 0) {
            node = reverse ? node.previous() : node.next();
        }
        // Count first, so the array header can be written before the members.
        long count = 0;
        SkipList.Node first = node;
        while (node != null && limit-- != 0 && inRange(node, lex, reverse)) {
            count++;
            node = reverse ? node.previous() : node.next();
        }
        SortedSetCommands.rangeHeader(count, withScores, out);
        node = first;
        for (long i = 0; i < count; i++) {
            SortedSetCommands.writeNode(node, withScores, out);
            node = reverse ? node.previous() : node.next();
        }
    }

    /** The far end of the range, checked while walking from the near end. */
    private boolean inRange(SkipList.Node node, boolean lex, boolean reverse) {
        if (lex) {
            return reverse ? lexRange.aboveMin(node.key()) : lexRange.belowMax(node.key());
        }
        return reverse ? scoreRange.aboveMin(node.score()) : scoreRange.belowMax(node.score());
    }
}
