package io.nioredis.command.persistence;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.persistence.Persistence;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/** SAVE, as saveCommand: refused while a background save runs, else the snapshot written before replying. */
final class SaveCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Persistence persistence = client.server().persistence;
        if (persistence.backgroundSaveInProgress()) {
            out.raw(Errors.BACKGROUND_SAVE_IN_PROGRESS);
        } else if (persistence.save()) {
            out.raw(Replies.OK);
        } else {
            out.raw(Errors.SAVE_FAILED);
        }
    }
}
