package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** PING [message]: +PONG, or the message as a bulk string. */
final class PingCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 2) {
            out.error(Errors.wrongArity("ping"));
        } else if (request.argc() == 2) {
            out.bulk(request.array(), request.offset(1), request.length(1));
        } else {
            out.raw(Replies.PONG);
        }
    }
}
