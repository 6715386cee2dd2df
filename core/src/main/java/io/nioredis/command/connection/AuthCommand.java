package io.nioredis.command.connection;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * AUTH password, AUTH username password. With no password configured the one-argument form is an error
 * (Redis 7.0 says the default user has none), while {@code AUTH default anything} succeeds, because the
 * default user is then "nopass".
 */
final class AuthCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.raw(Errors.SYNTAX);
            return;
        }
        // As Redis, the credentials never reach SLOWLOG or MONITOR, whatever the outcome.
        client.redactArgument(1);
        boolean withUser = request.argc() == 3;
        if (withUser) {
            client.redactArgument(2);
        }
        if (!withUser && !client.server().authenticator.passwordRequired()) {
            out.raw(Errors.AUTH_WITHOUT_PASSWORD);
            return;
        }
        if (client.authenticate(request, withUser ? 1 : -1, withUser ? 2 : 1)) {
            out.raw(Replies.OK);
        } else {
            AuthFailures.record(client, withUser ? request.string(1) : "default");
            out.raw(Errors.WRONGPASS);
        }
    }
}
