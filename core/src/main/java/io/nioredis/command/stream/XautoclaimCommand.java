package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.stream.AutoClaimResult;
import io.nioredis.value.stream.ConsumerGroup;
import io.nioredis.value.stream.IdList;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamCursor;
import io.nioredis.value.stream.StreamId;

/**
 * XAUTOCLAIM key group consumer min-idle-time start [COUNT count] [JUSTID]: [next cursor, claimed,
 * deleted ids], as xautoclaimCommand; arguments are checked before the key and group.
 */
final class XautoclaimCommand implements Command {
    private static final byte[] COUNT = {'c', 'o', 'u', 'n', 't'};
    private static final byte[] JUSTID = {'j', 'u', 's', 't', 'i', 'd'};
    /** LONG_MAX / max(sizeof(streamID), attempts factor): Redis's cap so count * 10 cannot overflow. */
    private static final long MAX_COUNT = Long.MAX_VALUE / 16;
    private final StreamCursor cursor = new StreamCursor();

    @Override
    public void execute(Client client, Request r, RespWriter out) {
        if (!r.isLong(4)) {
            out.raw(Errors.XAUTOCLAIM_INVALID_MIN_IDLE);
            return;
        }
        long minIdle = Math.max(0, r.longValue(4));
        StreamId start = StreamAccess.boundOrReply(r, 5, true, out);
        if (start == null) return;
        long count = 100;
        boolean justId = false;
        for (int j = 6; j < r.argc(); j++) {
            boolean more = r.argc() - 1 - j > 0;
            if (r.is(j, COUNT) && more) {
                if (!r.isLong(j + 1) || r.longValue(j + 1) < 1 || r.longValue(j + 1) > MAX_COUNT) {
                    out.raw(Errors.XAUTOCLAIM_COUNT_RANGE);
                    return;
                }
                count = r.longValue(j + 1);
                j++;
            } else if (r.is(j, JUSTID)) {
                justId = true;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(r.array(), r.offset(1), r.length(1));
        Stream stream = null;
        ConsumerGroup group = null;
        if (slot >= 0) {
            stream = StreamAccess.streamOrReply(keyspace, slot, out);
            if (stream == null) return;
            group = stream.group(r.copy(2));
        }
        if (group == null) {
            out.error(Errors.noKeyOrGroup(StreamAccess.text(r, 1), StreamAccess.text(r, 2)));
            return;
        }
        byte[] consumerName = r.copy(3);
        boolean existed = group.consumer(consumerName) != null;
        long before = stream.memoryUsage();
        java.util.Map<StreamId, GroupPropagation.Dropped> droppable = client.propagating()
                ? GroupPropagation.droppable(stream, group, start, count * ConsumerGroup.AUTOCLAIM_ATTEMPTS_FACTOR) : null;
        AutoClaimResult result = group.autoClaim(consumerName, minIdle, start, count, justId, keyspace.now());
        if (droppable != null) {
            client.propagateNothing();
            GroupPropagation.autoClaimed(client, r.copy(1), r.copy(2), group, result.claimed(), result.deleted(),
                    droppable);
        }
        out.arrayHeader(3);
        StreamReplies.id(result.next(), out);
        IdList claimed = result.claimed();
        out.arrayHeader(claimed.size());
        for (int i = 0; i < claimed.size(); i++) {
            if (justId) {
                StreamReplies.id(claimed.ms(i), claimed.seq(i), out);
            } else if (stream.lookup(cursor, claimed.ms(i), claimed.seq(i))) {
                StreamReplies.entry(cursor, out);
            } else {
                out.nullValue();
            }
        }
        IdList deleted = result.deleted();
        out.arrayHeader(deleted.size());
        for (int i = 0; i < deleted.size(); i++) StreamReplies.id(deleted.ms(i), deleted.seq(i), out);
        keyspace.adjustMemory(stream.memoryUsage() - before);
        if (!existed && group.consumer(consumerName) != null) {
            keyspace.notify(KeyspaceEvents.STREAM, "xgroup-createconsumer", r.array(), r.offset(1), r.length(1));
        }
    }
}
