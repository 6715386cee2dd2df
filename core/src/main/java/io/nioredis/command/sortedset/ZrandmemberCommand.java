package io.nioredis.command.sortedset;

import io.nioredis.command.Lookup;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * ZRANDMEMBER key [count [WITHSCORES]], as Redis's zrandmemberWithCountCommand: without a count one random
 * member (nil if none); a negative count draws that many with repetition; a count at least the size gives
 * the whole set in ZREVRANGE order (as Redis 7.0 does); a smaller one that many distinct members in random order.
 */
final class ZrandmemberCommand implements Command {
    /** As SRANDMEMBER: a repeated-members reply larger than this is refused rather than built in memory. */
    static final long MAX_REPEATED = 1 << 24;
    private static final byte[] WITHSCORES = "withscores".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        if (request.argc() == 2) {
            int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
            if (slot < 0) {
                out.nullValue();
                return;
            }
            SortedSetValue zset = Lookup.typedOrReply(keyspace, slot, SortedSetValue.class, out);
            if (zset == null) {
                return;
            }
            long rank = randomRank(zset);
            out.bulk(zset.memberArray(rank), zset.memberOffset(rank), zset.memberLength(rank));
            return;
        }
        if (!request.isLong(2)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long count = request.longValue(2);
        if (count == Long.MIN_VALUE) {
            out.raw(Errors.COUNT_OUT_OF_LONG_RANGE);
            return;
        }
        if (request.argc() > 4 || (request.argc() == 4 && !request.is(3, WITHSCORES))) {
            out.raw(Errors.SYNTAX);
            return;
        }
        boolean withScores = request.argc() == 4;
        if (withScores && (count < -Long.MAX_VALUE / 2 || count > Long.MAX_VALUE / 2)) {
            out.raw(Errors.COUNT_OUT_OF_RANGE);
            return;
        }
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        SortedSetValue zset = Lookup.typedOrReply(keyspace, slot, SortedSetValue.class, out);
        if (zset == null) {
            return;
        }
        if (count == 0) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        if (count < 0) {
            count = -count;
            if (count > MAX_REPEATED) {
                out.raw(Errors.COUNT_OUT_OF_RANGE);
                return;
            }
            SortedSetCommands.rangeHeader(count, withScores, out);
            for (long i = 0; i < count; i++) {
                SortedSetCommands.writeMember(zset, randomRank(zset), withScores, out);
            }
            return;
        }
        long size = zset.size();
        if (count >= size) {
            // Redis answers with the whole set from the highest score down, as ZREVRANGE 0 -1 does.
            ZrangeCommand.byRank(zset, 0, -1, true, withScores, out);
            return;
        }
        // Distinct and fewer than the set holds: a partial Fisher-Yates shuffle of the members.
        int n = (int) size;
        int[] ranks = new int[n];
        for (int i = 0; i < n; i++) {
            ranks[i] = i;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        SortedSetCommands.rangeHeader(count, withScores, out);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = ranks[i];
            ranks[i] = ranks[j];
            ranks[j] = t;
            SortedSetCommands.writeMember(zset, ranks[i], withScores, out);
        }
    }

    private static long randomRank(SortedSetValue zset) {
        return ThreadLocalRandom.current().nextLong(zset.size());
    }
}
