package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.stream.ConsumerGroup;
import io.nioredis.value.stream.PendingRow;
import io.nioredis.value.stream.PendingSummary;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamId;

/**
 * XPENDING key group [[IDLE min-idle-time] start end count [consumer]], as xpendingCommand: the range
 * arguments are parsed (count before start and end) before the key and group are looked up.
 */
final class XpendingCommand implements Command {
    private static final byte[] IDLE = {'i', 'd', 'l', 'e'};

    @Override
    public void execute(Client client, Request r, RespWriter out) {
        int argc = r.argc();
        boolean summary = argc == 3;
        if (argc != 3 && (argc < 6 || argc > 9)) {
            out.raw(Errors.SYNTAX);
            return;
        }
        long minIdle = 0, count = 0;
        StreamId start = null, end = null;
        byte[] consumer = null;
        if (argc >= 6) {
            int startIdx = 3;
            if (r.is(3, IDLE)) {
                minIdle = StreamAccess.longOrReply(r, 4, out);
                if (minIdle == Long.MIN_VALUE) return;
                if (argc < 8) {
                    out.raw(Errors.SYNTAX);
                    return;
                }
                startIdx += 2;
            }
            count = StreamAccess.longOrReply(r, startIdx + 2, out);
            if (count == Long.MIN_VALUE) return;
            if (count < 0) count = 0;
            start = StreamAccess.boundOrReply(r, startIdx, true, out);
            if (start == null) return;
            end = StreamAccess.boundOrReply(r, startIdx + 1, false, out);
            if (end == null) return;
            if (startIdx + 3 < argc) consumer = r.copy(startIdx + 3);
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(r.array(), r.offset(1), r.length(1));
        ConsumerGroup group = null;
        if (slot >= 0) {
            Stream stream = StreamAccess.streamOrReply(keyspace, slot, out);
            if (stream == null) return;
            group = stream.group(r.copy(2));
        }
        if (group == null) {
            out.error(Errors.noKeyOrGroup(StreamAccess.text(r, 1), StreamAccess.text(r, 2)));
            return;
        }
        if (summary) {
            PendingSummary s = group.pendingSummary();
            out.arrayHeader(4);
            out.integer(s.count());
            if (s.count() == 0) {
                out.nullValue();
                out.nullValue();
                out.nullArrayValue();
                return;
            }
            StreamReplies.id(s.smallest(), out);
            StreamReplies.id(s.largest(), out);
            out.arrayHeader(s.consumers().size());
            for (PendingSummary.ConsumerCount c : s.consumers()) {
                out.arrayHeader(2);
                out.bulk(c.name());
                out.bulk(c.pending());
            }
            return;
        }
        java.util.List<PendingRow> rows = group.pendingRange(minIdle, start, end, count, consumer, keyspace.now());
        out.arrayHeader(rows.size());
        for (PendingRow row : rows) {
            out.arrayHeader(4);
            StreamReplies.id(row.id(), out);
            out.bulk(row.consumer());
            out.integer(row.idle());
            out.integer(row.deliveryCount());
        }
    }
}
