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
        rows.add(Group.SERVER.command("dbsize", 1, READONLY | FAST)
                .acl(AclCategory.KEYSPACE)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Return the number of keys in the selected database")
                .run(new DbsizeCommand()));
        rows.add(Group.SERVER.command("flushdb", -1, WRITE)
                .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
                .since("1.0.0")
                .history(
                        "4.0.0", "Added the `ASYNC` flushing mode modifier.",
                        "6.2.0", "Added the `SYNC` flushing mode modifier.")
                .complexity("O(N) where N is the number of keys in the selected database")
                .summary("Remove all keys from the current database")
                .args("async=[ASYNC@4.0.0|SYNC@6.2.0]")
                .run(new FlushCommand(false)));
        rows.add(Group.SERVER.command("flushall", -1, WRITE)
                .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
                .since("1.0.0")
                .history(
                        "4.0.0", "Added the `ASYNC` flushing mode modifier.",
                        "6.2.0", "Added the `SYNC` flushing mode modifier.")
                .complexity("O(N) where N is the total number of keys in all databases")
                .summary("Remove all keys from all databases")
                .args("async=[ASYNC@4.0.0|SYNC@6.2.0]")
                .run(new FlushCommand(true)));
        rows.add(Group.SERVER.command("info", -1, LOADING | STALE)
                .acl(AclCategory.DANGEROUS)
                .since("1.0.0")
                .history("7.0.0", "Added support for taking multiple section arguments.")
                .complexity("O(1)")
                .summary("Get information and statistics about the server")
                .args("[section...]")
                .run(new InfoCommand()));
        rows.add(Group.SERVER.command("shutdown", -1, ADMIN | NOSCRIPT | LOADING | STALE | NO_MULTI | ALLOW_BUSY)
                .since("1.0.0")
                .history("7.0.0", "Added the `NOW`, `FORCE` and `ABORT` modifiers.")
                .complexity("O(N) when saving, where N is the total number of keys in all databases when saving data, otherwise O(1)")
                .summary("Synchronously save the dataset to disk and then shut down the server")
                .args("nosave_save=[NOSAVE|SAVE] [NOW]@7.0.0 [FORCE]@7.0.0 [ABORT]@7.0.0")
                .run(new ShutdownCommand()));
    }
}
