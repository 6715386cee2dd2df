package io.nioredis.command.replication;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.command.AclCategory;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import java.util.List;

/**
 * Replication: REPLCONF, PSYNC, SYNC and ROLE (the master side), REPLICAOF and SLAVEOF (the replica side),
 * FAILOVER (a master handing over to a replica).
 */
public final class ReplicationCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "replconf psync sync replicaof slaveof failover role";

    private static final CommandFactory IMPLEMENTATIONS = ReplicationCommands::implementation;

    private ReplicationCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.SERVER.command("replconf", -1, ADMIN | NOSCRIPT | LOADING | STALE | ALLOW_BUSY)
                .since("3.0.0")
                .complexity("O(1)")
                .summary("An internal command for configuring the replication stream")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("psync", -3, ADMIN | NOSCRIPT | NO_ASYNC_LOADING | NO_MULTI)
                .since("2.8.0")
                .complexity("")
                .summary("Internal command used for replication")
                .args("replicationid offset")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("sync", 1, ADMIN | NOSCRIPT | NO_ASYNC_LOADING | NO_MULTI)
                .since("1.0.0")
                .complexity("")
                .summary("Internal command used for replication")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("replicaof", 3, ADMIN | NOSCRIPT | STALE | NO_ASYNC_LOADING)
                .since("5.0.0")
                .complexity("O(1)")
                .summary("Make the server a replica of another instance, or promote it as master.")
                .args("args=(host-port=(host port)|no-one=(NO ONE))")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("slaveof", 3, ADMIN | NOSCRIPT | STALE | NO_ASYNC_LOADING)
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Make the server a replica of another instance, or promote it as master.")
                .deprecated("5.0.0", "`REPLICAOF`")
                .args("args=(host-port=(host port)|no-one=(NO ONE))")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("failover", -1, ADMIN | NOSCRIPT | STALE)
                .since("6.2.0")
                .complexity("O(1)")
                .summary("Start a coordinated failover between this server and one of its replicas.")
                .args("target=TO:[host port [FORCE]] [ABORT] [TIMEOUT:milliseconds]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("role", 1, NOSCRIPT | LOADING | STALE | FAST)
                .acl(AclCategory.ADMIN, AclCategory.DANGEROUS)
                .since("2.8.12")
                .complexity("O(1)")
                .summary("Return the role of the instance in the context of replication")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "replconf" -> new ReplconfCommand();
            case "psync" -> new PsyncCommand(true);
            case "sync" -> new PsyncCommand(false);
            case "replicaof" -> new ReplicaofCommand();
            case "slaveof" -> new ReplicaofCommand();
            case "failover" -> new FailoverCommand();
            case "role" -> new RoleCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
