package io.nioredis.command.replication;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.replication.Replica;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * REPLCONF option value ...: what a replica tells its master before and after PSYNC (replication.c
 * replconfCommand). ACK is the one option that is never answered; GETACK is answered only by a replica to
 * its master, with {@code REPLCONF ACK <offset>}, and ignored elsewhere as Redis ignores it.
 */
final class ReplconfCommand implements Command {
    /** Redis 7.0's NET_HOST_STR_LEN: an announced address (a host name is allowed) must be shorter. */
    private static final int MAX_IP_LENGTH = 256;

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() % 2 == 0) {
            out.raw(Errors.SYNTAX);
            return;
        }
        Replica replica = ClientReplicaChannel.of(client);
        for (int j = 1; j < request.argc(); j += 2) {
            String option = request.string(j).toLowerCase(java.util.Locale.ROOT);
            switch (option) {
                case "listening-port" -> {
                    if (!request.isLong(j + 1)) {
                        out.raw(Errors.NOT_INTEGER);
                        return;
                    }
                    replica.listeningPort((int) request.longValue(j + 1));
                }
                case "ip-address" -> {
                    if (request.length(j + 1) >= MAX_IP_LENGTH) {
                        out.raw(Errors.replconfIpTooLong(request.length(j + 1)));
                        return;
                    }
                    replica.announcedIp(request.string(j + 1));
                }
                case "capa" -> replica.capability(request.string(j + 1));
                case "ack" -> {
                    // No reply, ever: the replica does not read one.
                    if (replica.attached() && request.isLong(j + 1)) {
                        client.server().replication.ack(replica, request.longValue(j + 1),
                                client.server().clock.millis());
                    }
                    return;
                }
                case "getack" -> {
                    if (client.isMaster()) {
                        client.server().replicaLink.sendAck(); // the one thing a replica says to its master
                    }
                    return;
                }
                case "rdb-only" -> {
                    if (!request.isLong(j + 1) || request.longValue(j + 1) < 0 || request.longValue(j + 1) > 1) {
                        out.raw(request.isLong(j + 1) ? Errors.RDB_ONLY_RANGE : Errors.NOT_INTEGER);
                        return;
                    }
                    replica.rdbOnly(request.longValue(j + 1) == 1);
                }
                default -> {
                    out.raw(Errors.replconfUnknownOption(request.string(j)));
                    return;
                }
            }
        }
        out.raw(Replies.OK);
    }
}
