package io.nioredis.command.server;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * SHUTDOWN [NOSAVE|SAVE] [NOW] [FORCE] [ABORT], as Redis 7.0's shutdownCommand and finishShutdown. A
 * successful shutdown sends no reply; the connection just closes. A shutdown that saves (SAVE, or save
 * points configured without NOSAVE) first lets a running background save finish, then writes the final
 * snapshot; if that fails it replies with the error and keeps running, unless FORCE says to exit anyway.
 * Shutdown never waits (there are no replicas to catch up), so there is never one in progress to ABORT,
 * and NOW changes nothing.
 */
final class ShutdownCommand implements Command {
    private static final byte[] NOSAVE = {'n', 'o', 's', 'a', 'v', 'e'};
    private static final byte[] SAVE = {'s', 'a', 'v', 'e'};
    private static final byte[] NOW = {'n', 'o', 'w'};
    private static final byte[] FORCE = {'f', 'o', 'r', 'c', 'e'};
    private static final byte[] ABORT = {'a', 'b', 'o', 'r', 't'};

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        boolean nosave = false;
        boolean save = false;
        boolean now = false;
        boolean force = false;
        boolean abort = false;
        for (int i = 1; i < request.argc(); i++) {
            if (request.is(i, NOSAVE)) {
                nosave = true;
            } else if (request.is(i, SAVE)) {
                save = true;
            } else if (request.is(i, NOW)) {
                now = true;
            } else if (request.is(i, FORCE)) {
                force = true;
            } else if (request.is(i, ABORT)) {
                abort = true;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if ((abort && (nosave || save || now || force)) || (nosave && save)) {
            out.raw(Errors.SYNTAX);
            return;
        }
        if (abort) {
            out.raw(Errors.NO_SHUTDOWN_IN_PROGRESS);
            return;
        }
        ServerState server = client.server();
        if (!nosave && server.scripting.running.timedOut()) {
            // As Redis: while a script runs long only SHUTDOWN NOSAVE may stop the server.
            out.error(server.scripting.running.busyError());
            return;
        }
        server.log.warning("User requested shutdown...");
        server.persistence.abortBackgroundSave();
        if (save || (!nosave && server.persistence.hasSavePoints())) {
            server.log.notice("Saving the final RDB snapshot before exiting.");
            if (!server.persistence.save()) {
                if (force) {
                    server.log.warning("Error trying to save the DB. Exit anyway.");
                } else {
                    server.log.warning("Error trying to save the DB, can't exit.");
                    server.log.warning("Errors trying to shut down the server. Check the logs for more information.");
                    out.raw(Errors.SHUTDOWN_FAILED);
                    return;
                }
            }
        }
        server.shutdownRequested = true;
        client.closeAfterReply(true);
    }
}
