package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Propagated;
import io.nioredis.value.stream.ConsumerGroup;
import io.nioredis.value.stream.IdList;
import io.nioredis.value.stream.PendingEntry;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamId;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * How consumer group reads and claims reach the AOF and replicas, as Redis 7.0's t_stream.c propagates them:
 * never as themselves, but as one {@code XCLAIM key group consumer 0 id TIME ms RETRYCOUNT n FORCE JUSTID
 * LASTID id} per pending entry given, taken over or dropped (streamPropagateXCLAIM), and a NOACK read as
 * {@code XGROUP SETID key group id ENTRIESREAD n} (streamPropagateGroupID). Used only while a sink listens.
 */
final class GroupPropagation {
    private static final byte[] XCLAIM = word("XCLAIM");
    private static final byte[] ZERO = word("0");
    private static final byte[] TIME = word("TIME");
    private static final byte[] RETRYCOUNT = word("RETRYCOUNT");
    private static final byte[] FORCE = word("FORCE");
    private static final byte[] JUSTID = word("JUSTID");
    private static final byte[] LASTID = word("LASTID");
    private static final byte[] XGROUP = word("XGROUP");
    private static final byte[] SETID = word("SETID");
    private static final byte[] ENTRIESREAD = word("ENTRIESREAD");

    private GroupPropagation() {}

    private static byte[] word(String w) {
        return w.getBytes(StandardCharsets.US_ASCII);
    }

    /** A pending entry as it was before a command dropped it: whose it was, when and how often delivered. */
    record Dropped(byte[] consumer, long deliveryTime, long deliveryCount) {}

    /** streamPropagateXCLAIM for the pending entry {@code ms-seq} as it is now. */
    static void claimed(Client client, byte[] key, byte[] group, ConsumerGroup g, long ms, long seq) {
        PendingEntry e = g.pendingEntry(ms, seq);
        if (e != null) {
            claim(client, key, group, e.consumer() == null ? new byte[0] : e.consumer().name(), ms, seq,
                    e.deliveryTime(), e.deliveryCount(), g.lastDeliveredId());
        }
    }

    /**
     * XREADGROUP's new deliveries: one XCLAIM each that recreates its pending entry, or for a NOACK read the
     * group's new last id. Re-reading history changes only delivery counts and times, which Redis does not
     * propagate.
     */
    static void deliveries(Client client, byte[] key, byte[] group, ConsumerGroup g, IdList delivered, boolean noAck) {
        if (noAck) {
            if (delivered.size() > 0) {
                groupId(client, key, group, g);
            }
            return;
        }
        for (int i = 0; i < delivered.size(); i++) {
            GroupPropagation.delivered(client, key, group, g, delivered.ms(i), delivered.seq(i));
        }
    }

    /** A new delivery by XREADGROUP: the group's last id was this entry's when Redis propagated it. */
    static void delivered(Client client, byte[] key, byte[] group, ConsumerGroup g, long ms, long seq) {
        PendingEntry e = g.pendingEntry(ms, seq);
        if (e != null) {
            claim(client, key, group, e.consumer().name(), ms, seq, e.deliveryTime(), e.deliveryCount(),
                    new StreamId(ms, seq));
        }
    }

    /** streamPropagateXCLAIM for a pending entry the command has dropped (its stream entry was deleted). */
    static void dropped(Client client, byte[] key, byte[] group, ConsumerGroup g, long ms, long seq, Dropped d) {
        claim(client, key, group, d.consumer(), ms, seq, d.deliveryTime(), d.deliveryCount(), g.lastDeliveredId());
    }

    private static void claim(Client client, byte[] key, byte[] group, byte[] consumer, long ms, long seq,
                              long time, long count, StreamId lastId) {
        client.propagateAlso(XCLAIM.clone(), key.clone(), group.clone(), consumer.clone(), ZERO.clone(),
                new StreamId(ms, seq).toBytes(), TIME.clone(), Propagated.number(time), RETRYCOUNT.clone(),
                Propagated.number(count), FORCE.clone(), JUSTID.clone(), LASTID.clone(), lastId.toBytes());
    }

    /** streamPropagateGroupID: the group's last delivered id and entries read. */
    static void groupId(Client client, byte[] key, byte[] group, ConsumerGroup g) {
        client.propagateAlso(XGROUP.clone(), SETID.clone(), key.clone(), group.clone(), g.lastDeliveredId().toBytes(),
                ENTRIESREAD.clone(), Propagated.number(g.entriesRead()));
    }

    /**
     * The pending entries among the first {@code limit} from {@code start} (all when limit is negative) whose
     * stream entry is gone: those a claim will drop, noted before it does.
     */
    static Map<StreamId, Dropped> droppable(Stream stream, ConsumerGroup g, StreamId start, long limit) {
        Map<StreamId, Dropped> gone = new HashMap<>();
        long seen = 0;
        for (PendingEntry e : g.pendingFrom(start)) {
            if (limit >= 0 && seen++ >= limit) {
                break;
            }
            if (!stream.contains(e.ms(), e.seq())) {
                gone.put(e.id(), new Dropped(e.consumer() == null ? new byte[0] : e.consumer().name(),
                        e.deliveryTime(), e.deliveryCount()));
            }
        }
        return gone;
    }

    /** XAUTOCLAIM's effects in PEL order: the claimed and the dropped ids, each list ascending. */
    static void autoClaimed(Client client, byte[] key, byte[] group, ConsumerGroup g, IdList claimed, IdList deleted,
                            Map<StreamId, Dropped> before) {
        int i = 0;
        int j = 0;
        while (i < claimed.size() || j < deleted.size()) {
            boolean takeClaimed = j >= deleted.size() || (i < claimed.size()
                    && StreamId.compare(claimed.ms(i), claimed.seq(i), deleted.ms(j), deleted.seq(j)) < 0);
            if (takeClaimed) {
                claimed(client, key, group, g, claimed.ms(i), claimed.seq(i));
                i++;
            } else {
                Dropped d = before.get(new StreamId(deleted.ms(j), deleted.seq(j)));
                if (d != null) {
                    dropped(client, key, group, g, deleted.ms(j), deleted.seq(j), d);
                }
                j++;
            }
        }
    }
}
