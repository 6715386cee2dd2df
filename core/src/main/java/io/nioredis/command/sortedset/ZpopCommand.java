package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.command.set.SetCommands;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SortedSetValue;

/**
 * ZPOPMIN and ZPOPMAX key [count]: removes and returns the lowest or highest members with their scores.
 * The reply is a flat [member, score, ...] array, except that Redis 7.0 nests [member, score] pairs in
 * RESP3 when a count was given; a missing key gives an empty array in both protocols.
 */
final class ZpopCommand implements Command {
    private final boolean max;

    ZpopCommand(boolean max) {
        this.max = max;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.raw(Errors.SYNTAX);
            return;
        }
        boolean withCount = request.argc() == 3;
        long count = 1;
        if (withCount) {
            count = SetCommands.positiveCountOrReply(request, 2, out);
            if (count < 0) {
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1);
        int klen = request.length(1);
        SortedSetValue zset = Lookup.writeOrReply(keyspace, request, 1, SortedSetValue.class, Missing.EMPTY_ARRAY, out);
        if (zset == null) {
            return;
        }
        if (count == 0) {
            out.raw(Replies.EMPTY_ARRAY);
            return;
        }
        long n = Math.min(count, zset.size());
        boolean nested = withCount && out.protocol() == 3;
        out.arrayHeader(nested ? n : n * 2);
        long before = zset.memoryUsage();
        long size = zset.size();
        for (long i = 0; i < n; i++) {
            long rank = max ? size - 1 - i : i;
            SortedSetCommands.writeMember(zset, rank, nested, out);
            if (!nested) {
                out.doubleValue(zset.score(rank));
            }
        }
        zset.removeRanks(max ? size - n : 0, max ? size - 1 : n - 1);
        keyspace.adjustMemory(zset.memoryUsage() - before);
        keyspace.changed(KeyspaceEvents.ZSET, max ? "zpopmax" : "zpopmin", b, koff, klen);
        keyspace.deleteIfEmpty(zset);
    }
}
