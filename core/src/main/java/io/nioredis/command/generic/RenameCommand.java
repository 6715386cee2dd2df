package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;

/**
 * RENAME key newkey and RENAMENX (Redis's renameGenericCommand): the value keeps its TTL and replaces
 * whatever newkey held (RENAMENX refuses instead). Renaming a key to itself checks only that it exists.
 */
final class RenameCommand implements Command {
    static final byte[] NO_SUCH_KEY = Errors.encode("ERR no such key");

    private final boolean nx;

    RenameCommand(boolean nx) {
        this.nx = nx;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        byte[] b = request.array();
        int soff = request.offset(1);
        int slen = request.length(1);
        int doff = request.offset(2);
        int dlen = request.length(2);
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(b, soff, slen);
        if (slot < 0) {
            out.raw(NO_SUCH_KEY);
            return;
        }
        if (java.util.Arrays.equals(b, soff, soff + slen, b, doff, doff + dlen)) {
            out.raw(nx ? Replies.ZERO : Replies.OK);
            return;
        }
        int existing = keyspace.lookup(b, doff, dlen);
        if (existing >= 0) {
            if (nx) {
                out.raw(Replies.ZERO);
                return;
            }
            keyspace.delete(existing);
            slot = keyspace.lookup(b, soff, slen); // deleting may have moved things
        }
        keyspace.rename(slot, b, doff, dlen);
        keyspace.changed(KeyspaceEvents.GENERIC, "rename_from", b, soff, slen);
        keyspace.changed(KeyspaceEvents.GENERIC, "rename_to", b, doff, dlen);
        out.raw(nx ? Replies.ONE : Replies.OK);
    }
}
