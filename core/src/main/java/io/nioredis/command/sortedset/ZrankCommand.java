package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SkipList;
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
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.nullValue();
            return;
        }
        SortedSetValue zset = SortedSetCommands.asZset(keyspace, slot);
        if (zset == null) {
            out.raw(Errors.WRONG_TYPE);
            return;
        }
        SkipList.Node node = zset.find(request.array(), request.offset(2), request.length(2));
        if (node == null) {
            out.nullValue();
            return;
        }
        long rank = zset.list().rank(node);
        out.integer(reverse ? zset.size() - rank : rank - 1);
    }
}
