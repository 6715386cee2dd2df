package io.nioredis.command.generic;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;
import io.nioredis.command.AclCategory;

import io.nioredis.command.CommandSpec;


import java.util.List;

/** Keyspace commands beyond the basics (Redis's db.c): renaming, copying, sampling and iterating keys. */
public final class KeyspaceCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "del exists expire pexpire expireat pexpireat ttl pttl sort sort_ro "
            + "expiretime pexpiretime dump restore restore-asking wait persist type keys rename renamenx randomkey "
            + "scan unlink copy touch object";

    private static final CommandFactory IMPLEMENTATIONS = KeyspaceCommands::implementation;

    private KeyspaceCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.GENERIC.command("del", -2, WRITE)
                .keys(KeySpec.range(1, -1, 1, "RM", "delete"))
                .since("1.0.0")
                .complexity("O(N) where N is the number of keys that will be removed. When a key to remove holds a value other than a string, the individual complexity for this key is O(M) where M is the number of elements in the list, set, sorted set or hash. Removing a single key that holds a string value is O(1).")
                .summary("Delete keys")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("exists", -2, READONLY | FAST)
                .keys(KeySpec.range(1, -1, 1, "RO"))
                .since("1.0.0")
                .history("3.0.3", "Accepts multiple `key` arguments.")
                .complexity("O(N) where N is the number of keys to check.")
                .summary("Count how many of the given keys exist")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("expire", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("1.0.0")
                .history("7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`.")
                .complexity("O(1)")
                .summary("Set a key's time to live in seconds")
                .args("key seconds condition=[NX|XX|GT|LT]@7.0.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("pexpire", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("2.6.0")
                .history("7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`.")
                .complexity("O(1)")
                .summary("Set a key's time to live in milliseconds")
                .args("key milliseconds condition=[NX|XX|GT|LT]@7.0.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("expireat", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("1.2.0")
                .history("7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`.")
                .complexity("O(1)")
                .summary("Make a key expire at a Unix time in seconds")
                .args("key unix-time-seconds condition=[NX|XX|GT|LT]@7.0.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("pexpireat", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("2.6.0")
                .history("7.0.0", "Added options: `NX`, `XX`, `GT` and `LT`.")
                .complexity("O(1)")
                .summary("Make a key expire at a Unix time in milliseconds")
                .args("key unix-time-milliseconds condition=[NX|XX|GT|LT]@7.0.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("ttl", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.0")
                .history("2.8.0", "Added the -2 reply.")
                .complexity("O(1)")
                .summary("Reply with a key's remaining time to live in seconds")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("pttl", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.6.0")
                .history("2.8.0", "Added the -2 reply.")
                .complexity("O(1)")
                .summary("Reply with a key's remaining time to live in milliseconds")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("sort", -2, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"),
                        KeySpec.unknown("For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort", "RO", "access"),
                        KeySpec.unknown("For the optional STORE keyword. It is marked 'unknown' because the keyword can appear anywhere in the argument array", "OW", "update"))
                .aclOnly(AclCategory.SET, AclCategory.SORTEDSET, AclCategory.LIST, AclCategory.DANGEROUS)
                .since("1.0.0")
                .complexity("O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).")
                .summary("Sort the elements of a list, set or sorted set, optionally storing the result")
                .args("key [BY:pattern] [offset_count=LIMIT:(offset count)] [GET::pattern...] order=[ASC|DESC] [sorting=ALPHA] [STORE:destination]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("sort_ro", -2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"),
                        KeySpec.unknown("For the optional BY/GET keyword. It is marked 'unknown' because the key names derive from the content of the key we sort", "RO", "access"))
                .aclOnly(AclCategory.SET, AclCategory.SORTEDSET, AclCategory.LIST, AclCategory.DANGEROUS)
                .since("7.0.0")
                .complexity("O(N+M*log(M)) where N is the number of elements in the list or set to sort, and M the number of returned elements. When the elements are not sorted, complexity is O(N).")
                .summary("Sort the elements of a list, set or sorted set without storing anything")
                .args("key [BY:pattern] [offset_count=LIMIT:(offset count)] [GET::pattern...] order=[ASC|DESC] [sorting=ALPHA]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("expiretime", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("O(1)")
                .summary("Reply with the Unix time in seconds at which a key expires")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("pexpiretime", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("O(1)")
                .summary("Reply with the Unix time in milliseconds at which a key expires")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("dump", 2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.6.0")
                .complexity("O(1) to access the key and additional O(N*M) to serialize it, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1).")
                .summary("Serialize a key's value in Redis's dump format")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("restore", -4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"))
                .acl(AclCategory.DANGEROUS)
                .since("2.6.0")
                .history(
                        "3.0.0", "Added the `REPLACE` modifier.",
                        "5.0.0", "Added the `ABSTTL` modifier.",
                        "5.0.0", "Added the `IDLETIME` and `FREQ` options.")
                .complexity("O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for sorted set values the complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N)).")
                .summary("Create a key from a value serialized by DUMP")
                .args("key ttl serialized-value [REPLACE]@3.0.0 [ABSTTL]@5.0.0 [IDLETIME:seconds]@5.0.0 "
                        + "[FREQ:frequency#integer]@5.0.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("restore-asking", -4, WRITE | DENYOOM | ASKING)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"))
                .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
                .since("3.0.0")
                .systemCommand()
                .history(
                        "3.0.0", "Added the `REPLACE` modifier.",
                        "5.0.0", "Added the `ABSTTL` modifier.",
                        "5.0.0", "Added the `IDLETIME` and `FREQ` options.")
                .complexity("O(1) to create the new key and additional O(N*M) to reconstruct the serialized value, where N is the number of Redis objects composing the value and M their average size. For small string values the time complexity is thus O(1)+O(1*M) where M is small, so simply O(1). However for sorted set values the complexity is O(N*M*log(N)) because inserting values into sorted sets is O(log(N)).")
                .summary("An internal command for migrating keys in a cluster")
                .args("key ttl serialized-value [REPLACE]@3.0.0 [ABSTTL]@5.0.0 [IDLETIME:seconds]@5.0.0 "
                        + "[FREQ:frequency#integer]@5.0.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("wait", 3, NOSCRIPT)
                .aclOnly(AclCategory.CONNECTION)
                .since("3.0.0")
                .complexity("O(1)")
                .summary("Wait until earlier writes reach a number of replicas")
                .args("numreplicas timeout#integer")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("persist", 2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("2.2.0")
                .complexity("O(1)")
                .summary("Remove a key's expiry")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("type", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Reply with the type of value a key holds")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("keys", 2, READONLY)
                .acl(AclCategory.DANGEROUS)
                .since("1.0.0")
                .complexity("O(N) with N being the number of keys in the database, under the assumption that the key names in the database and the given pattern have limited length.")
                .summary("List the keys matching a glob pattern")
                .args("pattern")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("rename", 3, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"), KeySpec.range(2, 0, 1, "OW", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Give a key a new name, replacing any key with that name")
                .args("key newkey")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("renamenx", 3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"), KeySpec.range(2, 0, 1, "OW", "insert"))
                .since("1.0.0")
                .history(
                        "3.2.0", "The command no longer returns an error when source and destination names are the same.")
                .complexity("O(1)")
                .summary("Give a key a new name, only if that name is free")
                .args("key newkey")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("randomkey", 1, READONLY)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Reply with a key picked at random")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("scan", -2, READONLY)
                .since("2.8.0")
                .history("6.0.0", "Added the `TYPE` subcommand.")
                .complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection.")
                .summary("Walk the keyspace a few keys at a time with a cursor")
                .args("cursor [MATCH:pattern] [COUNT:count] [TYPE:type]@6.0.0")
                .run(IMPLEMENTATIONS));
        // UNLINK frees memory in the background in Redis; here freeing is the garbage collector's job, so
        // it is DEL under another name (it notifies "del" in Redis too).
        rows.add(Group.GENERIC.command("unlink", -2, WRITE | FAST)
                .keys(KeySpec.range(1, -1, 1, "RM", "delete"))
                .since("4.0.0")
                .complexity("O(1) for each key removed regardless of its size. Then the command does O(N) work in a different thread in order to reclaim memory, where N is the number of allocations the deleted objects where composed of.")
                .summary("Delete keys, freeing big values without blocking")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("copy", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"), KeySpec.range(2, 0, 1, "OW", "update"))
                .since("6.2.0")
                .complexity("O(N) worst case for collections, where N is the number of nested items. O(1) for string values.")
                .summary("Copy a key's value to another key, in this or another database")
                .args("source destination [DB:destination-db] [REPLACE]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("touch", -2, READONLY | FAST | ALWAYS_TOUCHES)
                .keys(KeySpec.range(1, -1, 1, "RO"))
                .since("3.2.1")
                .complexity("O(N) where N is the number of keys that will be touched.")
                .summary("Mark keys as accessed; reply with how many exist")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(ObjectCommand.create());
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "del" -> new DelCommand();
            case "exists" -> new ExistsCommand(false);
            case "expire" -> new ExpireCommand("expire", true, true);
            case "pexpire" -> new ExpireCommand("pexpire", false, true);
            case "expireat" -> new ExpireCommand("expireat", true, false);
            case "pexpireat" -> new ExpireCommand("pexpireat", false, false);
            case "ttl" -> new TtlCommand(false);
            case "pttl" -> new TtlCommand(true);
            case "sort" -> new SortCommand(false);
            case "sort_ro" -> new SortCommand(true);
            case "expiretime" -> new TtlCommand(false, true);
            case "pexpiretime" -> new TtlCommand(true, true);
            case "dump" -> new DumpCommand();
            case "restore" -> new RestoreCommand();
            case "restore-asking" -> new RestoreCommand();
            case "wait" -> new WaitCommand();
            case "persist" -> new PersistCommand();
            case "type" -> new TypeCommand();
            case "keys" -> new KeysCommand();
            case "rename" -> new RenameCommand(false);
            case "renamenx" -> new RenameCommand(true);
            case "randomkey" -> new RandomkeyCommand();
            case "scan" -> new ScanCommand();
            case "unlink" -> new DelCommand();
            case "copy" -> new CopyCommand();
            case "touch" -> new ExistsCommand(true);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
