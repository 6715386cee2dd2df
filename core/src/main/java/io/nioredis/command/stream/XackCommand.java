package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.stream.ConsumerGroup;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamId;

/**
 * XACK key group id [id ...]: how many ids were pending. A missing key or group is 0 before any id is
 * parsed; then every id is parsed before any is acknowledged (xackCommand). No keyspace event.
 */
final class XackCommand implements Command {
    private StreamId[] ids = new StreamId[8];

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        ConsumerGroup group = null;
        Stream stream = null;
        if (slot >= 0) {
            stream = StreamAccess.streamOrReply(keyspace, slot, out);
            if (stream == null) return;
            group = stream.group(request.copy(2));
        }
        if (group == null) {
            out.raw(Replies.ZERO);
            return;
        }
        int n = request.argc() - 3;
        if (ids.length < n) ids = new StreamId[Math.max(n, 2 * ids.length)];
        for (int j = 0; j < n; j++) {
            ids[j] = StreamAccess.strictIdOrReply(request, j + 3, 0, out);
            if (ids[j] == null) return;
        }
        long before = stream.memoryUsage();
        long acked = 0;
        for (int j = 0; j < n; j++) {
            if (group.ack(ids[j].ms(), ids[j].seq())) acked++;
        }
        if (acked > 0) keyspace.adjustMemory(stream.memoryUsage() - before);
        keyspace.countChanges(acked); // as Redis, which propagates XACK only when it acknowledged something
        out.integer(acked);
    }
}
