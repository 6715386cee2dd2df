package io.nioredis.command.stream;

import io.nioredis.client.Client;
import io.nioredis.command.Errors;
import io.nioredis.command.Help;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.stream.ConsumerGroup;
import io.nioredis.value.stream.Stream;
import io.nioredis.value.stream.StreamErrors;
import io.nioredis.value.stream.StreamException;
import io.nioredis.value.stream.StreamId;

/**
 * XGROUP CREATE|SETID|DESTROY|CREATECONSUMER|DELCONSUMER|HELP, as Redis 7.0's xgroupCommand: the options
 * (MKSTREAM, ENTRIESREAD) are checked first, then the key (which must exist unless MKSTREAM), then the
 * group for the subcommands that need one.
 */
final class XgroupCommand {
    private XgroupCommand() {}

    private static final byte[] MKSTREAM = {'m', 'k', 's', 't', 'r', 'e', 'a', 'm'};
    private static final byte[] ENTRIESREAD = {'e', 'n', 't', 'r', 'i', 'e', 's', 'r', 'e', 'a', 'd'};

    /** What the shared preamble found: the stream (null only with MKSTREAM) and the group. */
    private static final class Target {
        Stream stream;
        ConsumerGroup group;
        boolean mkStream;
        long entriesRead = ConsumerGroup.INVALID_ENTRIES_READ;
    }

    private static Target targetOrReply(Client client, Request r, String sub, boolean needsGroup, RespWriter out) {
        Target t = new Target();
        boolean create = sub.equals("CREATE"), setId = sub.equals("SETID");
        int i = 5;
        while (i < r.argc()) {
            if (create && r.is(i, MKSTREAM)) {
                t.mkStream = true;
                i++;
            } else if ((create || setId) && r.is(i, ENTRIESREAD) && i + 1 < r.argc()) {
                long v = StreamAccess.longOrReply(r, i + 1, out);
                if (v == Long.MIN_VALUE) return null;
                if (v < 0 && v != ConsumerGroup.INVALID_ENTRIES_READ) {
                    out.error(StreamErrors.ENTRIESREAD_NEGATIVE);
                    return null;
                }
                t.entriesRead = v;
                i += 2;
            } else {
                out.error(Errors.subcommandSyntax(r.string(1), "XGROUP"));
                return null;
            }
        }
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookup(r.array(), r.offset(2), r.length(2));
        if (slot >= 0) {
            t.stream = StreamAccess.streamOrReply(keyspace, slot, out);
            if (t.stream == null) return null;
        }
        if (!t.mkStream && t.stream == null) {
            out.raw(Errors.XGROUP_KEY_MISSING);
            return null;
        }
        if (t.stream != null) t.group = t.stream.group(r.copy(3));
        if (needsGroup && t.group == null) {
            out.error(Errors.noGroupForKey(StreamAccess.text(r, 3), StreamAccess.text(r, 2)));
            return null;
        }
        return t;
    }

    private static boolean isDollar(Request r, int i) {
        return r.length(i) == 1 && r.array()[r.offset(i)] == '$';
    }

    static void create(Client client, Request r, RespWriter out) {
        Target t = targetOrReply(client, r, "CREATE", false, out);
        if (t == null) return;
        if (r.argc() > 8) { // as Redis, after the options and the key: its dispatch checks the count last
            out.error(Errors.subcommandSyntax(r.string(1), "XGROUP"));
            return;
        }
        StreamId id;
        if (isDollar(r, 4)) {
            id = t.stream == null ? StreamId.MIN : t.stream.lastId();
        } else {
            id = StreamAccess.strictIdOrReply(r, 4, 0, out);
            if (id == null) return;
        }
        Keyspace keyspace = client.keyspace();
        byte[] b = r.array();
        int koff = r.offset(2), klen = r.length(2);
        if (t.stream == null) {
            t.stream = new Stream(r.copy(2));
            keyspace.add(t.stream);
            keyspace.modified(b, koff, klen);
        }
        long before = t.stream.memoryUsage();
        if (t.stream.createGroup(r.copy(3), id, t.entriesRead) == null) {
            out.error(StreamErrors.BUSYGROUP);
            return;
        }
        keyspace.adjustMemory(t.stream.memoryUsage() - before);
        out.raw(io.nioredis.command.Replies.OK);
        keyspace.countChanges(1);
        keyspace.notify(KeyspaceEvents.STREAM, "xgroup-create", b, koff, klen);
    }

    static void setId(Client client, Request r, RespWriter out) {
        Target t = targetOrReply(client, r, "SETID", true, out);
        if (t == null) return;
        if (r.argc() != 5 && r.argc() != 7) { // after the options, the key and the group, as in Redis
            out.error(Errors.subcommandSyntax(r.string(1), "XGROUP"));
            return;
        }
        StreamId id;
        if (isDollar(r, 4)) {
            id = null;
        } else {
            id = StreamAccess.idOrReply(r, 4, 0, out);
            if (id == null) return;
        }
        try {
            t.group.setId(id, t.entriesRead);
        } catch (StreamException e) {
            out.error(e.getMessage());
            return;
        }
        out.raw(io.nioredis.command.Replies.OK);
        client.keyspace().countChanges(1);
        client.keyspace().notify(KeyspaceEvents.STREAM, "xgroup-setid", r.array(), r.offset(2), r.length(2));
    }

    static void destroy(Client client, Request r, RespWriter out) {
        Target t = targetOrReply(client, r, "DESTROY", false, out);
        if (t == null) return;
        if (t.group == null) {
            out.raw(io.nioredis.command.Replies.ZERO);
            return;
        }
        Keyspace keyspace = client.keyspace();
        long before = t.stream.memoryUsage();
        t.stream.destroyGroup(r.copy(3));
        keyspace.adjustMemory(t.stream.memoryUsage() - before);
        out.raw(io.nioredis.command.Replies.ONE);
        keyspace.countChanges(1);
        keyspace.notify(KeyspaceEvents.STREAM, "xgroup-destroy", r.array(), r.offset(2), r.length(2));
        // XREADGROUP clients blocked on the group are answered -NOGROUP, as Redis signals the key for.
        client.server().blocking.signal(keyspace, r.array(), r.offset(2), r.length(2));
    }

    static void createConsumer(Client client, Request r, RespWriter out) {
        Target t = targetOrReply(client, r, "CREATECONSUMER", true, out);
        if (t == null) return;
        Keyspace keyspace = client.keyspace();
        long before = t.stream.memoryUsage();
        boolean created = t.group.createConsumer(r.copy(4), keyspace.now()) != null;
        out.raw(created ? io.nioredis.command.Replies.ONE : io.nioredis.command.Replies.ZERO);
        if (created) {
            keyspace.adjustMemory(t.stream.memoryUsage() - before);
            keyspace.countChanges(1);
            keyspace.notify(KeyspaceEvents.STREAM, "xgroup-createconsumer", r.array(), r.offset(2), r.length(2));
        }
    }

    static void delConsumer(Client client, Request r, RespWriter out) {
        Target t = targetOrReply(client, r, "DELCONSUMER", true, out);
        if (t == null) return;
        Keyspace keyspace = client.keyspace();
        boolean exists = t.group.consumer(r.copy(4)) != null;
        long before = t.stream.memoryUsage();
        long pending = t.group.deleteConsumer(r.copy(4));
        out.integer(pending);
        if (exists) {
            keyspace.adjustMemory(t.stream.memoryUsage() - before);
            keyspace.countChanges(1);
            keyspace.notify(KeyspaceEvents.STREAM, "xgroup-delconsumer", r.array(), r.offset(2), r.length(2));
        }
    }

    static void help(Client client, Request r, RespWriter out) {
        Help.reply(out, "XGROUP",
                "CREATE <key> <groupname> <id|$> [option]",
                "    Create a new consumer group. Options are:",
                "    * MKSTREAM",
                "      Create the empty stream if it does not exist.",
                "    * ENTRIESREAD entries_read",
                "      Set the group's entries_read counter (internal use).",
                "CREATECONSUMER <key> <groupname> <consumer>",
                "    Create a new consumer in the specified group.",
                "DELCONSUMER <key> <groupname> <consumer>",
                "    Remove the specified consumer.",
                "DESTROY <key> <groupname>",
                "    Remove the specified group.",
                "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
                "    Set the current group ID and entries_read counter.");
    }
}
