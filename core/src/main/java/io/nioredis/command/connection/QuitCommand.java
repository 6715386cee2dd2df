package io.nioredis.command.connection;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** QUIT: +OK, then the connection closes once that reply is sent. */
final class QuitCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        out.raw(Replies.OK);
        client.closeAfterReply(true);
    }
}
