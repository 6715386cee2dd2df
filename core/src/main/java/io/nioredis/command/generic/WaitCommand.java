package io.nioredis.command.generic;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * WAIT numreplicas timeout (replication.c waitCommand): the number of replicas that acknowledged the
 * replication stream up to this client's writes. Answered at once when enough already have, or inside MULTI
 * or a script; otherwise the client blocks, a REPLCONF GETACK goes to the replicas before the loop sleeps,
 * and the answer comes when enough ACK or the timeout (milliseconds, 0 for never) passes.
 *
 * <p>The offset waited for is the stream's end when WAIT runs; Redis takes the end as of the client's
 * previous command, which is later only if other clients wrote in between.
 */
final class WaitCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (client.server().replication.following()) {
            out.raw(Errors.WAIT_ON_REPLICA);
            return;
        }
        if (!request.isLong(1)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        if (!request.isLong(2)) {
            out.raw(Errors.TIMEOUT_NOT_INTEGER);
            return;
        }
        long timeout = request.longValue(2);
        if (timeout < 0) {
            out.raw(Errors.WAIT_TIMEOUT_NEGATIVE);
            return;
        }
        ServerState server = client.server();
        long offset = server.replication.offset();
        int acked = server.replication.acknowledged(offset);
        long wanted = request.longValue(1);
        if (acked >= wanted || client.blockingDenied()) {
            out.integer(acked);
            return;
        }
        BlockedWait wait = new BlockedWait(client, offset, (int) Math.min(wanted, Integer.MAX_VALUE));
        wait.blockOn(request, 0, 0, timeout == 0 ? 0 : server.clock.millis() + timeout);
        server.replication.await(wait);
    }
}
