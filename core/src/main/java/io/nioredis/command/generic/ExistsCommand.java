package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;

/** EXISTS key [key ...]: how many of the arguments exist, a key named twice counting twice. */
final class ExistsCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        long found = 0;
        for (int i = 1; i < request.argc(); i++) {
            if (keyspace.lookupRead(request.array(), request.offset(i), request.length(i)) >= 0) {
                found++;
            }
        }
        out.integer(found);
    }
}
