package io.nioredis.command.string;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;

import io.nioredis.command.CommandSpec;


import java.util.List;

/** The string commands beyond SET and GET (Redis's t_string.c): counters, ranges, multi-key and get-and-set. */
public final class StringCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "set get incr decr incrby decrby incrbyfloat append strlen getrange substr "
            + "setrange mget mset msetnx setnx setex psetex getdel getex getset lcs";

    private static final CommandFactory IMPLEMENTATIONS = StringCommands::implementation;

    private StringCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.STRING.command("set", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update", "variable_flags")
                        .notes("RW and ACCESS due to the optional `GET` argument")
                        .flagsBy(SetCommand::keyFlags))
                .since("1.0.0")
                .history(
                        "2.6.12", "Added the `EX`, `PX`, `NX` and `XX` options.",
                        "6.0.0", "Added the `KEEPTTL` option.",
                        "6.2.0", "Added the `GET`, `EXAT` and `PXAT` option.",
                        "7.0.0", "Allowed the `NX` and `GET` options to be used together.")
                .complexity("O(1)")
                .summary("Store a string under a key, with optional expiry and conditions")
                .args("key value condition=[NX|XX]@2.6.12 [GET]@6.2.0 expiration=[EX:seconds@2.6.12|PX:milliseconds@2.6.12|EXAT:unix-time-seconds@6.2.0|PXAT:unix-time-milliseconds@6.2.0|KEEPTTL@6.0.0]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("get", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Read the string stored under a key")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("incr", 2, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Add one to the integer stored under a key")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("decr", 2, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Subtract one from the integer stored under a key")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("incrby", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Add an integer to the integer stored under a key")
                .args("key increment")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("decrby", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Subtract an integer from the integer stored under a key")
                .args("key decrement")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("incrbyfloat", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("2.6.0")
                .complexity("O(1)")
                .summary("Add a decimal number to the number stored under a key")
                .args("key increment#double")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("append", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("2.0.0")
                .complexity("O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.")
                .summary("Add bytes to the end of a string, creating it if needed")
                .args("key value")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("strlen", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("2.2.0")
                .complexity("O(1)")
                .summary("Reply with the length in bytes of a string")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("getrange", 4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.4.0")
                .complexity("O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.")
                .summary("Read part of a string by byte offsets")
                .args("key start end")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("substr", 4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.0")
                .deprecated("2.0.0", "`GETRANGE`")
                .complexity("O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.")
                .summary("Read part of a string by byte offsets (old name of GETRANGE)")
                .args("key start end")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("setrange", 4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("2.2.0")
                .complexity("O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.")
                .summary("Overwrite part of a string from a byte offset, padding with zero bytes")
                .args("key offset value")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("mget", -2, READONLY | FAST)
                .keys(KeySpec.range(1, -1, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N) where N is the number of keys to retrieve.")
                .summary("Read the strings stored under several keys")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("mset", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, -1, 2, "OW", "update"))
                .since("1.0.1")
                .complexity("O(N) where N is the number of keys to set.")
                .summary("Store strings under several keys at once")
                .args("key_value=(key value)...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("msetnx", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, -1, 2, "OW", "insert"))
                .since("1.0.1")
                .complexity("O(N) where N is the number of keys to set.")
                .summary("Store strings under several keys, only if none of them exists")
                .args("key_value=(key value)...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("setnx", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "OW", "insert"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Store a string only if the key does not exist")
                .args("key value")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("setex", 4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"))
                .since("2.0.0")
                .complexity("O(1)")
                .summary("Store a string with an expiry in seconds")
                .args("key seconds value")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("psetex", 4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"))
                .since("2.6.0")
                .complexity("O(1)")
                .summary("Store a string with an expiry in milliseconds")
                .args("key milliseconds value")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("getdel", 2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"))
                .since("6.2.0")
                .complexity("O(1)")
                .summary("Read a string and delete its key")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("getex", -2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update")
                        .notes("RW and UPDATE because it changes the TTL"))
                .since("6.2.0")
                .complexity("O(1)")
                .summary("Read a string and change or remove its expiry")
                .args("key expiration=[EX:seconds|PX:milliseconds|EXAT:unix-time-seconds|PXAT:unix-time-milliseconds|PERSIST]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("getset", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .deprecated("6.2.0", "`SET` with the `!GET` argument")
                .complexity("O(1)")
                .summary("Store a new string and reply with the old one")
                .args("key value")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STRING.command("lcs", -3, READONLY)
                .keys(KeySpec.range(1, 1, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("O(N*M) where N and M are the lengths of s1 and s2, respectively")
                .summary("Find the longest common subsequence of two strings")
                .args("key1#key key2#key [LEN] [IDX] [MINMATCHLEN:len] [WITHMATCHLEN]")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "set" -> new SetCommand();
            case "get" -> new GetCommand();
            case "incr" -> new IncrCommand(1, false);
            case "decr" -> new IncrCommand(-1, false);
            case "incrby" -> new IncrCommand(1, true);
            case "decrby" -> new IncrCommand(-1, true);
            case "incrbyfloat" -> new IncrByFloatCommand();
            case "append" -> new AppendCommand();
            case "strlen" -> new StrlenCommand();
            case "getrange" -> new GetrangeCommand();
            case "substr" -> new GetrangeCommand();
            case "setrange" -> new SetrangeCommand();
            case "mget" -> new MgetCommand();
            case "mset" -> new MsetCommand(false);
            case "msetnx" -> new MsetCommand(true);
            case "setnx" -> new SetnxCommand();
            case "setex" -> new SetexCommand("setex", true);
            case "psetex" -> new SetexCommand("psetex", false);
            case "getdel" -> new GetdelCommand();
            case "getex" -> new GetexCommand();
            case "getset" -> new GetsetCommand();
            case "lcs" -> new LcsCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
