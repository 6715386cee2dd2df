package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;

/** HSTRLEN key field: the length of the field's value, 0 if the key or field is missing. */
final class HstrlenCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        HashValue hash = Lookup.readOrReply(client.keyspace(), request, 1, HashValue.class, Missing.ZERO, out);
        if (hash != null) {
            int h = hash.find(request.array(), request.offset(2), request.length(2));
            out.integer(h < 0 ? 0 : hash.valueLength(h));
        }
    }
}
