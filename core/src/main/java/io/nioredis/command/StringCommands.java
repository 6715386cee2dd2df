package io.nioredis.command;

import static io.nioredis.command.BuiltinCommands.row;

import java.util.List;

/** The string commands beyond SET and GET (Redis's t_string.c): counters, ranges, multi-key and get-and-set. */
final class StringCommands {
    private StringCommands() {}

    static void register(List<CommandSpec> rows) {
        rows.add(row("incr", 2, "write denyoom fast", 1, 1, 1, "string", "1.0.0",
                "Increment the integer value of a key by one", new IncrCommand(1, false)));
        rows.add(row("decr", 2, "write denyoom fast", 1, 1, 1, "string", "1.0.0",
                "Decrement the integer value of a key by one", new IncrCommand(-1, false)));
        rows.add(row("incrby", 3, "write denyoom fast", 1, 1, 1, "string", "1.0.0",
                "Increment the integer value of a key by the given amount", new IncrCommand(1, true)));
        rows.add(row("decrby", 3, "write denyoom fast", 1, 1, 1, "string", "1.0.0",
                "Decrement the integer value of a key by the given number", new IncrCommand(-1, true)));
        rows.add(row("incrbyfloat", 3, "write denyoom fast", 1, 1, 1, "string", "2.6.0",
                "Increment the float value of a key by the given amount", new IncrByFloatCommand()));
        rows.add(row("append", 3, "write denyoom fast", 1, 1, 1, "string", "2.0.0",
                "Append a value to a key", new AppendCommand()));
        rows.add(row("strlen", 2, "readonly fast", 1, 1, 1, "string", "2.2.0",
                "Get the length of the value stored in a key", new StrlenCommand()));
        rows.add(row("getrange", 4, "readonly", 1, 1, 1, "string", "2.4.0",
                "Get a substring of the string stored at a key", new GetrangeCommand()));
        rows.add(row("substr", 4, "readonly", 1, 1, 1, "string", "1.0.0",
                "Get a substring of the string stored at a key", new GetrangeCommand()));
        rows.add(row("setrange", 4, "write denyoom", 1, 1, 1, "string", "2.2.0",
                "Overwrite part of a string at key starting at the specified offset", new SetrangeCommand()));
        rows.add(row("mget", -2, "readonly fast", 1, -1, 1, "string", "1.0.0",
                "Get the values of all the given keys", new MgetCommand()));
        rows.add(row("mset", -3, "write denyoom", 1, -1, 2, "string", "1.0.1",
                "Set multiple keys to multiple values", new MsetCommand(false)));
        rows.add(row("msetnx", -3, "write denyoom", 1, -1, 2, "string", "1.0.1",
                "Set multiple keys to multiple values, only if none of the keys exist", new MsetCommand(true)));
        rows.add(row("setnx", 3, "write denyoom fast", 1, 1, 1, "string", "1.0.0",
                "Set the value of a key, only if the key does not exist", new SetnxCommand()));
        rows.add(row("setex", 4, "write denyoom", 1, 1, 1, "string", "2.0.0",
                "Set the value and expiration of a key", new SetexCommand("setex", true)));
        rows.add(row("psetex", 4, "write denyoom", 1, 1, 1, "string", "2.6.0",
                "Set the value and expiration in milliseconds of a key", new SetexCommand("psetex", false)));
        rows.add(row("getdel", 2, "write fast", 1, 1, 1, "string", "6.2.0",
                "Get the value of a key and delete the key", new GetdelCommand()));
        rows.add(row("getex", -2, "write fast", 1, 1, 1, "string", "6.2.0",
                "Get the value of a key and optionally set its expiration", new GetexCommand()));
        rows.add(row("getset", 3, "write denyoom fast", 1, 1, 1, "string", "1.0.0",
                "Set the string value of a key and return its old value", new GetsetCommand()));
    }
}
