package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;

/** HLEN key: the number of fields, 0 if missing. */
final class HlenCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int slot = client.keyspace().lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        HashValue hash = HashCommands.hashOrReply(client.keyspace(), slot, out);
        if (hash != null) {
            out.integer(hash.size());
        }
    }
}
