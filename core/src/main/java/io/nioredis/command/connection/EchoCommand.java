package io.nioredis.command.connection;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** ECHO message. */
final class EchoCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        out.bulk(request.array(), request.offset(1), request.length(1));
    }
}
