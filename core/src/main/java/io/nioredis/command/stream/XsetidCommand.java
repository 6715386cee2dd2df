package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamErrors;
import io.nioredis.value.stream.StreamException;
import io.nioredis.value.stream.StreamId;

/** XSETID key last-id [ENTRIESADDED n] [MAXDELETEDID id]: options checked before the key, as xsetidCommand. */
final class XsetidCommand implements Command {
    private static final byte[] ENTRIESADDED = {'e', 'n', 't', 'r', 'i', 'e', 's', 'a', 'd', 'd', 'e', 'd'};
    private static final byte[] MAXDELETEDID = {'m', 'a', 'x', 'd', 'e', 'l', 'e', 't', 'e', 'd', 'i', 'd'};

    @Override
    public void execute(Client client, Request r, RespWriter out) {
        StreamId id = StreamAccess.strictIdOrReply(r, 2, 0, out);
        if (id == null) return;
        long entriesAdded = -1;
        StreamId maxDeleted = null;
        for (int i = 3; i < r.argc(); ) {
            boolean more = r.argc() - 1 - i > 0;
            if (r.is(i, ENTRIESADDED) && more) {
                entriesAdded = StreamAccess.longOrReply(r, i + 1, out);
                if (entriesAdded == Long.MIN_VALUE) return;
                if (entriesAdded < 0) {
                    out.error(StreamErrors.XSETID_ENTRIES_ADDED_NEGATIVE);
                    return;
                }
                i += 2;
            } else if (r.is(i, MAXDELETEDID) && more) {
                maxDeleted = StreamAccess.strictIdOrReply(r, i + 1, 0, out);
                if (maxDeleted == null) return;
                if (id.compareTo(maxDeleted) < 0) {
                    out.error(StreamErrors.XSETID_SMALLER_THAN_MAX_DELETED);
                    return;
                }
                i += 2;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = r.array();
        int koff = r.offset(1), klen = r.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            out.raw(Errors.NO_SUCH_KEY);
            return;
        }
        Stream stream = StreamAccess.streamOrReply(keyspace, slot, out);
        if (stream == null) return;
        try {
            stream.setId(id, entriesAdded, maxDeleted);
        } catch (StreamException e) {
            out.error(e.getMessage());
            return;
        }
        out.raw(Replies.OK);
        keyspace.changed(KeyspaceEvents.STREAM, "xsetid", b, koff, klen);
    }
}
