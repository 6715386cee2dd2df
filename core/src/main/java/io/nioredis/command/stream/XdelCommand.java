package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamId;

/**
 * XDEL key id [id ...]: the number of entries deleted. Every id is checked before any is deleted, so a
 * bad id deletes nothing (xdelCommand); the stream stays even when emptied, as in Redis.
 */
final class XdelCommand implements Command {
    private StreamId[] ids = new StreamId[8];

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int koff = request.offset(1), klen = request.length(1);
        int slot = keyspace.lookup(b, koff, klen);
        if (slot < 0) {
            out.raw(Replies.ZERO);
            return;
        }
        Stream stream = StreamAccess.streamOrReply(keyspace, slot, out);
        if (stream == null) return;
        int n = request.argc() - 2;
        if (ids.length < n) ids = new StreamId[Math.max(n, 2 * ids.length)];
        for (int j = 0; j < n; j++) {
            ids[j] = StreamAccess.strictIdOrReply(request, j + 2, 0, out);
            if (ids[j] == null) return;
        }
        long before = stream.memoryUsage();
        long deleted = 0;
        for (int j = 0; j < n; j++) {
            if (stream.delete(ids[j].ms(), ids[j].seq())) deleted++;
        }
        if (deleted > 0) {
            keyspace.adjustMemory(stream.memoryUsage() - before);
            keyspace.changed(KeyspaceEvents.STREAM, "xdel", b, koff, klen);
        }
        out.integer(deleted);
    }
}
