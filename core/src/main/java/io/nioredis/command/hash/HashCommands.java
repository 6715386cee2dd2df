package io.nioredis.command.hash;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.command.RemoveMembersCommand;
import io.nioredis.command.KeySpec;

import io.nioredis.command.CommandSpec;
import io.nioredis.command.Lookup;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;
import io.nioredis.store.Keyspace;
import java.util.List;

/** The hash commands' table rows, as Redis 7.0's COMMAND INFO shows them, and what they share. */
public final class HashCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "hset hmset hsetnx hget hmget hdel hlen hexists hstrlen hgetall hkeys hvals "
            + "hincrby hincrbyfloat hrandfield hscan";

    private static final CommandFactory IMPLEMENTATIONS = HashCommands::implementation;

    private HashCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.HASH.command("hset", -4, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("2.0.0")
                .history("4.0.0", "Accepts multiple `field` and `value` arguments.")
                .complexity("O(1) for each field/value pair added, so O(N) to add N field/value pairs when the command is called with multiple field/value pairs.")
                .summary("Set fields of a hash")
                .args("key field_value=(field value)...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hmset", -4, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("2.0.0")
                .deprecated("4.0.0", "`HSET` with multiple field-value pairs")
                .complexity("O(N) where N is the number of fields being set.")
                .summary("Set fields of a hash (older form of HSET)")
                .args("key field_value=(field value)...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hsetnx", 4, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("2.0.0")
                .complexity("O(1)")
                .summary("Set a field of a hash only if it is not there")
                .args("key field value")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hget", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(1)")
                .summary("Read a field of a hash")
                .args("key field")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hmget", -3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(N) where N is the number of fields being requested.")
                .summary("Read several fields of a hash")
                .args("key field...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hdel", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("2.0.0")
                .history("2.4.0", "Accepts multiple `field` arguments.")
                .complexity("O(N) where N is the number of fields to be removed.")
                .summary("Remove fields from a hash")
                .args("key field...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hlen", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("2.0.0")
                .complexity("O(1)")
                .summary("Reply with the number of fields in a hash")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hexists", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("2.0.0")
                .complexity("O(1)")
                .summary("Tell whether a hash has a field")
                .args("key field")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hstrlen", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("3.2.0")
                .complexity("O(1)")
                .summary("Reply with the length of a hash field's value")
                .args("key field")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hgetall", 2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(N) where N is the size of the hash.")
                .summary("Read every field and value of a hash")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hkeys", 2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(N) where N is the size of the hash.")
                .summary("List the fields of a hash")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hvals", 2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(N) where N is the size of the hash.")
                .summary("List the values of a hash")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hincrby", 4, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("2.0.0")
                .complexity("O(1)")
                .summary("Add an integer to a hash field's integer")
                .args("key field increment")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hincrbyfloat", 4, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("2.6.0")
                .complexity("O(1)")
                .summary("Add a decimal number to a hash field's number")
                .args("key field increment#double")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hrandfield", -2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(N) where N is the number of fields returned")
                .summary("Pick fields of a hash at random")
                .args("key options=[count [WITHVALUES]]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HASH.command("hscan", -3, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.0")
                .complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")
                .summary("Walk a hash a few fields at a time with a cursor")
                .args("key cursor [MATCH:pattern] [COUNT:count]")
                .run(IMPLEMENTATIONS));
    }

    /**
     * The hash a write command changes: the existing one, a new one for a missing key (added to the
     * keyspace by {@link #stored} once filled), or null after replying WRONGTYPE.
     */
    static HashValue forWriteOrReply(Keyspace keyspace, int slot, Request request, RespWriter out) {
        return slot < 0 ? new HashValue(request.copy(1)) : Lookup.typedOrReply(keyspace, slot, HashValue.class, out);
    }

    /**
     * Adds a new hash ({@code slot} -1), trimmed to its size as Redis's listpack is, or accounts for the
     * change of an existing one.
     */
    static void stored(Keyspace keyspace, int slot, HashValue hash, long memoryBefore) {
        if (slot < 0) {
            hash.trimToSize();
            keyspace.add(hash);
        } else {
            keyspace.adjustMemory(hash.memoryUsage() - memoryBefore);
        }
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "hset" -> new HsetCommand("hset");
            case "hmset" -> new HsetCommand("hmset");
            case "hsetnx" -> new HsetnxCommand();
            case "hget" -> new HgetCommand();
            case "hmget" -> new HmgetCommand();
            case "hdel" -> new RemoveMembersCommand<>(HashValue.class, KeyspaceEvents.HASH, "hdel");
            case "hlen" -> new HlenCommand();
            case "hexists" -> new HexistsCommand();
            case "hstrlen" -> new HstrlenCommand();
            case "hgetall" -> new HgetallCommand(true, true);
            case "hkeys" -> new HgetallCommand(true, false);
            case "hvals" -> new HgetallCommand(false, true);
            case "hincrby" -> new HincrbyCommand();
            case "hincrbyfloat" -> new HincrbyfloatCommand();
            case "hrandfield" -> new HrandfieldCommand();
            case "hscan" -> new HscanCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
