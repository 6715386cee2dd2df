package io.nioredis.command.persistence;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** BGSAVE [SCHEDULE], as bgsaveCommand. */
final class BgsaveCommand implements Command {
    private static final byte[] SCHEDULE = {'s', 'c', 'h', 'e', 'd', 'u', 'l', 'e'};
    private static final byte[] STARTED = "+Background saving started\r\n".getBytes();
    private static final byte[] SCHEDULED = "+Background saving scheduled\r\n".getBytes();

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 2 || (request.argc() == 2 && !request.is(1, SCHEDULE))) {
            out.raw(Errors.SYNTAX);
            return;
        }
        if (client.server().aof.rewriteInProgress() && !client.server().persistence.backgroundSaveInProgress()) {
            // As Redis while another child (the AOF rewrite) runs: refused, or queued for when it ends.
            if (request.argc() == 2) {
                client.server().aof.scheduleBackgroundSave();
                out.raw(SCHEDULED);
            } else {
                out.raw(Errors.BGSAVE_CHILD_ACTIVE);
            }
            return;
        }
        switch (client.server().persistence.backgroundSave()) {
            case STARTED -> out.raw(STARTED);
            case ALREADY_IN_PROGRESS -> out.raw(Errors.BACKGROUND_SAVE_IN_PROGRESS);
            case FAILED -> out.raw(Errors.SAVE_FAILED);
        }
    }
}
