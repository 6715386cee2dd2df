package io.nioredis.command.replication;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.replication.Replica;
import io.nioredis.replication.Replication;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * ROLE: as a master, "master", the replication offset, and each online replica's ip, port and ack; as a
 * replica, "slave", the master's address, the link's state and the offset.
 */
final class RoleCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        io.nioredis.replication.ReplicaLink link = client.server().replicaLink;
        if (link.following()) {
            // Redis's roleCommand for a replica: the link's state in its words, and the master client's offset.
            out.arrayHeader(5);
            out.bulk("slave");
            out.bulk(link.host());
            out.integer(link.port());
            out.bulk(link.inHandshake() ? "handshake" : switch (link.state()) {
                case CONNECT -> "connect";
                case CONNECTING -> "connecting";
                case TRANSFER -> "sync";
                case CONNECTED -> "connected";
                default -> "none";
            });
            out.integer(link.roleOffset());
            return;
        }
        Replication replication = client.server().replication;
        List<Replica> online = new ArrayList<>();
        for (Replica r : replication.replicas()) {
            if (r.state() == Replica.State.ONLINE) {
                online.add(r);
            }
        }
        out.arrayHeader(3);
        out.bulk("master");
        out.integer(replication.offset());
        out.arrayHeader(online.size());
        for (Replica r : online) {
            out.arrayHeader(3);
            out.bulk(r.ip());
            out.bulk(Integer.toString(r.listeningPort()));
            out.bulk(Long.toString(r.ackOffset()));
        }
    }
}
