package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.ListValue;

/** LLEN key: the length of the list, 0 if missing. */
final class LlenCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int slot = client.keyspace().lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        ListValue list = ListCommands.listOrReply(client.keyspace(), slot, out);
        if (list != null) {
            out.integer(list.size());
        }
    }
}
