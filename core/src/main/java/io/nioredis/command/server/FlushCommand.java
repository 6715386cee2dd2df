package io.nioredis.command.server;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * FLUSHDB and FLUSHALL [ASYNC|SYNC]. Both modes free synchronously: dropping the tables is one allocation
 * of fresh empty ones, and the garbage collector reclaims the old entries off the event loop.
 */
final class FlushCommand implements Command {
    private static final byte[] ASYNC = {'a', 's', 'y', 'n', 'c'};
    private static final byte[] SYNC = {'s', 'y', 'n', 'c'};

    private final boolean all;

    FlushCommand(boolean all) {
        this.all = all;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 2 || (request.argc() == 2 && !request.is(1, ASYNC) && !request.is(1, SYNC))) {
            out.raw(Errors.SYNTAX);
            return;
        }
        if (all) {
            client.server().databases.flushAll();
        } else {
            client.keyspace().clear();
        }
        client.propagateAlways(); // as Redis: an empty server's FLUSHALL still reaches the AOF and replicas
        out.raw(Replies.OK);
    }
}
