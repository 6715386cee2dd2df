package io.nioredis.command.connection;

import io.nioredis.ServerState;
import io.nioredis.client.Client;

/** A failed AUTH or HELLO AUTH goes to ACL LOG, as Redis's ACLAuthenticateUser logs it. */
final class AuthFailures {
    private AuthFailures() {}

    static void record(Client client, String username) {
        ServerState server = client.server();
        String context = client.runningQueue() != null ? "multi" : "toplevel";
        String clientInfo = ClientInfo.line(client).strip(); // CLIENT INFO's line without its newline
        server.aclLog.authFailed(username, context, clientInfo, server.clock.millis(),
                server.config.getLong("acllog-max-len"));
    }
}
