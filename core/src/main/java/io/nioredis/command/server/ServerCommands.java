package io.nioredis.command.server;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;
import io.nioredis.command.AclCategory;

import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server group: keyspace-wide and server-wide administration (DBSIZE, FLUSH*, INFO, CONFIG, SHUTDOWN) and
 * introspection (MEMORY, DEBUG, TIME, LOLWUT), and MODULE. COMMAND is declared on its own.
 */
public final class ServerCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "config slowlog latency monitor dbsize flushdb flushall info shutdown memory "
            + "module debug time lolwut";

    private static final CommandFactory IMPLEMENTATIONS = ServerCommands::implementation;

    private ServerCommands() {}

    /** {@code table} is the finished command table, for CONFIG RESETSTAT's per-command counters. */
    public static void register(List<CommandSpec> rows, Supplier<CommandTable> table) {
        rows.add(ConfigCommand.create(table));
        rows.add(SlowlogCommand.create());
        rows.add(LatencyCommand.create());
        rows.add(Group.SERVER.command("monitor", 1, ADMIN | NOSCRIPT | LOADING | STALE)
                .since("1.0.0")
                .complexity("")
                .summary("Stream every command the server runs to this connection")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("dbsize", 1, READONLY | FAST)
                .acl(AclCategory.KEYSPACE)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Reply with the number of keys in the current database")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("flushdb", -1, WRITE)
                .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
                .since("1.0.0")
                .history(
                        "4.0.0", "Added the `ASYNC` flushing mode modifier.",
                        "6.2.0", "Added the `SYNC` flushing mode modifier.")
                .complexity("O(N) where N is the number of keys in the selected database")
                .summary("Delete every key of the current database")
                .args("async=[ASYNC@4.0.0|SYNC@6.2.0]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("flushall", -1, WRITE)
                .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
                .since("1.0.0")
                .history(
                        "4.0.0", "Added the `ASYNC` flushing mode modifier.",
                        "6.2.0", "Added the `SYNC` flushing mode modifier.")
                .complexity("O(N) where N is the total number of keys in all databases")
                .summary("Delete every key of every database")
                .args("async=[ASYNC@4.0.0|SYNC@6.2.0]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("info", -1, LOADING | STALE)
                .acl(AclCategory.DANGEROUS)
                .since("1.0.0")
                .history("7.0.0", "Added support for taking multiple section arguments.")
                .complexity("O(1)")
                .summary("Report the server's state and statistics, by section")
                .args("[section...]")
                .run(() -> new InfoCommand(table)));
        rows.add(Group.SERVER.command("shutdown", -1, ADMIN | NOSCRIPT | LOADING | STALE | NO_MULTI | ALLOW_BUSY)
                .since("1.0.0")
                .history("7.0.0", "Added the `NOW`, `FORCE` and `ABORT` modifiers.")
                .complexity("O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)")
                .summary("Stop the server")
                .args("nosave_save=[NOSAVE|SAVE] [NOW]@7.0.0 [FORCE]@7.0.0 [ABORT]@7.0.0")
                .run(IMPLEMENTATIONS));
        rows.add(MemoryCommand.create());
        rows.add(ModuleCommand.create());
        rows.add(Group.SERVER.command("debug", -2, ADMIN | NOSCRIPT | LOADING | STALE | PROTECTED)
                .since("1.0.0")
                .complexity("Depends on subcommand.")
                .summary("Commands for debugging the server")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("time", 1, LOADING | STALE | FAST)
                .since("2.6.0")
                .complexity("O(1)")
                .summary("Reply with the server's clock as seconds and microseconds")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("lolwut", -1, READONLY | FAST)
                .since("5.0.0")
                .complexity("")
                .summary("Show a piece of generative art and the server version")
                .args("[VERSION:version#integer]")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "monitor" -> new MonitorCommand();
            case "dbsize" -> new DbsizeCommand();
            case "flushdb" -> new FlushCommand(false);
            case "flushall" -> new FlushCommand(true);
            case "shutdown" -> new ShutdownCommand();
            case "debug" -> new DebugCommand();
            case "time" -> new TimeCommand();
            case "lolwut" -> new LolwutCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
