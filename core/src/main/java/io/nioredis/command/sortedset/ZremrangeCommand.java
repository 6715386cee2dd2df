package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.RangeArguments;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.LexRange;
import io.nioredis.value.ScoreRange;
import io.nioredis.value.SkipList;
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
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        SortedSetValue zset = SortedSetCommands.asZset(keyspace, slot);
        if (zset == null) {
            out.raw(Errors.WRONG_TYPE);
            return;
        }
        SkipList list = zset.list();
        long before = zset.memoryUsage();
        long removed = 0;
        if (type == RANK) {
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
                out.raw(Replies.ZERO);
                return;
            }
            if (end >= length) {
                end = length - 1;
            }
            SkipList.Node node = list.byRank(start + 1);
            for (long i = start; i <= end; i++) {
                SkipList.Node next = node.next();
                zset.remove(node);
                node = next;
                removed++;
            }
        } else {
            // Walk from the first member in range while members stay in range, as Redis's
            // zslDeleteRangeByScore/ByLex do (which matters for lex ranges over mixed scores).
            SkipList.Node node = type == SCORE ? list.firstInRange(scoreRange) : zset.firstInLexRange(lexRange);
            while (node != null && (type == SCORE ? scoreRange.belowMax(node.score()) : lexRange.belowMax(node.key()))) {
                SkipList.Node next = node.next();
                zset.remove(node);
                node = next;
                removed++;
            }
        }
        if (removed == 0) {
            out.raw(Replies.ZERO);
            return;
        }
        keyspace.adjustMemory(zset.memoryUsage() - before);
        SortedSetCommands.changedAndDeleteIfEmpty(keyspace, slot, zset, EVENTS[type], b, koff, klen);
        out.integer(removed);
    }
}
