package io.nioredis.command.server;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Group;
import io.nioredis.command.AclCategory;

import io.nioredis.command.CommandSpec;
import java.util.List;

/** The server group: keyspace-wide and server-wide administration (DBSIZE, FLUSH*, INFO, CONFIG, COMMAND, SHUTDOWN). */
public final class ServerCommands {
    private ServerCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(ConfigCommand.create());
        rows.add(SlowlogCommand.create());
        rows.add(LatencyCommand.create());
        rows.add(Group.SERVER.command("monitor", 1, ADMIN | NOSCRIPT | LOADING | STALE)
                .since("1.0.0")
                .complexity("")
                .summary("Stream every command the server runs, as it runs it")
                .run(new MonitorCommand()));
        rows.add(Group.SERVER.command("dbsize", 1, READONLY | FAST)
                .acl(AclCategory.KEYSPACE)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Return the number of keys in the selected database")
                .run(new DbsizeCommand()));
        rows.add(Group.SERVER.command("flushdb", -1, WRITE)
                .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
                .since("1.0.0")
                .complexity("O(N) where N is the number of keys in the selected database")
                .summary("Remove all keys from the current database")
                .args("async=[ASYNC|SYNC]")
                .run(new FlushCommand(false)));
        rows.add(Group.SERVER.command("flushall", -1, WRITE)
                .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
                .since("1.0.0")
                .complexity("O(N) where N is the total number of keys in all databases")
                .summary("Remove all keys from all databases")
                .args("async=[ASYNC|SYNC]")
                .run(new FlushCommand(true)));
        rows.add(Group.SERVER.command("info", -1, LOADING | STALE)
                .acl(AclCategory.DANGEROUS)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Get information and statistics about the server")
                .args("[section...]")
                .run(new InfoCommand()));
        rows.add(Group.SERVER.command("shutdown", -1, ADMIN | NOSCRIPT | LOADING | STALE | NO_MULTI | ALLOW_BUSY)
                .since("1.0.0")
                .complexity("O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)")
                .summary("Synchronously save the dataset to disk and then shut down the server")
                .args("nosave_save=[NOSAVE|SAVE] [NOW] [FORCE] [ABORT]")
                .run(new ShutdownCommand()));
    }
}
