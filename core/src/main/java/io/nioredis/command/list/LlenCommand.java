package io.nioredis.command.list;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.ListValue;

/** LLEN key: the length of the list, 0 if missing. */
final class LlenCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        ListValue list = Lookup.readOrReply(client.keyspace(), request, 1, ListValue.class, Missing.ZERO, out);
        if (list != null) {
            out.integer(list.size());
        }
    }
}
