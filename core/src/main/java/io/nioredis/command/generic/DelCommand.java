package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;

/** DEL key [key ...]: the number of keys removed. */
final class DelCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        long deleted = 0;
        for (int i = 1; i < request.argc(); i++) {
            if (keyspace.delete(request.array(), request.offset(i), request.length(i))) {
                keyspace.changed(KeyspaceEvents.GENERIC, "del", request.array(), request.offset(i), request.length(i));
                deleted++;
            }
        }
        out.integer(deleted);
    }
}
