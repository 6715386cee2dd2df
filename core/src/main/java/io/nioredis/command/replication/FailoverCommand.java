package io.nioredis.command.replication;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.replication.Failover;
import io.nioredis.replication.Replica;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * FAILOVER [TO host port [FORCE]] [ABORT] [TIMEOUT milliseconds] (replication.c failoverCommand): checks
 * its arguments in Redis's order (each option once, then the server's state, then the target) and starts
 * the hand-over that {@link Failover} carries out; ABORT stands alone.
 */
final class FailoverCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        ServerState server = client.server();
        Failover failover = server.failover;
        if (server.cluster != null) {
            out.raw(Errors.FAILOVER_IN_CLUSTER);
            return;
        }
        if (request.argc() == 2 && request.string(1).equalsIgnoreCase("abort")) {
            if (failover.state() == Failover.State.NONE) {
                out.raw(Errors.NO_FAILOVER_IN_PROGRESS);
                return;
            }
            failover.abort("Failover manually aborted");
            out.raw(Replies.OK);
            return;
        }
        long timeout = 0;
        boolean force = false;
        long port = 0;
        String host = null;
        for (int j = 1; j < request.argc(); j++) {
            String option = request.string(j);
            if (option.equalsIgnoreCase("timeout") && j + 1 < request.argc() && timeout == 0) {
                if (!request.isLong(j + 1)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                timeout = request.longValue(j + 1);
                if (timeout <= 0) {
                    out.raw(Errors.FAILOVER_TIMEOUT_NOT_POSITIVE);
                    return;
                }
                j++;
            } else if (option.equalsIgnoreCase("to") && j + 2 < request.argc() && host == null) {
                if (!request.isLong(j + 2)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                port = request.longValue(j + 2);
                host = request.string(j + 1);
                j += 2;
            } else if (option.equalsIgnoreCase("force") && !force) {
                force = true;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if (failover.state() != Failover.State.NONE) {
            out.raw(Errors.FAILOVER_ALREADY_IN_PROGRESS);
            return;
        }
        if (server.replicaLink.following()) {
            out.raw(Errors.FAILOVER_ON_REPLICA);
            return;
        }
        if (server.replication.replicas().isEmpty()) {
            out.raw(Errors.FAILOVER_WITHOUT_REPLICAS);
            return;
        }
        if (force && (timeout == 0 || host == null)) {
            out.raw(Errors.FAILOVER_FORCE_NEEDS_TIMEOUT_AND_TARGET);
            return;
        }
        if (host != null) {
            Replica target = port == (int) port ? failover.findReplica(host, (int) port) : null;
            if (target == null) {
                out.raw(Errors.FAILOVER_TARGET_NOT_A_REPLICA);
                return;
            }
            if (target.state() != Replica.State.ONLINE) {
                out.raw(Errors.FAILOVER_TARGET_NOT_ONLINE);
                return;
            }
        }
        long now = server.clock.millis();
        failover.begin(host, (int) port, timeout == 0 ? 0 : now + timeout, force);
        out.raw(Replies.OK);
    }
}
