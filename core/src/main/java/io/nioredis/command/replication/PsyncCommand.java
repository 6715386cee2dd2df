package io.nioredis.command.replication;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.replication.Replica;
import io.nioredis.replication.Replication;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;

/**
 * PSYNC replid offset and SYNC (replication.c syncCommand): a partial resync ({@code +CONTINUE} and the
 * missed part of the backlog) when the replica's history is held, else a full one: {@code +FULLRESYNC replid
 * offset} (PSYNC only) and the background snapshot, streamed to the socket or saved and sent, once
 * {@link io.nioredis.replication.FullSync} has started or found one for the replica.
 */
final class PsyncCommand implements Command {
    private final boolean psync;

    PsyncCommand(boolean psync) {
        this.psync = psync;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (client.isReplica()) {
            return; // already a replica: ignored, as Redis ignores it
        }
        ServerState server = client.server();
        if (psync && request.argc() > 3 && request.string(3).equalsIgnoreCase("failover")) {
            // This replica's master hands over (FAILOVER): it becomes the master, and the PSYNC goes on
            // to continue the shared history as the old master's replica.
            if (!request.string(1).equalsIgnoreCase(server.replication.replid())) {
                out.raw(Errors.PSYNC_FAILOVER_REPLID_MISMATCH);
                return;
            }
            server.replicaLink.unfollow();
            server.log.notice("Failover request received for replid " + request.string(1) + ", from id="
                    + client.id() + " addr=" + client.link().address() + ".");
        }
        if (server.failover.state() != io.nioredis.replication.Failover.State.NONE) {
            out.raw(Errors.NOMASTERLINK_DURING_FAILOVER);
            return;
        }
        if (out.size() > 0 || client.link().outputBufferBytes() > 0) {
            out.raw(Errors.SYNC_WITH_PENDING_OUTPUT);
            return;
        }
        if (server.replicaLink.following() && !server.replicaLink.streaming()) {
            out.raw(Errors.NOMASTERLINK); // a replica serves only the history it has from a live master
            return;
        }
        Replication replication = server.replication;
        Replica replica = ClientReplicaChannel.of(client);
        server.log.notice("Replica " + replica.ip() + ":" + replica.listeningPort() + " asks for synchronization");
        if (psync) {
            if (!request.isLong(2)) {
                out.raw(Errors.NOT_INTEGER);
                return;
            }
            long psyncOffset = request.longValue(2);
            if (!replica.rdbOnly() && replication.canContinue(request.string(1), psyncOffset)) {
                out.raw(ascii(replica.capaPsync2() ? "+CONTINUE " + replication.replid() + "\r\n" : "+CONTINUE\r\n"));
                byte[] missed = replication.continueSync(replica, psyncOffset);
                out.raw(missed);
                server.log.notice("Partial resynchronization request from " + replica.ip() + ":"
                        + replica.listeningPort() + " accepted. Sending " + missed.length
                        + " bytes of backlog starting from offset " + psyncOffset + ".");
                return;
            }
        }
        if (server.config.getBoolean("repl-disable-tcp-nodelay")) {
            client.link().coalesceWrites(); // fewer, fuller packets to the replica, at some delay (Redis's syncCommand)
        }
        replication.startFullSync(replica, !psync, server.clock.millis());
        server.fullSync.requested(replica);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
