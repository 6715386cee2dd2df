package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.ExpireTime;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * SETEX key seconds value and PSETEX key milliseconds value: SET with EX or PX through SET's shared
 * path, the time checked first and named after the command in its error.
 */
final class SetexCommand implements Command {
    private final String name;
    private final boolean seconds;

    SetexCommand(String name, boolean seconds) {
        this.name = name;
        this.seconds = seconds;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int mode = ExpireTime.RELATIVE | (seconds ? ExpireTime.SECONDS : 0);
        long deadline = ExpireTime.deadlineOrReply(request, 2, mode, client.keyspace().now(), name, out);
        if (deadline == ExpireTime.INVALID) {
            return;
        }
        SetCommand.set(client, request, 1, 3, seconds ? SetCommand.EX : SetCommand.PX, deadline, out);
    }
}
