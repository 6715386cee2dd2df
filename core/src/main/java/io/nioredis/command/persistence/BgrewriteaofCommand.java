package io.nioredis.command.persistence;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** BGREWRITEAOF, as bgrewriteaofCommand: started, scheduled behind a BGSAVE, or refused while one runs. */
final class BgrewriteaofCommand implements Command {
    private static final byte[] STARTED = "+Background append only file rewriting started\r\n".getBytes();
    private static final byte[] SCHEDULED = "+Background append only file rewriting scheduled\r\n".getBytes();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        switch (client.server().aof.backgroundRewrite()) {
            case STARTED -> out.raw(STARTED);
            case SCHEDULED -> out.raw(SCHEDULED);
            case ALREADY_IN_PROGRESS -> out.raw(Errors.AOF_REWRITE_IN_PROGRESS);
            case FAILED -> out.raw(Errors.AOF_REWRITE_FAILED);
        }
    }
}
