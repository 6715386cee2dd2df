package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.stream.Consumer;
import io.nioredis.value.stream.ConsumerGroup;
import io.nioredis.value.stream.IdList;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamCursor;
import io.nioredis.value.stream.StreamId;
import java.util.Arrays;

/**
 * XREAD [COUNT n] [BLOCK ms] STREAMS key... id... and XREADGROUP GROUP g c [COUNT n] [BLOCK ms] [NOACK]
 * STREAMS key... id..., as Redis 7.0's xreadCommand: options, then every key, group and id checked in
 * order, then each stream that can be served now is answered ([key, entries] pairs; a map in RESP3).
 * With nothing to serve the reply is a null array, or, with BLOCK, the client waits for entries (see
 * {@link BlockedStreamRead}); inside EXEC or a script it answers the null array a timeout would give.
 */
final class XreadCommand implements Command {
    private static final byte[] BLOCK = {'b', 'l', 'o', 'c', 'k'};
    private static final byte[] COUNT = {'c', 'o', 'u', 'n', 't'};
    private static final byte[] STREAMS = {'s', 't', 'r', 'e', 'a', 'm', 's'};
    private static final byte[] GROUP = {'g', 'r', 'o', 'u', 'p'};
    private static final byte[] NOACK = {'n', 'o', 'a', 'c', 'k'};

    private final boolean xreadgroup;
    private final StreamCursor cursor = new StreamCursor();
    private final IdList delivered = new IdList();
    /** A group read's [key, entries] pairs, written before their count is known. */
    private final RespWriter groupPairs = new RespWriter(256);
    /** A scratch writer grown past this is let go after the reply, so one huge read does not pin memory. */
    private static final int PAIRS_KEPT = 64 * 1024;
    /** Per key of one call: its id, group and stream, and whether it is served; emptied after each call. */
    private StreamId[] idsOfKeys = new StreamId[1];
    private ConsumerGroup[] groupsOfKeys = new ConsumerGroup[1];
    private Stream[] streamsOfKeys = new Stream[1];
    private boolean[] servedKeys = new boolean[1];

    XreadCommand(boolean xreadgroup) {
        this.xreadgroup = xreadgroup;
    }

    @Override
    public void execute(Client client, Request r, RespWriter out) {
        long timeout = -1, count = 0;
        int streamsArg = 0, streamsCount = 0;
        boolean noAck = false;
        int groupArg = 0; // GROUP's name, the consumer's after it; 0 without GROUP
        int argc = r.argc();
        for (int i = 1; i < argc; i++) {
            int more = argc - i - 1;
            if (r.is(i, BLOCK) && more > 0) {
                if (client.isScript()) {
                    // Redis refuses BLOCK in scripts outright rather than answering as a timeout.
                    out.error(Errors.blockFromScript(r.string(0)));
                    return;
                }
                i++;
                if (!r.isLong(i)) {
                    out.raw(Errors.TIMEOUT_NOT_INTEGER);
                    return;
                }
                timeout = r.longValue(i);
                if (timeout < 0) {
                    out.raw(Errors.TIMEOUT_NEGATIVE);
                    return;
                }
            } else if (r.is(i, COUNT) && more > 0) {
                i++;
                count = StreamAccess.longOrReply(r, i, out);
                if (count == Long.MIN_VALUE) return;
                if (count < 0) count = 0;
            } else if (r.is(i, STREAMS) && more > 0) {
                streamsArg = i + 1;
                streamsCount = argc - streamsArg;
                if (streamsCount % 2 != 0) {
                    out.raw(Errors.XREAD_UNBALANCED);
                    return;
                }
                streamsCount /= 2;
                break;
            } else if (r.is(i, GROUP) && more >= 2) {
                if (!xreadgroup) {
                    out.raw(Errors.XREAD_GROUP_WITHOUT_GROUP_COMMAND);
                    return;
                }
                groupArg = i + 1;
                i += 2;
            } else if (r.is(i, NOACK)) {
                if (!xreadgroup) {
                    out.raw(Errors.XREAD_NOACK_WITHOUT_GROUP);
                    return;
                }
                noAck = true;
            } else {
                out.raw(Errors.SYNTAX);
                return;
            }
        }
        if (streamsArg == 0) {
            out.raw(Errors.SYNTAX);
            return;
        }
        if (xreadgroup && groupArg == 0) {
            out.raw(Errors.XREADGROUP_MISSING_GROUP);
            return;
        }
        if (streamsCount > streamsOfKeys.length) {
            idsOfKeys = new StreamId[streamsCount];
            groupsOfKeys = new ConsumerGroup[streamsCount];
            streamsOfKeys = new Stream[streamsCount];
            servedKeys = new boolean[streamsCount];
        }
        try {
            read(client, r, out, streamsArg, streamsCount, groupArg, count, timeout, noAck);
        } finally {
            Arrays.fill(idsOfKeys, 0, streamsCount, null);
            Arrays.fill(groupsOfKeys, 0, streamsCount, null);
            Arrays.fill(streamsOfKeys, 0, streamsCount, null);
        }
    }

    /** The keys, groups and ids checked in order, then the reply or the wait; the options are parsed. */
    private void read(Client client, Request r, RespWriter out, int streamsArg, int streamsCount, int groupArg,
                      long count, long timeout, boolean noAck) {
        Keyspace keyspace = client.keyspace();
        byte[] b = r.array();
        StreamId[] ids = idsOfKeys;
        ConsumerGroup[] groups = groupArg == 0 ? null : groupsOfKeys;
        Stream[] streams = streamsOfKeys;
        for (int k = 0; k < streamsCount; k++) {
            int keyArg = streamsArg + k, idArg = keyArg + streamsCount;
            int slot = keyspace.lookupRead(b, r.offset(keyArg), r.length(keyArg));
            if (slot >= 0) {
                streams[k] = StreamAccess.streamOrReply(keyspace, slot, out);
                if (streams[k] == null) return;
            }
            if (groups != null) {
                groups[k] = streams[k] == null ? null : streams[k].group(b, r.offset(groupArg), r.length(groupArg));
                if (groups[k] == null) {
                    out.error(Errors.noGroupForRead(StreamAccess.text(r, keyArg), StreamAccess.text(r, groupArg)));
                    return;
                }
            }
            if (isSingle(r, idArg, '$')) {
                if (xreadgroup) {
                    out.raw(Errors.XREAD_DOLLAR_IN_GROUP);
                    return;
                }
                ids[k] = streams[k] == null ? StreamId.MIN : streams[k].lastId();
            } else if (isSingle(r, idArg, '>')) {
                if (!xreadgroup) {
                    out.raw(Errors.XREAD_GT_ONLY_GROUP);
                    return;
                }
                ids[k] = null; // ">": new entries of the group
            } else {
                ids[k] = StreamAccess.strictIdOrReply(r, idArg, 0, out);
                if (ids[k] == null) return;
                if (xreadgroup && ids[k].equals(StreamId.MAX)) {
                    ids[k] = null; // Redis stands for ">" with the greatest id, so that id reads as ">" does
                }
            }
        }

        // Which streams are served, in argument order. XREAD's choice depends only on the ids, so its header
        // is written first. A group read changes what the next key sees (a key named twice with ">" is
        // served once if the first read took everything), so its pairs go to a scratch writer and the
        // header follows the count; it creates the consumer of a stream it serves and marks it seen, as
        // Redis 7.0 does (a read that finds nothing, or blocks, creates none).
        long now = keyspace.now();
        boolean[] serve = servedKeys;
        int served = 0;
        RespWriter pairs = out;
        if (groups == null) {
            for (int k = 0; k < streamsCount; k++) {
                Stream s = streams[k];
                serve[k] = s != null && s.length() > 0 && s.lastLiveId().compareTo(ids[k]) > 0;
                if (serve[k]) served++;
            }
            if (served > 0) header(out, served);
        } else {
            groupPairs.reset();
            groupPairs.protocol(out.protocol());
            pairs = groupPairs;
        }
        for (int k = 0; k < streamsCount; k++) {
            Stream s = streams[k];
            if (s == null) continue;
            int keyArg = streamsArg + k;
            if (groups == null) {
                if (!serve[k]) continue;
                pair(pairs, r, keyArg);
                StreamId start = ids[k].incremented();
                StreamReplies.range(s, cursor, start == null ? StreamId.MAX : start, StreamId.MAX, false, count, pairs);
                continue;
            }
            ConsumerGroup g = groups[k];
            if (ids[k] == null && !g.hasUndelivered()) continue;
            served++;
            long before = s.memoryUsage();
            int consumerArg = groupArg + 1;
            Consumer c = g.consumer(b, r.offset(consumerArg), r.length(consumerArg));
            if (c == null) {
                c = g.createConsumer(r.copy(consumerArg), now);
                keyspace.notify(KeyspaceEvents.STREAM, "xgroup-createconsumer", b, r.offset(keyArg), r.length(keyArg));
            }
            pair(pairs, r, keyArg);
            if (ids[k] == null) {
                g.readNew(c, count, noAck, now, delivered);
                if (client.propagating()) {
                    client.propagateNothing();
                    GroupPropagation.deliveries(client, r.copy(keyArg), r.copy(groupArg), g, delivered, noAck);
                }
            } else {
                g.readHistory(c, ids[k], count, now, delivered);
            }
            keyspace.adjustMemory(s.memoryUsage() - before);
            if (ids[k] == null) {
                StreamReplies.newlyDelivered(s, cursor, delivered, pairs);
            } else {
                StreamReplies.delivered(s, cursor, delivered, pairs);
            }
        }
        if (served == 0) {
            if (timeout == -1 || client.blockingDenied()) {
                out.nullArrayValue(); // where blocking is denied (EXEC, scripts) it answers as a timeout
                return;
            }
            block(client, timeout == 0 ? 0 : deadline(now, timeout), streamsArg, streamsCount, ids,
                    groupArg == 0 ? null : r.copy(groupArg), groupArg == 0 ? null : r.copy(groupArg + 1), count, noAck, r);
            return;
        }
        if (groups != null) {
            header(out, served);
            out.raw(groupPairs.array(), 0, groupPairs.size());
            groupPairs.reset();
            groupPairs.trim(PAIRS_KEPT, 256);
        }
    }

    /** The reply's outer header: an array of [key, entries] pairs, a map in RESP3. */
    private static void header(RespWriter out, int served) {
        if (out.protocol() == 3) {
            out.mapHeader(served);
        } else {
            out.arrayHeader(served);
        }
    }

    /** The start of one served stream's pair: its key (after the pair's header in RESP2). */
    private static void pair(RespWriter out, Request r, int keyArg) {
        if (out.protocol() != 3) out.arrayHeader(2);
        out.bulk(r.array(), r.offset(keyArg), r.length(keyArg));
    }

    /**
     * Nothing to serve and BLOCK given: the client waits on every key, with XREAD's ids as resolved now
     * (a key named twice waits for its first id, as Redis's blockForKeys keeps the first).
     */
    private void block(Client client, long deadline, int streamsArg, int streamsCount, StreamId[] ids,
                       byte[] groupName, byte[] consumerName, long count, boolean noAck, Request r) {
        BlockedStreamRead waiter;
        if (groupName == null) {
            long[] waitIds = new long[2 * streamsCount];
            for (int k = 0; k < streamsCount; k++) {
                waitIds[2 * k] = ids[k].ms();
                waitIds[2 * k + 1] = ids[k].seq();
            }
            waiter = BlockedStreamRead.read(client, waitIds, count, cursor, delivered);
        } else {
            waiter = BlockedStreamRead.groupRead(client, groupName, consumerName, count, noAck, cursor, delivered);
        }
        waiter.blockOn(r, streamsArg, streamsCount, deadline);
    }

    /** BLOCK's milliseconds from now; a deadline past the end of time never comes, as in Redis. */
    private static long deadline(long now, long millis) {
        long deadline = now + millis;
        return deadline < 0 ? Long.MAX_VALUE : deadline;
    }

    private static boolean isSingle(Request r, int i, char c) {
        return r.length(i) == 1 && r.array()[r.offset(i)] == c;
    }
}
