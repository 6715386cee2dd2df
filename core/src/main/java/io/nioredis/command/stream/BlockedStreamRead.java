package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.BlockedCall;
import io.nioredis.command.Errors;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.stream.Consumer;
import io.nioredis.value.stream.ConsumerGroup;
import io.nioredis.value.stream.IdList;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamCursor;
import io.nioredis.value.stream.StreamId;

/**
 * An XREAD or XREADGROUP BLOCK waiting for entries, served as Redis 7.0's serveClientsBlockedOnStreamKey:
 * the first of its streams whose last id passes what it waits for answers alone ([key, entries], a
 * one-entry map in RESP3). XREAD waits for ids past those it resolved when it blocked ({@code $} already
 * turned into the stream's last id); XREADGROUP waits for ids past its group's last delivered one, read
 * then, and reads them as a group read does (PEL, consumer created if missing, NOACK). A blocked
 * XREADGROUP also hears its stream go: deleted, replaced or flushed it answers -UNBLOCKED, with its group
 * destroyed -NOGROUP.
 */
final class BlockedStreamRead extends BlockedCall {
    /** Redis's XREAD_BLOCKED_DEFAULT_COUNT: a blocked read without COUNT gets at most this many entries. */
    static final long DEFAULT_COUNT = 1000;

    /** For XREAD, per key position: the id it waits to be passed, as (ms, seq) pairs; null for a group. */
    private final long[] ids;
    private final long count;
    private final byte[] group;
    private final byte[] consumer;
    private final boolean noAck;
    /** The command's scratch, shared: only one call is served at a time. */
    private final StreamCursor cursor;
    private final IdList delivered;

    private BlockedStreamRead(Client client, long[] ids, long count, byte[] group, byte[] consumer, boolean noAck,
                              StreamCursor cursor, IdList delivered) {
        super(client);
        this.ids = ids;
        this.count = count == 0 ? DEFAULT_COUNT : count;
        this.group = group;
        this.consumer = consumer;
        this.noAck = noAck;
        this.cursor = cursor;
        this.delivered = delivered;
    }

    /** An XREAD waiting for ids past {@code ids} (an (ms, seq) pair per key, in key order). */
    static BlockedStreamRead read(Client client, long[] ids, long count, StreamCursor cursor, IdList delivered) {
        return new BlockedStreamRead(client, ids, count, null, null, false, cursor, delivered);
    }

    /** An XREADGROUP with "&gt;" on every key. */
    static BlockedStreamRead groupRead(Client client, byte[] group, byte[] consumer, long count, boolean noAck,
                                       StreamCursor cursor, IdList delivered) {
        return new BlockedStreamRead(client, null, count, group, consumer, noAck, cursor, delivered);
    }

    @Override
    protected boolean wakesOnDeparture() {
        return group != null;
    }

    @Override
    protected boolean accepts(Object value, int keyIndex) {
        if (group == null) {
            return value instanceof Stream && ((Stream) value).lastIdAfter(ids[2 * keyIndex], ids[2 * keyIndex + 1]);
        }
        if (!(value instanceof Stream)) {
            return true; // the key is gone: it is told so
        }
        ConsumerGroup g = ((Stream) value).group(group);
        return g == null || g.streamMovedOn();
    }

    @Override
    protected boolean serve(Keyspace db, int slot, byte[] key, int keyIndex) {
        RespWriter out = reply();
        Object value = slot >= 0 ? db.entry(slot) : null;
        if (!(value instanceof Stream)) {
            out.raw(Errors.XREADGROUP_KEY_GONE);
            send(out);
            return false;
        }
        Stream s = (Stream) value;
        ConsumerGroup g = group == null ? null : s.group(group);
        if (group != null && g == null) {
            out.raw(Errors.XREADGROUP_GROUP_GONE);
            send(out);
            return false;
        }
        if (out.protocol() == 3) {
            out.mapHeader(1);
        } else {
            out.arrayHeader(1);
            out.arrayHeader(2);
        }
        out.bulk(key, 0, key.length);
        if (g == null) {
            StreamId start = new StreamId(ids[2 * keyIndex], ids[2 * keyIndex + 1]).incremented();
            StreamReplies.range(s, cursor, start == null ? StreamId.MAX : start, StreamId.MAX, false, count, out);
        } else {
            long now = db.now();
            long before = s.memoryUsage();
            Consumer c = g.consumer(consumer);
            if (c == null) {
                c = g.createConsumer(consumer, now);
                db.notify(KeyspaceEvents.STREAM, "xgroup-createconsumer", key, 0, key.length);
            }
            g.readNew(c, count, noAck, now, delivered);
            if (client.propagating()) {
                // Served after the command that fed the stream, as a unit of its own.
                client.server().propagation.enterCall();
                try {
                    GroupPropagation.deliveries(client, key, group, g, delivered, noAck);
                } finally {
                    client.server().propagation.exitCall();
                }
            }
            db.adjustMemory(s.memoryUsage() - before);
            StreamReplies.newlyDelivered(s, cursor, delivered, out);
        }
        send(out);
        return false;
    }
}
