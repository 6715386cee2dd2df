package io.nioredis.command;

import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.SetValue;
import io.nioredis.store.StringEntry;
import java.util.List;

/** The SET family's table rows, with arity, flags and key positions as Redis 7.0's COMMAND INFO, and shared steps. */
final class SetCommands {
    private SetCommands() {}

    static void register(List<CommandSpec> rows) {
        rows.add(BuiltinCommands.row("sadd", -3, "write denyoom fast", 1, 1, 1, "set", "1.0.0",
                "Add one or more members to a set", new SaddCommand()));
        rows.add(BuiltinCommands.row("srem", -3, "write fast", 1, 1, 1, "set", "1.0.0",
                "Remove one or more members from a set", new SremCommand()));
        rows.add(BuiltinCommands.row("smembers", 2, "readonly", 1, 1, 1, "set", "1.0.0",
                "Get all the members in a set", new SmembersCommand()));
        rows.add(BuiltinCommands.row("sismember", 3, "readonly fast", 1, 1, 1, "set", "1.0.0",
                "Determine if a given value is a member of a set", new SismemberCommand(false)));
        rows.add(BuiltinCommands.row("smismember", -3, "readonly fast", 1, 1, 1, "set", "6.2.0",
                "Returns the membership associated with the given elements for a set", new SismemberCommand(true)));
        rows.add(BuiltinCommands.row("scard", 2, "readonly fast", 1, 1, 1, "set", "1.0.0",
                "Get the number of members in a set", new ScardCommand()));
        rows.add(BuiltinCommands.row("spop", -2, "write fast", 1, 1, 1, "set", "1.0.0",
                "Remove and return one or multiple random members from a set", new SpopCommand()));
        rows.add(BuiltinCommands.row("srandmember", -2, "readonly", 1, 1, 1, "set", "1.0.0",
                "Get one or multiple random members from a set", new SrandmemberCommand()));
        rows.add(BuiltinCommands.row("smove", 4, "write fast", 1, 2, 1, "set", "1.0.0",
                "Move a member from one set to another", new SmoveCommand()));
        rows.add(BuiltinCommands.row("sinter", -2, "readonly", 1, -1, 1, "set", "1.0.0",
                "Intersect multiple sets", new SetAlgebraCommand(SetAlgebraCommand.INTER, false)));
        rows.add(BuiltinCommands.row("sunion", -2, "readonly", 1, -1, 1, "set", "1.0.0",
                "Add multiple sets", new SetAlgebraCommand(SetAlgebraCommand.UNION, false)));
        rows.add(BuiltinCommands.row("sdiff", -2, "readonly", 1, -1, 1, "set", "1.0.0",
                "Subtract multiple sets", new SetAlgebraCommand(SetAlgebraCommand.DIFF, false)));
        rows.add(BuiltinCommands.row("sinterstore", -3, "write denyoom", 1, -1, 1, "set", "1.0.0",
                "Intersect multiple sets and store the resulting set in a key",
                new SetAlgebraCommand(SetAlgebraCommand.INTER, true)));
        rows.add(BuiltinCommands.row("sunionstore", -3, "write denyoom", 1, -1, 1, "set", "1.0.0",
                "Add multiple sets and store the resulting set in a key",
                new SetAlgebraCommand(SetAlgebraCommand.UNION, true)));
        rows.add(BuiltinCommands.row("sdiffstore", -3, "write denyoom", 1, -1, 1, "set", "1.0.0",
                "Subtract multiple sets and store the resulting set in a key",
                new SetAlgebraCommand(SetAlgebraCommand.DIFF, true)));
        rows.add(BuiltinCommands.row("sintercard", -3, "readonly movablekeys", 0, 0, 0, "set", "7.0.0",
                "Intersect multiple sets and return the cardinality of the result", new SintercardCommand()));
        rows.add(BuiltinCommands.row("sscan", -3, "readonly", 1, 1, 1, "set", "2.8.0",
                "Incrementally iterate Set elements", new SscanCommand()));
    }

    /**
     * After members were removed: notifies {@code event}, and deletes the key with a "del" notification
     * if the set is now empty, as Redis's SREM and SPOP do.
     */
    static void changedAndDeleteIfEmpty(Keyspace keyspace, int slot, SetValue set, String event,
                                        byte[] b, int koff, int klen) {
        keyspace.changed(KeyspaceEvents.SET, event, b, koff, klen);
        if (set.size() == 0) {
            keyspace.delete(slot);
            keyspace.notify(KeyspaceEvents.GENERIC, "del", b, koff, klen);
        }
    }

    /** Writes every member as a bulk string, in slot order. */
    static void writeMembers(SetValue set, RespWriter out) {
        for (int s = 0, limit = set.slotLimit(); s < limit; s++) {
            byte[] e = set.entry(s);
            if (e != null) {
                writeMember(e, out);
            }
        }
    }

    static void writeMember(byte[] entry, RespWriter out) {
        out.bulk(entry, StringEntry.keyOffset(entry), StringEntry.keyLength(entry));
    }

    /** The set at a live slot, or null if the key holds another type. */
    static SetValue asSet(Keyspace keyspace, int slot) {
        Object e = keyspace.entry(slot);
        return e instanceof SetValue ? (SetValue) e : null;
    }

    /**
     * A count argument that must be a non-negative integer, as Redis's getPositiveLongFromObjectOrReply:
     * anything else gets "value is out of range, must be positive". Returns -1 after replying.
     */
    static long positiveCountOrReply(io.nioredis.resp.Request request, int arg, RespWriter out) {
        if (!request.isLong(arg) || request.longValue(arg) < 0) {
            out.raw(Errors.OUT_OF_RANGE_POSITIVE);
            return -1;
        }
        return request.longValue(arg);
    }

    /**
     * Looks up the sets named by arguments [from, to) into {@code sets} (null for a missing key), replying
     * WRONGTYPE and returning false if any key holds another type. Read commands count hits and misses;
     * the STORE forms look up as writers do.
     */
    static boolean collectSetsOrReply(Keyspace keyspace, io.nioredis.resp.Request request, int from, int to,
                                      boolean write, SetValue[] sets, RespWriter out) {
        byte[] b = request.array();
        for (int i = from; i < to; i++) {
            int slot = write ? keyspace.lookup(b, request.offset(i), request.length(i))
                    : keyspace.lookupRead(b, request.offset(i), request.length(i));
            if (slot < 0) {
                sets[i - from] = null;
                continue;
            }
            SetValue set = asSet(keyspace, slot);
            if (set == null) {
                out.raw(Errors.WRONG_TYPE);
                return false;
            }
            sets[i - from] = set;
        }
        return true;
    }
}
