package io.nioredis.command.sortedset;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;

/** ZCARD key: the number of members, 0 for a missing key. */
final class ZcardCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        SortedSetValue zset = SortedSetCommands.asZset(keyspace, slot);
        if (zset == null) {
            out.raw(Errors.WRONG_TYPE);
        } else {
            out.integer(zset.size());
        }
    }
}
