package io.nioredis.command.server;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE]: asks the event loop to stop. As in Redis, a successful shutdown
 * sends no reply; the connection just closes. There is nothing to save, so the save options only parse.
 */
final class ShutdownCommand implements Command {
    private static final byte[][] OPTIONS = {
        {'n', 'o', 's', 'a', 'v', 'e'}, {'s', 'a', 'v', 'e'}, {'n', 'o', 'w'}, {'f', 'o', 'r', 'c', 'e'},
    };

    private static boolean nosave(Request request) {
        for (int i = 1; i < request.argc(); i++) {
            if (request.is(i, OPTIONS[0])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        for (int i = 1; i < request.argc(); i++) {
            boolean known = false;
            for (byte[] option : OPTIONS) {
                known |= request.is(i, option);
            }
            if (!known) {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if (client.server().scripting.running.timedOut() && !nosave(request)) {
            // As Redis: while a script runs long only SHUTDOWN NOSAVE may stop the server.
            out.error(client.server().scripting.running.busyError());
            return;
        }
        client.server().shutdownRequested = true;
        client.closeAfterReply(true);
    }
}
