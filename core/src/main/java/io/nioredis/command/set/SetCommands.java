package io.nioredis.command.set;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.command.RemoveMembersCommand;
import io.nioredis.command.KeySpec;

import io.nioredis.command.CommandSpec;
import io.nioredis.command.Errors;
import io.nioredis.command.Lookup;

import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SetValue;
import io.nioredis.value.IntsetMembers;
import io.nioredis.value.SetMember;
import java.util.List;

/** The SET family's table rows, with arity, flags and key positions as Redis 7.0's COMMAND INFO, and shared steps. */
public final class SetCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "sadd srem smembers sismember smismember scard spop srandmember smove sinter "
            + "sunion sdiff sinterstore sunionstore sdiffstore sintercard sscan";

    private static final CommandFactory IMPLEMENTATIONS = SetCommands::implementation;

    private SetCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.SET.command("sadd", -3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("1.0.0")
                .history("2.4.0", "Accepts multiple `member` arguments.")
                .complexity("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")
                .summary("Add members to a set")
                .args("key member...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("srem", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("1.0.0")
                .history("2.4.0", "Accepts multiple `member` arguments.")
                .complexity("O(N) where N is the number of members to be removed.")
                .summary("Remove members from a set")
                .args("key member...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("smembers", 2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N) where N is the set cardinality.")
                .summary("List every member of a set")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("sismember", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Tell whether a value is a member of a set")
                .args("key member")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("smismember", -3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(N) where N is the number of elements being checked for membership")
                .summary("Tell for each of several values whether it is a member of a set")
                .args("key member...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("scard", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Reply with the number of members of a set")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("spop", -2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"))
                .since("1.0.0")
                .history("3.2.0", "Added the `count` argument.")
                .complexity("Without the count argument O(1), otherwise O(N) where N is the value of the passed count.")
                .summary("Remove and reply with members picked at random")
                .args("key [count]@3.2.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("srandmember", -2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.0")
                .history("2.6.0", "Added the optional `count` argument.")
                .complexity("Without the count argument O(1), otherwise O(N) where N is the absolute value of the passed count.")
                .summary("Pick members of a set at random without removing them")
                .args("key [count]@2.6.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("smove", 4, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"), KeySpec.range(2, 0, 1, "RW", "insert"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Move a member from one set to another")
                .args("source destination member")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("sinter", -2, READONLY)
                .keys(KeySpec.range(1, -1, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.")
                .summary("Reply with the members common to every given set")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("sunion", -2, READONLY)
                .keys(KeySpec.range(1, -1, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N) where N is the total number of elements in all given sets.")
                .summary("Reply with the members of any given set")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("sdiff", -2, READONLY)
                .keys(KeySpec.range(1, -1, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N) where N is the total number of elements in all given sets.")
                .summary("Reply with the members of the first set not in the others")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("sinterstore", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"), KeySpec.range(2, -1, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.")
                .summary("Store the intersection of sets under a key")
                .args("destination key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("sunionstore", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"), KeySpec.range(2, -1, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N) where N is the total number of elements in all given sets.")
                .summary("Store the union of sets under a key")
                .args("destination key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("sdiffstore", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"), KeySpec.range(2, -1, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N) where N is the total number of elements in all given sets.")
                .summary("Store the difference of sets under a key")
                .args("destination key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("sintercard", -3, READONLY)
                .keys(KeySpec.keynum(1, 0, 1, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("O(N*M) worst case where N is the cardinality of the smallest set and M is the number of sets.")
                .summary("Count the members common to every given set")
                .args("numkeys key... [LIMIT:limit]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SET.command("sscan", -3, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.0")
                .complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")
                .summary("Walk a set a few members at a time with a cursor")
                .args("key cursor [MATCH:pattern] [COUNT:count]")
                .run(IMPLEMENTATIONS));
    }

    /**
     * Writes every member as a bulk string in the set's order: ascending for an intset (as Redis's
     * SMEMBERS), dict slot order for a hashtable.
     */
    static void writeMembers(SetValue set, SetMember view, RespWriter out) {
        IntsetMembers ints = set.intset();
        if (ints != null) {
            for (int i = 0, n = ints.size(); i < n; i++) {
                out.bulk(ints.get(i));
            }
            return;
        }
        for (int p = 0, limit = set.positionLimit(); p < limit; p++) {
            if (set.member(p, view)) {
                out.bulk(view.array, view.offset, view.length);
            }
        }
    }

    /** Writes the member at a live position as a bulk string. */
    static void writeMember(SetValue set, int position, SetMember view, RespWriter out) {
        IntsetMembers ints = set.intset();
        if (ints != null) {
            out.bulk(ints.get(position));
        } else {
            set.member(position, view);
            out.bulk(view.array, view.offset, view.length);
        }
    }

    /** set-max-intset-entries as configured now. */
    static long maxIntsetEntries(io.nioredis.client.Client client) {
        return client.server().config.encoding.setMaxIntsetEntries;
    }

    /**
     * A count argument that must be a non-negative integer, as Redis's getPositiveLongFromObjectOrReply:
     * anything else gets "value is out of range, must be positive". Returns -1 after replying.
     */
    public static long positiveCountOrReply(io.nioredis.resp.Request request, int arg, RespWriter out) {
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
            if (Lookup.checkType(keyspace, slot, SetValue.class, out)) {
                return false;
            }
            sets[i - from] = slot < 0 ? null : (SetValue) keyspace.entry(slot);
        }
        return true;
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "sadd" -> new SaddCommand();
            case "srem" -> new RemoveMembersCommand<>(SetValue.class, KeyspaceEvents.SET, "srem");
            case "smembers" -> new SmembersCommand();
            case "sismember" -> new SismemberCommand(false);
            case "smismember" -> new SismemberCommand(true);
            case "scard" -> new ScardCommand();
            case "spop" -> new SpopCommand();
            case "srandmember" -> new SrandmemberCommand();
            case "smove" -> new SmoveCommand();
            case "sinter" -> new SetAlgebraCommand(SetAlgebraCommand.INTER, false);
            case "sunion" -> new SetAlgebraCommand(SetAlgebraCommand.UNION, false);
            case "sdiff" -> new SetAlgebraCommand(SetAlgebraCommand.DIFF, false);
            case "sinterstore" -> new SetAlgebraCommand(SetAlgebraCommand.INTER, true);
            case "sunionstore" -> new SetAlgebraCommand(SetAlgebraCommand.UNION, true);
            case "sdiffstore" -> new SetAlgebraCommand(SetAlgebraCommand.DIFF, true);
            case "sintercard" -> new SintercardCommand();
            case "sscan" -> new SscanCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
