package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Errors;
import io.nioredis.command.Help;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.stream.Consumer;
import io.nioredis.value.stream.ConsumerGroup;
import io.nioredis.value.stream.PendingEntry;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamCursor;
import io.nioredis.value.stream.StreamId;

/**
 * XINFO STREAM key [FULL [COUNT n]] | GROUPS key | CONSUMERS key group | HELP, with Redis 7.0's fields.
 * radix-tree-nodes has no counterpart in this layout (no radix tree): it reports the node count plus one,
 * which is what a small Redis stream shows and stays in step with radix-tree-keys otherwise.
 */
final class XinfoCommand {
    private XinfoCommand() {}

    private static final byte[] FULL = {'f', 'u', 'l', 'l'};
    private static final byte[] COUNT = {'c', 'o', 'u', 'n', 't'};

    private static Stream streamOrReply(Client client, Request r, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(r.array(), r.offset(2), r.length(2));
        if (slot < 0) {
            out.raw(Errors.NO_SUCH_KEY);
            return null;
        }
        return StreamAccess.streamOrReply(keyspace, slot, out);
    }

    static void stream(Client client, Request r, RespWriter out) {
        // xinfoStreamCommand looks the key up before it reads FULL and COUNT.
        Stream s = streamOrReply(client, r, out);
        if (s == null) return;
        boolean full = false;
        long count = 10;
        if (r.argc() > 3) {
            if (!r.is(3, FULL)) {
                out.error(Errors.subcommandSyntax(r.string(1), "XINFO"));
                return;
            }
            full = true;
            for (int i = 4; i < r.argc(); i += 2) {
                if (r.is(i, COUNT) && r.argc() - i >= 2) {
                    count = StreamAccess.longOrReply(r, i + 1, out);
                    if (count == Long.MIN_VALUE) return;
                    if (count < 0) count = 10;
                } else {
                    out.error(Errors.subcommandSyntax(r.string(1), "XINFO"));
                    return;
                }
            }
        }
        long now = client.keyspace().now();
        out.mapHeader(full ? 9 : 10);
        out.bulk("length");
        out.integer(s.length());
        out.bulk("radix-tree-keys");
        out.integer(s.nodeCount());
        out.bulk("radix-tree-nodes");
        out.integer(s.nodeCount() + 1L);
        out.bulk("last-generated-id");
        StreamReplies.id(s.lastId(), out);
        out.bulk("max-deleted-entry-id");
        StreamReplies.id(s.maxDeletedEntryId(), out);
        out.bulk("entries-added");
        out.integer(s.entriesAdded());
        out.bulk("recorded-first-entry-id");
        StreamReplies.id(s.firstId(), out);
        StreamCursor c = new StreamCursor();
        if (!full) {
            out.bulk("groups");
            out.integer(s.groupCount());
            out.bulk("first-entry");
            edgeEntry(s, c, false, out);
            out.bulk("last-entry");
            edgeEntry(s, c, true, out);
            return;
        }
        out.bulk("entries");
        StreamReplies.range(s, c, StreamId.MIN, StreamId.MAX, false, count, out);
        out.bulk("groups");
        out.arrayHeader(s.groupCount());
        for (ConsumerGroup g : s.groups()) {
            out.mapHeader(7);
            out.bulk("name");
            out.bulk(g.name());
            out.bulk("last-delivered-id");
            StreamReplies.id(g.lastDeliveredId(), out);
            out.bulk("entries-read");
            entriesRead(g, out);
            out.bulk("lag");
            lag(g, out);
            out.bulk("pel-count");
            out.integer(g.pendingCount());
            out.bulk("pending");
            long n = count == 0 ? g.pendingCount() : Math.min(count, g.pendingCount());
            out.arrayHeader(n);
            long i = 0;
            for (PendingEntry e : g.pending()) {
                if (i++ == n) break;
                out.arrayHeader(4);
                StreamReplies.id(e.ms(), e.seq(), out);
                out.bulk(e.consumer().name());
                out.integer(e.deliveryTime());
                out.integer(e.deliveryCount());
            }
            out.bulk("consumers");
            out.arrayHeader(g.consumerCount());
            for (Consumer consumer : g.consumers()) {
                out.mapHeader(4);
                out.bulk("name");
                out.bulk(consumer.name());
                out.bulk("seen-time");
                out.integer(consumer.seenTime());
                out.bulk("pel-count");
                out.integer(consumer.pendingCount());
                out.bulk("pending");
                long m = count == 0 ? consumer.pendingCount() : Math.min(count, consumer.pendingCount());
                out.arrayHeader(m);
                long k = 0;
                for (PendingEntry e : consumer.pending()) {
                    if (k++ == m) break;
                    out.arrayHeader(3);
                    StreamReplies.id(e.ms(), e.seq(), out);
                    out.integer(e.deliveryTime());
                    out.integer(e.deliveryCount());
                }
            }
        }
    }

    private static void edgeEntry(Stream s, StreamCursor c, boolean last, RespWriter out) {
        s.range(c, StreamId.MIN, StreamId.MAX, last);
        if (c.next()) {
            StreamReplies.entry(c, out);
        } else {
            out.nullValue();
        }
    }

    private static void entriesRead(ConsumerGroup g, RespWriter out) {
        if (g.entriesRead() == ConsumerGroup.INVALID_ENTRIES_READ) {
            out.nullValue();
        } else {
            out.integer(g.entriesRead());
        }
    }

    private static void lag(ConsumerGroup g, RespWriter out) {
        long lag = g.lag();
        if (lag == ConsumerGroup.UNKNOWN_LAG) {
            out.nullValue();
        } else {
            out.integer(lag);
        }
    }

    static void groups(Client client, Request r, RespWriter out) {
        Stream s = streamOrReply(client, r, out);
        if (s == null) return;
        out.arrayHeader(s.groupCount());
        for (ConsumerGroup g : s.groups()) {
            out.mapHeader(6);
            out.bulk("name");
            out.bulk(g.name());
            out.bulk("consumers");
            out.integer(g.consumerCount());
            out.bulk("pending");
            out.integer(g.pendingCount());
            out.bulk("last-delivered-id");
            StreamReplies.id(g.lastDeliveredId(), out);
            out.bulk("entries-read");
            entriesRead(g, out);
            out.bulk("lag");
            lag(g, out);
        }
    }

    static void consumers(Client client, Request r, RespWriter out) {
        Stream s = streamOrReply(client, r, out);
        if (s == null) return;
        ConsumerGroup g = s.group(r.copy(3));
        if (g == null) {
            out.error(Errors.noGroupForKey(StreamAccess.text(r, 3), StreamAccess.text(r, 2)));
            return;
        }
        long now = client.keyspace().now();
        out.arrayHeader(g.consumerCount());
        for (Consumer c : g.consumers()) {
            out.mapHeader(3);
            out.bulk("name");
            out.bulk(c.name());
            out.bulk("pending");
            out.integer(c.pendingCount());
            out.bulk("idle");
            out.integer(c.idle(now));
        }
    }

    static void help(Client client, Request r, RespWriter out) {
        Help.reply(out, "XINFO",
                "CONSUMERS <key> <groupname>",
                "    Show consumers of <groupname>.",
                "GROUPS <key>",
                "    Show the stream consumer groups.",
                "STREAM <key> [FULL [COUNT <count>]",
                "    Show information about the stream.");
    }
}
