package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Propagated;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** GETSET key value: SET key value GET, which also drops the TTL. */
final class GetsetCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        SetCommand.set(client, request, 1, 2, SetCommand.GET, -1, out);
        if (client.propagating()) {
            // Redis replaces only the command name: GETSET key value reaches the AOF as SET key value.
            client.propagateAs(Propagated.of(Propagated.SET, request.copy(1), request.copy(2)));
        }
    }
}
