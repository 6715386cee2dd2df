package io.nioredis.command;

import io.nioredis.client.Client;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * One Redis command (or family). The dispatcher has already checked the arity, so an implementation first
 * parses its arguments, replying with an error and returning if they are wrong, then applies itself to the
 * keyspace and writes exactly one reply.
 */
@FunctionalInterface
public interface Command {
    void execute(Client client, Request request, RespWriter out);
}
