package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;

/** ZRANK and ZREVRANK key member: the 0-based rank from the low or high end, nil if absent. */
final class ZrankCommand implements Command {
    private final boolean reverse;

    ZrankCommand(boolean reverse) {
        this.reverse = reverse;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        SortedSetValue zset = Lookup.readOrReply(keyspace, request, 1, SortedSetValue.class, Missing.NULL, out);
        if (zset == null) {
            return;
        }
        long rank = zset.rankOf(request.array(), request.offset(2), request.length(2));
        if (rank < 0) {
            out.nullValue();
            return;
        }
        out.integer(reverse ? zset.size() - 1 - rank : rank);
    }
}
