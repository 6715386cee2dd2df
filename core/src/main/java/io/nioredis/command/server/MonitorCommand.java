package io.nioredis.command.server;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * MONITOR: from now on the connection receives a line for every command any client runs (see
 * {@link io.nioredis.diagnostics.MonitorFeed}). As Redis 7.0's monitorCommand, it is refused inside EXEC,
 * and a second MONITOR gets no reply at all; RESET or closing the connection ends it.
 */
final class MonitorCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (client.blockingDenied()) {
            out.raw(Errors.MONITOR_DENY_BLOCKING);
            return;
        }
        if (client.monitoring()) {
            return;
        }
        client.startMonitoring();
        out.raw(Replies.OK);
    }
}
