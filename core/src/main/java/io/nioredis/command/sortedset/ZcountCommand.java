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
import io.nioredis.value.LexRange;
import io.nioredis.value.ScoreRange;
import io.nioredis.value.SortedSetValue;

/**
 * ZCOUNT key min max and ZLEXCOUNT key min max: the members in a score or lex range, from the ranks of the
 * first and last member in range, so O(log n) whatever the count.
 */
final class ZcountCommand implements Command {
    private final boolean lex;
    private final ScoreRange scoreRange = new ScoreRange();
    private final LexRange lexRange = new LexRange();

    ZcountCommand(boolean lex) {
        this.lex = lex;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (lex ? !RangeArguments.lex(request, 2, 3, lexRange) : !RangeArguments.score(request, 2, 3, scoreRange)) {
            out.raw(lex ? Errors.RANGE_NOT_STRING : Errors.RANGE_NOT_FLOAT);
            return;
        }
        Keyspace keyspace = client.keyspace();
        SortedSetValue zset = Lookup.readOrReply(keyspace, request, 1, SortedSetValue.class, Missing.ZERO, out);
        if (zset == null) {
            return;
        }
        if (lex) {
            out.integer(zset.countInLexRange(lexRange));
            return;
        }
        long first = zset.firstRankInRange(scoreRange);
        if (first < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        out.integer(zset.lastRankInRange(scoreRange) - first + 1);
    }
}
