package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;

/** HGET key field: the value or nil, straight from the stored array into the reply. */
final class HgetCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        HashValue hash = Lookup.readOrReply(client.keyspace(), request, 1, HashValue.class, Missing.NULL, out);
        if (hash == null) {
            return;
        }
        int h = hash.find(request.array(), request.offset(2), request.length(2));
        if (h < 0) {
            out.nullValue();
        } else {
            out.bulk(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h));
        }
    }
}
