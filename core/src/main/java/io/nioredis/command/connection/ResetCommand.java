package io.nioredis.command.connection;

import io.nioredis.client.Client;
import io.nioredis.command.Command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;

/**
 * RESET: back to a fresh connection's state, as Redis's clearClientConnectionState: MULTI discarded,
 * watches and subscriptions dropped, database 0, RESP2, no name, replies on.
 */
final class ResetCommand implements Command {
    private static final byte[] RESET = "+RESET\r\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        client.disconnected();
        client.select(0);
        client.protocol(2);
        out.protocol(2);
        client.name(null);
        client.settings().reset();
        out.raw(RESET);
    }
}
