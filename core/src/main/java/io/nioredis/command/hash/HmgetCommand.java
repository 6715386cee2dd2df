package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;

/** HMGET key field [field ...]: one value or nil per field; a missing key gives all nils. */
final class HmgetCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int slot = client.keyspace().lookupRead(request.array(), request.offset(1), request.length(1));
        if (Lookup.checkType(client.keyspace(), slot, HashValue.class, out)) {
            return;
        }
        HashValue hash = slot < 0 ? null : (HashValue) client.keyspace().entry(slot);
        out.arrayHeader(request.argc() - 2);
        for (int i = 2; i < request.argc(); i++) {
            int h = hash == null ? -1 : hash.find(request.array(), request.offset(i), request.length(i));
            if (h < 0) {
                out.nullValue();
            } else {
                out.bulk(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h));
            }
        }
    }
}
