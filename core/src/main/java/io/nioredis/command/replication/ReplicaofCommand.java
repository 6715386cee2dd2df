package io.nioredis.command.replication;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.replication.ReplicaLink;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;

/**
 * REPLICAOF host port | NO ONE, and SLAVEOF (replication.c replicaofCommand): follow a master, answering
 * {@code +OK Already connected to specified master} when it is the one followed already; or become a master
 * again keeping the data. Runs inside MULTI too, as Sentinel sends it there.
 */
final class ReplicaofCommand implements Command {
    private static final byte[] ALREADY_CONNECTED =
            "+OK Already connected to specified master\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        ServerState server = client.server();
        ReplicaLink link = server.replicaLink;
        if (server.cluster != null) {
            out.raw(Errors.REPLICAOF_IN_CLUSTER); // a cluster node's master is the one its nodes file names
            return;
        }
        if (request.string(1).equalsIgnoreCase("no") && request.string(2).equalsIgnoreCase("one")) {
            if (link.following()) {
                link.unfollow();
                server.log.notice("MASTER MODE enabled (user request from 'id=" + client.id() + " addr="
                        + client.link().address() + "')");
            }
            out.raw(Replies.OK);
            return;
        }
        if (client.isReplica()) {
            out.raw(Errors.REPLICAOF_FROM_REPLICA); // it would drop this very client with the other replicas
            return;
        }
        if (!request.isLong(2) || request.longValue(2) < 0 || request.longValue(2) > 65535) {
            out.raw(Errors.INVALID_MASTER_PORT);
            return;
        }
        String host = request.string(1);
        int port = (int) request.longValue(2);
        if (link.following() && link.host().equalsIgnoreCase(host) && link.port() == port) {
            server.log.notice("REPLICAOF would result into synchronization with the master we are already"
                    + " connected with. No operation performed.");
            out.raw(ALREADY_CONNECTED);
            return;
        }
        unblockAll(client);
        link.follow(host, port);
        server.log.notice("REPLICAOF " + host + ":" + port + " enabled (user request from 'id=" + client.id()
                + " addr=" + client.link().address() + "')");
        out.raw(Replies.OK);
    }

    /**
     * Clients blocked in BLPOP and the like wait for writes a replica will not take from them: they get
     * -UNBLOCKED, as Redis's disconnectAllBlockedClients (which then also closes them; here they stay).
     */
    private static void unblockAll(Client client) {
        for (Client c : client.peers().all()) {
            if (c.blockedIn() instanceof io.nioredis.command.BlockedCall call) {
                call.unblockWithError(Errors.UNBLOCKED_ROLE_CHANGE);
            }
        }
    }
}
