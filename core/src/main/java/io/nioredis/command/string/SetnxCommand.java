package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** SETNX key value: SET ... NX replying 1 or 0, through SET's shared path. */
final class SetnxCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        SetCommand.set(client, request, 1, 2, SetCommand.NX, -1, Replies.ONE, Replies.ZERO, out);
    }
}
