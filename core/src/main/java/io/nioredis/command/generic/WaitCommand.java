package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * WAIT numreplicas timeout: the number of replicas that acknowledged this client's writes. This server has
 * no replicas, so the answer is 0, given at once. Redis checks the arguments the same way, and answers 0
 * at once too when numreplicas is 0 or less or inside MULTI; asked for replicas it would first wait out the
 * timeout (forever for 0) to give the same answer.
 */
final class WaitCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (!request.isLong(1)) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        if (!request.isLong(2)) {
            out.raw(Errors.TIMEOUT_NOT_INTEGER);
            return;
        }
        if (request.longValue(2) < 0) {
            out.raw(Errors.WAIT_TIMEOUT_NEGATIVE);
            return;
        }
        out.raw(Replies.ZERO);
    }
}
