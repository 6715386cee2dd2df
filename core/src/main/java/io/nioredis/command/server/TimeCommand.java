package io.nioredis.command.server;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** TIME: the Unix time as two bulk strings, the seconds and the microseconds within the second. */
final class TimeCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        long micros = client.server().clock.micros();
        out.arrayHeader(2);
        out.bulk(micros / 1_000_000);
        out.bulk(micros % 1_000_000);
    }
}
