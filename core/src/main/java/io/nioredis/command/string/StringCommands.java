package io.nioredis.command.string;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;

import io.nioredis.command.CommandSpec;


import java.util.List;

/** The string commands beyond SET and GET (Redis's t_string.c): counters, ranges, multi-key and get-and-set. */
public final class StringCommands {
    private StringCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.STRING.command("set", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update", "variable_flags"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Set the string value of a key")
                .args("key value condition=[NX|XX] [GET] expiration=[EX:seconds|PX:milliseconds|EXAT:unix-time-seconds|PXAT:unix-time-milliseconds|KEEPTTL]")
                .run(new SetCommand()));
        rows.add(Group.STRING.command("get", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Get the value of a key")
                .args("key")
                .run(new GetCommand()));
        rows.add(Group.STRING.command("incr", 2, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Increment the integer value of a key by one")
                .args("key")
                .run(new IncrCommand(1, false)));
        rows.add(Group.STRING.command("decr", 2, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Decrement the integer value of a key by one")
                .args("key")
                .run(new IncrCommand(-1, false)));
        rows.add(Group.STRING.command("incrby", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Increment the integer value of a key by the given amount")
                .args("key increment")
                .run(new IncrCommand(1, true)));
        rows.add(Group.STRING.command("decrby", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Decrement the integer value of a key by the given number")
                .args("key decrement")
                .run(new IncrCommand(-1, true)));
        rows.add(Group.STRING.command("incrbyfloat", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("2.6.0")
                .complexity("O(1)")
                .summary("Increment the float value of a key by the given amount")
                .args("key increment#double")
                .run(new IncrByFloatCommand()));
        rows.add(Group.STRING.command("append", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("2.0.0")
                .complexity("O(1). The amortized time complexity is O(1) assuming the appended value is small and the already present value is of any size, since the dynamic string library used by Redis will double the free space available on every reallocation.")
                .summary("Append a value to a key")
                .args("key value")
                .run(new AppendCommand()));
        rows.add(Group.STRING.command("strlen", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("2.2.0")
                .complexity("O(1)")
                .summary("Get the length of the value stored in a key")
                .args("key")
                .run(new StrlenCommand()));
        rows.add(Group.STRING.command("getrange", 4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.4.0")
                .complexity("O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.")
                .summary("Get a substring of the string stored at a key")
                .args("key start end")
                .run(new GetrangeCommand()));
        rows.add(Group.STRING.command("substr", 4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N) where N is the length of the returned string. The complexity is ultimately determined by the returned length, but because creating a substring from an existing string is very cheap, it can be considered O(1) for small strings.")
                .summary("Get a substring of the string stored at a key")
                .args("key start end")
                .run(new GetrangeCommand()));
        rows.add(Group.STRING.command("setrange", 4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("2.2.0")
                .complexity("O(1), not counting the time taken to copy the new string in place. Usually, this string is very small so the amortized complexity is O(1). Otherwise, complexity is O(M) with M being the length of the value argument.")
                .summary("Overwrite part of a string at key starting at the specified offset")
                .args("key offset value")
                .run(new SetrangeCommand()));
        rows.add(Group.STRING.command("mget", -2, READONLY | FAST)
                .keys(KeySpec.range(1, -1, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N) where N is the number of keys to retrieve.")
                .summary("Get the values of all the given keys")
                .args("key...")
                .run(new MgetCommand()));
        rows.add(Group.STRING.command("mset", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, -1, 2, "OW", "update"))
                .since("1.0.1")
                .complexity("O(N) where N is the number of keys to set.")
                .summary("Set multiple keys to multiple values")
                .args("key_value=(key value)...")
                .run(new MsetCommand(false)));
        rows.add(Group.STRING.command("msetnx", -3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, -1, 2, "OW", "insert"))
                .since("1.0.1")
                .complexity("O(N) where N is the number of keys to set.")
                .summary("Set multiple keys to multiple values, only if none of the keys exist")
                .args("key_value=(key value)...")
                .run(new MsetCommand(true)));
        rows.add(Group.STRING.command("setnx", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "OW", "insert"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Set the value of a key, only if the key does not exist")
                .args("key value")
                .run(new SetnxCommand()));
        rows.add(Group.STRING.command("setex", 4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"))
                .since("2.0.0")
                .complexity("O(1)")
                .summary("Set the value and expiration of a key")
                .args("key seconds value")
                .run(new SetexCommand("setex", true)));
        rows.add(Group.STRING.command("psetex", 4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"))
                .since("2.6.0")
                .complexity("O(1)")
                .summary("Set the value and expiration in milliseconds of a key")
                .args("key milliseconds value")
                .run(new SetexCommand("psetex", false)));
        rows.add(Group.STRING.command("getdel", 2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"))
                .since("6.2.0")
                .complexity("O(1)")
                .summary("Get the value of a key and delete the key")
                .args("key")
                .run(new GetdelCommand()));
        rows.add(Group.STRING.command("getex", -2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("6.2.0")
                .complexity("O(1)")
                .summary("Get the value of a key and optionally set its expiration")
                .args("key expiration=[EX:seconds|PX:milliseconds|EXAT:unix-time-seconds|PXAT:unix-time-milliseconds|PERSIST]")
                .run(new GetexCommand()));
        rows.add(Group.STRING.command("getset", 3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Set the string value of a key and return its old value")
                .args("key value")
                .run(new GetsetCommand()));
        rows.add(Group.STRING.command("lcs", -3, READONLY)
                .keys(KeySpec.range(1, 1, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("O(N*M) where N and M are the lengths of s1 and s2, respectively")
                .summary("Find longest common substring")
                .args("key1#key key2#key [LEN] [IDX] [MINMATCHLEN:len] [WITHMATCHLEN]")
                .run(new LcsCommand()));
    }
}
