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
 * COPY source destination [DB index] [REPLACE] (Redis's copyCommand): the value and its TTL, into this or
 * another database; 1 if copied, 0 if the source is missing or the destination exists without REPLACE.
 */
final class CopyCommand implements Command {
    private static final byte[] REPLACE_TOKEN = {'r', 'e', 'p', 'l', 'a', 'c', 'e'};
    private static final byte[] DB_TOKEN = {'d', 'b'};
    private static final byte[] SAME_OBJECT = Errors.encode("ERR source and destination objects are the same");

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        boolean replace = false;
        Keyspace source = client.keyspace();
        Keyspace target = source;
        int argc = request.argc();
        for (int j = 3; j < argc; j++) {
            if (request.is(j, REPLACE_TOKEN)) {
                replace = true;
            } else if (request.is(j, DB_TOKEN) && j + 1 < argc) {
                j++;
                if (!request.isLong(j) || request.longValue(j) != (int) request.longValue(j)) {
                    out.raw(Errors.NOT_INTEGER);
                    return;
                }
                long db = request.longValue(j);
                if (db < 0 || db >= client.server().databases.count()) {
                    out.error("ERR DB index is out of range");
                    return;
                }
                target = client.server().databases.get((int) db);
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if (client.server().cluster != null && target.index() != 0) {
            out.raw(Errors.COPY_DB_IN_CLUSTER);
            return;
        }
        byte[] b = request.array();
        int soff = request.offset(1);
        int slen = request.length(1);
        int doff = request.offset(2);
        int dlen = request.length(2);
        if (source == target && java.util.Arrays.equals(b, soff, soff + slen, b, doff, doff + dlen)) {
            out.raw(SAME_OBJECT);
            return;
        }
        int slot = source.lookupRead(b, soff, slen);
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        int existing = target.lookup(b, doff, dlen);
        if (existing >= 0 && !replace) {
            out.raw(Replies.ZERO);
            return;
        }
        long deadline = source.deadline(slot);
        if (existing >= 0) {
            target.delete(existing);
        }
        int copied = source.copyTo(slot, target, b, doff, dlen);
        if (deadline >= 0) {
            target.setDeadline(copied, deadline);
        }
        target.changed(KeyspaceEvents.GENERIC, "copy_to", b, doff, dlen);
        out.raw(Replies.ONE);
    }
}
