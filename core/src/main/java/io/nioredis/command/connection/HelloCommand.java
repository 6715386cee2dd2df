package io.nioredis.command.connection;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.ServerState;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * HELLO [protover [AUTH username password] [SETNAME clientname]]: switches the connection to RESP2 or
 * RESP3 and replies with the server's map, as Redis 7.0's helloCommand (options checked in order,
 * authentication before the name, the protocol switched before the reply is written).
 */
final class HelloCommand implements Command {
    private static final byte[] AUTH = {'a', 'u', 't', 'h'};
    private static final byte[] SETNAME = {'s', 'e', 't', 'n', 'a', 'm', 'e'};
    private static final byte[] DEFAULT_USER = {'d', 'e', 'f', 'a', 'u', 'l', 't'};

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int version = 0;
        if (request.argc() >= 2) {
            if (!request.isLong(1)) {
                out.error("ERR Protocol version is not an integer or out of range");
                return;
            }
            long v = request.longValue(1);
            if (v < 2 || v > 3) {
                out.error("NOPROTO unsupported protocol version");
                return;
            }
            version = (int) v;
        }
        int authArg = -1;
        int nameArg = -1;
        for (int j = 2; j < request.argc(); j++) {
            int more = request.argc() - 1 - j;
            if (request.is(j, AUTH) && more >= 2) {
                client.redactArgument(j + 1); // hidden from SLOWLOG and MONITOR even if a later option fails
                client.redactArgument(j + 2);
                authArg = j + 1;
                j += 2;
            } else if (request.is(j, SETNAME) && more >= 1) {
                nameArg = j + 1;
                j++;
            } else {
                out.error("ERR Syntax error in HELLO option '" + request.string(j) + "'");
                return;
            }
        }
        if (authArg >= 0 && !authenticate(client, request, authArg, authArg + 1)) {
            AuthFailures.record(client, request.string(authArg));
            out.error("WRONGPASS invalid username-password pair or user is disabled.");
            return;
        }
        if (nameArg >= 0 && !ClientCommand.setNameOrReply(client, request, nameArg, out)) {
            return;
        }
        if (version != 0) {
            client.protocol(version);
            out.protocol(version);
        }
        out.mapHeader(7);
        out.bulk("server");
        out.bulk("redis");
        out.bulk("version");
        out.bulk(ServerState.REDIS_VERSION);
        out.bulk("proto");
        out.integer(client.protocol());
        out.bulk("id");
        out.integer(client.id());
        out.bulk("mode");
        out.bulk("standalone");
        out.bulk("role");
        out.bulk(client.server().replicaLink.following() ? "replica" : "master");
        out.bulk("modules");
        out.arrayHeader(0);
    }

    /**
     * The one place HELLO checks credentials: only the default user exists, and with an empty
     * {@code requirepass} it has no password, so any password is accepted for it, as in Redis.
     */
    static boolean authenticate(Client client, Request request, int userArg, int passArg) {
        if (!request.is(userArg, DEFAULT_USER)) {
            return false;
        }
        String required = client.server().config.get("requirepass");
        return required == null || required.isEmpty() || required.equals(request.string(passArg));
    }
}
