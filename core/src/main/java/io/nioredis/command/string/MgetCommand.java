package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;

/** MGET key [key ...]: each value, nil for a missing key or one that is not a string (no WRONGTYPE here). */
final class MgetCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        out.arrayHeader(request.argc() - 1);
        for (int j = 1; j < request.argc(); j++) {
            int slot = keyspace.lookupRead(b, request.offset(j), request.length(j));
            Object entry = slot < 0 ? null : keyspace.entry(slot);
            if (entry instanceof byte[] e) {
                int eb = keyspace.stringBase(slot);
                out.bulk(e, StringEntry.valueOffset(e, eb), StringEntry.valueLength(e, eb));
            } else {
                out.nullValue();
            }
        }
    }
}
