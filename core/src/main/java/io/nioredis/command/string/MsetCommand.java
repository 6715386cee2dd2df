package io.nioredis.command.string;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;

/**
 * MSET key value [key value ...] and MSETNX, which sets nothing unless none of the keys exists (Redis's
 * msetGenericCommand). Every key loses its TTL; a key named twice takes its last value.
 */
final class MsetCommand implements Command {
    private final boolean nx;

    MsetCommand(boolean nx) {
        this.nx = nx;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        int argc = request.argc();
        if (argc % 2 == 0) {
            out.error(Errors.wrongArity(nx ? "msetnx" : "mset"));
            return;
        }
        byte[] b = request.array();
        Keyspace keyspace = client.keyspace();
        if (nx) {
            for (int j = 1; j < argc; j += 2) {
                if (keyspace.lookup(b, request.offset(j), request.length(j)) >= 0) {
                    out.raw(Replies.ZERO);
                    return;
                }
            }
        }
        for (int j = 1; j < argc; j += 2) {
            int koff = request.offset(j);
            int klen = request.length(j);
            int slot = keyspace.lookup(b, koff, klen);
            SetCommand.store(keyspace, slot, b, koff, klen, request.offset(j + 1), request.length(j + 1), false);
            keyspace.changed(KeyspaceEvents.STRING, "set", b, koff, klen);
        }
        out.raw(nx ? Replies.ONE : Replies.OK);
    }
}
