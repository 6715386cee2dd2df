package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.StringEntry;

/** GET key: the value straight from the packed entry into the reply buffer. */
final class GetCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] e = Lookup.readOrReply(client.keyspace(), request, 1, byte[].class, Missing.NULL, out);
        if (e == null) {
            return;
        }
        out.bulk(e, StringEntry.valueOffset(e), StringEntry.valueLength(e));
    }
}
