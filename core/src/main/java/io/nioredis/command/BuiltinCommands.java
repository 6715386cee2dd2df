package io.nioredis.command;

import java.util.ArrayList;
import java.util.List;

/**
 * The command table: one row per command. Adding a command is a class and a row, here or in its family's
 * {@code register(rows)}. Arity follows Redis: positive is exact, negative is a minimum, both counting the
 * command name; first/last key and step as COMMAND INFO reports them.
 */
public final class BuiltinCommands {
    private BuiltinCommands() {}

    public static CommandTable table() {
        List<CommandSpec> rows = new ArrayList<>();
        CommandTable[] built = new CommandTable[1];
        SubcommandTable commandSubs = CommandCommand.create(() -> built[0]);

        // Connection
        rows.add(row("ping", -1, "fast", 0, 0, 0, "connection", "1.0.0", "Ping the server", new PingCommand()));
        rows.add(row("echo", 2, "fast", 0, 0, 0, "connection", "1.0.0", "Echo the given string",
                new EchoCommand()));
        rows.add(row("select", 2, "loading stale fast", 0, 0, 0, "connection", "1.0.0",
                "Change the selected database for the current connection", new SelectCommand()));
        rows.add(row("auth", -2, "noscript loading stale fast no_auth allow_busy", 0, 0, 0, "connection", "1.0.0",
                "Authenticate to the server", new AuthCommand()));
        rows.add(row("quit", -1, "allow_busy noscript loading stale fast no_auth", 0, 0, 0,
                "connection", "1.0.0", "Close the connection", new QuitCommand()));

        // Strings
        rows.add(row("set", -3, "write denyoom", 1, 1, 1, "string", "1.0.0",
                "Set the string value of a key", new SetCommand()));
        rows.add(row("get", 2, "readonly fast", 1, 1, 1, "string", "1.0.0", "Get the value of a key",
                new GetCommand()));

        // Keyspace
        rows.add(row("del", -2, "write", 1, -1, 1, "generic", "1.0.0", "Delete a key", new DelCommand()));
        rows.add(row("exists", -2, "readonly fast", 1, -1, 1, "generic", "1.0.0", "Determine if a key exists",
                new ExistsCommand()));
        rows.add(row("expire", -3, "write fast", 1, 1, 1, "generic", "1.0.0",
                "Set a key's time to live in seconds", new ExpireCommand("expire", true, true)));
        rows.add(row("pexpire", -3, "write fast", 1, 1, 1, "generic", "2.6.0",
                "Set a key's time to live in milliseconds", new ExpireCommand("pexpire", false, true)));
        rows.add(row("expireat", -3, "write fast", 1, 1, 1, "generic", "1.2.0",
                "Set the expiration for a key as a UNIX timestamp", new ExpireCommand("expireat", true, false)));
        rows.add(row("pexpireat", -3, "write fast", 1, 1, 1, "generic", "2.6.0",
                "Set the expiration for a key as a UNIX timestamp specified in milliseconds",
                new ExpireCommand("pexpireat", false, false)));
        rows.add(row("ttl", 2, "readonly fast", 1, 1, 1, "generic", "1.0.0", "Get the time to live for a key in seconds",
                new TtlCommand(false)));
        rows.add(row("pttl", 2, "readonly fast", 1, 1, 1, "generic", "2.6.0",
                "Get the time to live for a key in milliseconds", new TtlCommand(true)));
        rows.add(row("persist", 2, "write fast", 1, 1, 1, "generic", "2.2.0", "Remove the expiration from a key",
                new PersistCommand()));
        rows.add(row("type", 2, "readonly fast", 1, 1, 1, "generic", "1.0.0",
                "Determine the type stored at key", new TypeCommand()));
        rows.add(row("keys", 2, "readonly", 0, 0, 0, "generic", "1.0.0", "Find all keys matching the given pattern",
                new KeysCommand()));

        // Server
        rows.add(row("dbsize", 1, "readonly fast", 0, 0, 0, "server", "1.0.0",
                "Return the number of keys in the selected database", new DbsizeCommand()));
        rows.add(row("flushdb", -1, "write", 0, 0, 0, "server", "1.0.0",
                "Remove all keys from the current database", new FlushCommand(false)));
        rows.add(row("flushall", -1, "write", 0, 0, 0, "server", "1.0.0", "Remove all keys from all databases",
                new FlushCommand(true)));
        rows.add(row("info", -1, "loading stale", 0, 0, 0, "server", "1.0.0",
                "Get information and statistics about the server", new InfoCommand()));
        rows.add(row("config", -2, "", 0, 0, 0, "server", "2.0.0", "A container for server configuration commands",
                ConfigCommand.create()));
        rows.add(row("command", -1, "loading stale", 0, 0, 0, "server", "2.8.13",
                "Get array of Redis command details", CommandCommand.all(() -> built[0], commandSubs)));
        rows.add(row("shutdown", -1, "admin noscript loading stale no_multi", 0, 0, 0, "server", "1.0.0",
                "Synchronously save the dataset to disk and then shut down the server", new ShutdownCommand()));

        // Command families kept in their own files register here, one line each:
        StringCommands.register(rows);
        KeyspaceCommands.register(rows);
        ListCommands.register(rows);
        HashCommands.register(rows);
        ConnectionCommands.register(rows);
        SetCommands.register(rows);
        SortedSetCommands.register(rows);

        built[0] = new CommandTable(rows);
        return built[0];
    }

    /** One table row; families in other files use it from their {@code register(rows)}. */
    static CommandSpec row(String name, int arity, String flags, int firstKey, int lastKey, int step,
                                   String group, String since, String summary, Command command) {
        return new CommandSpec(name, arity, flags, firstKey, lastKey, step, group, since, summary, command);
    }
}
