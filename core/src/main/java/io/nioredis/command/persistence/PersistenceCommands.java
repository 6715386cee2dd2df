package io.nioredis.command.persistence;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.command.AclCategory;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import java.util.List;

/** SAVE, BGSAVE and LASTSAVE: RDB snapshots on demand; BGREWRITEAOF: a new base for the append-only file. */
public final class PersistenceCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "save bgsave bgrewriteaof lastsave";

    private static final CommandFactory IMPLEMENTATIONS = PersistenceCommands::implementation;

    private PersistenceCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.SERVER.command("save", 1, ADMIN | NOSCRIPT | NO_ASYNC_LOADING | NO_MULTI)
                .since("1.0.0")
                .complexity("O(N) where N is the total number of keys in all databases")
                .summary("Write the dataset to disk now, blocking")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("bgsave", -1, ADMIN | NOSCRIPT | NO_ASYNC_LOADING)
                .since("1.0.0")
                .history("3.2.2", "Added the `SCHEDULE` option.")
                .complexity("O(1)")
                .summary("Write the dataset to disk while the server keeps serving")
                .args("[SCHEDULE]@3.2.2")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("bgrewriteaof", 1, ADMIN | NOSCRIPT | NO_ASYNC_LOADING)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Rebuild the append-only file from the dataset while the server keeps serving")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("lastsave", 1, LOADING | STALE | FAST)
                .acl(AclCategory.ADMIN, AclCategory.DANGEROUS)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Reply with the Unix time of the last successful save")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "save" -> new SaveCommand();
            case "bgsave" -> new BgsaveCommand();
            case "bgrewriteaof" -> new BgrewriteaofCommand();
            case "lastsave" -> (client, request, out) -> out.integer(client.server().persistence.lastSaveSeconds());
            default -> throw new IllegalArgumentException(name);
        };
    }
}
