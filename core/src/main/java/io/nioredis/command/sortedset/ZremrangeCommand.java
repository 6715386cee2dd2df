package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.command.RangeArguments;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.LexRange;
import io.nioredis.value.ScoreRange;
import io.nioredis.value.SortedSetValue;

/**
 * ZREMRANGEBYRANK key start stop, ZREMRANGEBYSCORE key min max and ZREMRANGEBYLEX key min max: the number
 * of members removed (Redis's zremrangeGenericCommand). The range is parsed before the key is looked up.
 */
final class ZremrangeCommand implements Command {
    static final int RANK = 0;
    static final int SCORE = 1;
    static final int LEX = 2;
    private static final String[] EVENTS = {"zremrangebyrank", "zremrangebyscore", "zremrangebylex"};

    private final int type;
    private final ScoreRange scoreRange = new ScoreRange();
    private final LexRange lexRange = new LexRange();

    ZremrangeCommand(int type) {
        this.type = type;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        long start = 0;
        long end = 0;
        if (type == RANK) {
            if (!request.isLong(2) || !request.isLong(3)) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            start = request.longValue(2);
            end = request.longValue(3);
        } else if (type == SCORE) {
            if (!RangeArguments.score(request, 2, 3, scoreRange)) {
                out.raw(Errors.RANGE_NOT_FLOAT);
                return;
            }
        } else if (!RangeArguments.lex(request, 2, 3, lexRange)) {
            out.raw(Errors.RANGE_NOT_STRING);
            return;
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        SortedSetValue zset = Lookup.writeOrReply(keyspace, request, 1, SortedSetValue.class, Missing.ZERO, out);
        if (zset == null) {
            return;
        }
        long before = zset.memoryUsage();
        long removed = 0;
        if (type == RANK) {
            start = RangeArguments.rankStart(start, zset.size());
            end = RangeArguments.rankEnd(end, zset.size());
            if (start > end) {
                out.raw(Replies.ZERO);
                return;
            }
            zset.removeRanks(start, end);
            removed = end - start + 1;
        } else {
            // Walk from the first member in range while members stay in range, as Redis's
            // zslDeleteRangeByScore/ByLex do (which matters for lex ranges over mixed scores).
            long first = type == SCORE ? zset.firstRankInRange(scoreRange) : zset.firstRankInLexRange(lexRange);
            if (first >= 0) {
                long last = first;
                long size = zset.size();
                while (last + 1 < size && (type == SCORE ? scoreRange.belowMax(zset.score(last + 1))
                        : lexRange.belowMax(zset.memberArray(last + 1), zset.memberOffset(last + 1),
                                zset.memberLength(last + 1)))) {
                    last++;
                }
                zset.removeRanks(first, last);
                removed = last - first + 1;
            }
        }
        if (removed == 0) {
            out.raw(Replies.ZERO);
            return;
        }
        keyspace.adjustMemory(zset.memoryUsage() - before);
        keyspace.changed(KeyspaceEvents.ZSET, EVENTS[type], b, koff, klen);
        keyspace.deleteIfEmpty(zset);
        out.integer(removed);
    }
}
