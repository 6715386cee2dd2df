package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.stream.ClaimOptions;
import io.nioredis.value.stream.ConsumerGroup;
import io.nioredis.value.stream.IdList;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamCursor;
import io.nioredis.value.stream.StreamException;
import io.nioredis.value.stream.StreamId;
import io.nioredis.value.stream.StreamIdParser;

import java.util.ArrayList;
import java.util.List;

/**
 * XCLAIM key group consumer min-idle-time id [id ...] [IDLE ms] [TIME unix-ms] [RETRYCOUNT n] [FORCE]
 * [JUSTID] [LASTID id], as xclaimCommand: the ids run until the first argument that is not an id; the
 * rest are options. Claimed entries come back whole (or as ids with JUSTID).
 */
final class XclaimCommand implements Command {
    private static final byte[] FORCE = {'f', 'o', 'r', 'c', 'e'};
    private static final byte[] JUSTID = {'j', 'u', 's', 't', 'i', 'd'};
    private static final byte[] IDLE = {'i', 'd', 'l', 'e'};
    private static final byte[] TIME = {'t', 'i', 'm', 'e'};
    private static final byte[] RETRYCOUNT = {'r', 'e', 't', 'r', 'y', 'c', 'o', 'u', 'n', 't'};
    private static final byte[] LASTID = {'l', 'a', 's', 't', 'i', 'd'};
    private final StreamCursor cursor = new StreamCursor();

    @Override
    public void execute(Client client, Request r, RespWriter out) {
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
        if (!r.isLong(4)) {
            out.raw(Errors.XCLAIM_INVALID_MIN_IDLE);
            return;
        }
        long minIdle = Math.max(0, r.longValue(4));
        List<StreamId> ids = new ArrayList<>();
        int j = 5;
        for (; j < r.argc(); j++) {
            try {
                ids.add(StreamIdParser.parseStrict(r.array(), r.offset(j), r.length(j), 0));
            } catch (StreamException e) {
                break;
            }
        }
        long now = keyspace.now();
        long deliveryTime = -1, retryCount = -1;
        boolean force = false, justId = false;
        StreamId lastId = null;
        for (; j < r.argc(); j++) {
            boolean more = r.argc() - 1 - j > 0;
            if (r.is(j, FORCE)) {
                force = true;
            } else if (r.is(j, JUSTID)) {
                justId = true;
            } else if (r.is(j, IDLE) && more) {
                j++;
                if (!r.isLong(j)) {
                    out.error(Errors.xclaimBadOptionArgument("IDLE"));
                    return;
                }
                deliveryTime = now - r.longValue(j);
            } else if (r.is(j, TIME) && more) {
                j++;
                if (!r.isLong(j)) {
                    out.error(Errors.xclaimBadOptionArgument("TIME"));
                    return;
                }
                deliveryTime = r.longValue(j);
            } else if (r.is(j, RETRYCOUNT) && more) {
                j++;
                if (!r.isLong(j)) {
                    out.error(Errors.xclaimBadOptionArgument("RETRYCOUNT"));
                    return;
                }
                retryCount = r.longValue(j);
            } else if (r.is(j, LASTID) && more) {
                j++;
                lastId = StreamAccess.strictIdOrReply(r, j, 0, out);
                if (lastId == null) return;
            } else {
                out.error(Errors.xclaimUnknownOption(r.string(j)));
                return;
            }
        }
        byte[] consumerName = r.copy(3);
        boolean existed = group.consumer(consumerName) != null;
        long before = stream.memoryUsage();
        // The group applies the IDLE/TIME sanity rule itself; TIME carries either form.
        ClaimOptions options = new ClaimOptions(-1, deliveryTime, retryCount, force, justId, lastId);
        java.util.Map<StreamId, GroupPropagation.Dropped> droppable = null;
        StreamId lastBefore = group.lastDeliveredId();
        if (client.propagating()) {
            droppable = new java.util.HashMap<>();
            for (StreamId id : ids) {
                Stream s = stream;
                if (group.pendingEntry(id.ms(), id.seq()) != null && !s.contains(id.ms(), id.seq())) {
                    droppable.putAll(GroupPropagation.droppable(s, group, id, 1));
                }
            }
        }
        IdList claimed = group.claim(consumerName, minIdle, ids, options, now);
        if (droppable != null) {
            propagate(client, r, group, ids, claimed, droppable, lastBefore);
        }
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
        keyspace.adjustMemory(stream.memoryUsage() - before);
        if (!existed && group.consumer(consumerName) != null) {
            keyspace.notify(KeyspaceEvents.STREAM, "xgroup-createconsumer", r.array(), r.offset(1), r.length(1));
        }
    }

    /**
     * As Redis's xclaimCommand: never itself, but one XCLAIM per id claimed or dropped, in argument order;
     * a LASTID that moved the group on goes out as XGROUP SETID only when nothing else did.
     */
    private static void propagate(Client client, Request r, ConsumerGroup group, List<StreamId> ids, IdList claimed,
                                  java.util.Map<StreamId, GroupPropagation.Dropped> droppable, StreamId lastBefore) {
        client.propagateNothing();
        java.util.Set<StreamId> taken = new java.util.HashSet<>();
        for (int i = 0; i < claimed.size(); i++) {
            taken.add(new StreamId(claimed.ms(i), claimed.seq(i)));
        }
        byte[] key = r.copy(1);
        byte[] groupName = r.copy(2);
        boolean any = false;
        for (StreamId id : ids) {
            if (taken.contains(id)) {
                GroupPropagation.claimed(client, key, groupName, group, id.ms(), id.seq());
                any = true;
            } else if (droppable.containsKey(id)) {
                GroupPropagation.dropped(client, key, groupName, group, id.ms(), id.seq(), droppable.remove(id));
                any = true;
            }
        }
        if (!any && group.lastDeliveredId().compareTo(lastBefore) > 0) {
            GroupPropagation.groupId(client, key, groupName, group);
        }
    }
}
