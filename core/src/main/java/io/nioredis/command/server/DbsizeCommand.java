package io.nioredis.command.server;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** DBSIZE: keys in the selected database, including expired ones not yet reclaimed, as in Redis. */
final class DbsizeCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        out.integer(client.keyspace().size());
    }
}
