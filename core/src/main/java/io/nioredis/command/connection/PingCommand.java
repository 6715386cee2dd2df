package io.nioredis.command.connection;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * PING [message]: +PONG, or the message as a bulk string. A RESP2 connection with subscriptions gets
 * {@code ["pong", message or ""]} instead, as Redis, since it may only receive arrays there.
 */
final class PingCommand implements Command {
    private static final byte[] PONG = {'p', 'o', 'n', 'g'};

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 2) {
            out.error(Errors.wrongArity("ping"));
        } else if (client.protocol() == 2 && client.subscriptions().total() > 0) {
            out.arrayHeader(2);
            out.bulk(PONG);
            if (request.argc() == 2) {
                out.bulk(request.array(), request.offset(1), request.length(1));
            } else {
                out.bulk(PONG, 0, 0);
            }
        } else if (request.argc() == 2) {
            out.bulk(request.array(), request.offset(1), request.length(1));
        } else {
            out.raw(Replies.PONG);
        }
    }
}
