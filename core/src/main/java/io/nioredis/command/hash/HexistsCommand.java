package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;

/** HEXISTS key field: 1 or 0 (an integer in RESP3 too, as in Redis 7.0). */
final class HexistsCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        HashValue hash = Lookup.readOrReply(client.keyspace(), request, 1, HashValue.class, Missing.ZERO, out);
        if (hash != null) {
            boolean found = hash.find(request.array(), request.offset(2), request.length(2)) >= 0;
            out.raw(found ? Replies.ONE : Replies.ZERO);
        }
    }
}
