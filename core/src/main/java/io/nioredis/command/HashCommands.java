package io.nioredis.command;

import static io.nioredis.command.BuiltinCommands.row;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.HashValue;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import java.util.List;

/** The hash commands' table rows, as Redis 7.0's COMMAND INFO shows them, and what they share. */
final class HashCommands {
    private HashCommands() {}

    static void register(List<CommandSpec> rows) {
        rows.add(row("hset", -4, "write denyoom fast", 1, 1, 1, "hash", "2.0.0",
                "Set the string value of a hash field", new HsetCommand("hset")));
        rows.add(row("hmset", -4, "write denyoom fast", 1, 1, 1, "hash", "2.0.0",
                "Set multiple hash fields to multiple values", new HsetCommand("hmset")));
        rows.add(row("hsetnx", 4, "write denyoom fast", 1, 1, 1, "hash", "2.0.0",
                "Set the value of a hash field, only if the field does not exist", new HsetnxCommand()));
        rows.add(row("hget", 3, "readonly fast", 1, 1, 1, "hash", "2.0.0", "Get the value of a hash field",
                new HgetCommand()));
        rows.add(row("hmget", -3, "readonly fast", 1, 1, 1, "hash", "2.0.0",
                "Get the values of all the given hash fields", new HmgetCommand()));
        rows.add(row("hdel", -3, "write fast", 1, 1, 1, "hash", "2.0.0", "Delete one or more hash fields",
                new HdelCommand()));
        rows.add(row("hlen", 2, "readonly fast", 1, 1, 1, "hash", "2.0.0", "Get the number of fields in a hash",
                new HlenCommand()));
        rows.add(row("hexists", 3, "readonly fast", 1, 1, 1, "hash", "2.0.0", "Determine if a hash field exists",
                new HexistsCommand()));
        rows.add(row("hstrlen", 3, "readonly fast", 1, 1, 1, "hash", "3.2.0",
                "Get the length of the value of a hash field", new HstrlenCommand()));
        rows.add(row("hgetall", 2, "readonly", 1, 1, 1, "hash", "2.0.0", "Get all the fields and values in a hash",
                new HgetallCommand(true, true)));
        rows.add(row("hkeys", 2, "readonly", 1, 1, 1, "hash", "2.0.0", "Get all the fields in a hash",
                new HgetallCommand(true, false)));
        rows.add(row("hvals", 2, "readonly", 1, 1, 1, "hash", "2.0.0", "Get all the values in a hash",
                new HgetallCommand(false, true)));
        rows.add(row("hincrby", 4, "write denyoom fast", 1, 1, 1, "hash", "2.0.0",
                "Increment the integer value of a hash field by the given number", new HincrbyCommand()));
        rows.add(row("hincrbyfloat", 4, "write denyoom fast", 1, 1, 1, "hash", "2.6.0",
                "Increment the float value of a hash field by the given amount", new HincrbyfloatCommand()));
        rows.add(row("hrandfield", -2, "readonly", 1, 1, 1, "hash", "6.2.0",
                "Get one or multiple random fields from a hash", new HrandfieldCommand()));
        rows.add(row("hscan", -3, "readonly", 1, 1, 1, "hash", "2.8.0",
                "Incrementally iterate hash fields and associated values", new HscanCommand()));
    }

    /** The hash in {@code slot}, or null after replying WRONGTYPE if the key holds another type. */
    static HashValue hashOrReply(Keyspace keyspace, int slot, RespWriter out) {
        Object entry = keyspace.entry(slot);
        if (entry instanceof HashValue) {
            return (HashValue) entry;
        }
        out.raw(Errors.WRONG_TYPE);
        return null;
    }

    /**
     * The hash a write command changes: the existing one, a new one for a missing key (added to the
     * keyspace by {@link #stored} once filled), or null after replying WRONGTYPE.
     */
    static HashValue forWriteOrReply(Keyspace keyspace, int slot, Request request, RespWriter out) {
        return slot < 0 ? new HashValue(request.copy(1)) : hashOrReply(keyspace, slot, out);
    }

    /** Adds a new hash ({@code slot} -1) or accounts for the change of an existing one. */
    static void stored(Keyspace keyspace, int slot, HashValue hash, long memoryBefore) {
        if (slot < 0) {
            keyspace.add(hash);
        } else {
            keyspace.adjustMemory(hash.memoryUsage() - memoryBefore);
        }
    }

    static void deleteIfEmpty(Keyspace keyspace, HashValue hash, byte[] b, int off, int len) {
        if (hash.size() == 0) {
            keyspace.delete(keyspace.lookup(b, off, len));
            keyspace.notify(KeyspaceEvents.GENERIC, "del", b, off, len);
        }
    }
}
