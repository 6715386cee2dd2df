package io.nioredis.command.cluster;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.client.Client;
import io.nioredis.command.AclCategory;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Errors;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;
import io.nioredis.command.Replies;
import java.util.List;

/** Redis Cluster's client side: CLUSTER, ASKING, READONLY, READWRITE and MIGRATE. */
public final class ClusterCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "cluster asking readonly readwrite migrate";

    private static final CommandFactory IMPLEMENTATIONS = ClusterCommands::implementation;

    private ClusterCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(ClusterCommand.create());
        rows.add(Group.CLUSTER.command("asking", 1, FAST)
                .acl(AclCategory.CONNECTION)
                .since("3.0.0")
                .complexity("O(1)")
                .summary("Sent by cluster clients after an -ASK redirect")
                .run(IMPLEMENTATIONS));
        rows.add(Group.CLUSTER.command("readonly", 1, LOADING | STALE | FAST)
                .acl(AclCategory.CONNECTION)
                .since("3.0.0")
                .complexity("O(1)")
                .summary("Enables read queries for a connection to a cluster replica node")
                .run(IMPLEMENTATIONS));
        rows.add(Group.CLUSTER.command("readwrite", 1, LOADING | STALE | FAST)
                .acl(AclCategory.CONNECTION)
                .since("3.0.0")
                .complexity("O(1)")
                .summary("Disables read queries for a connection to a cluster replica node")
                .run(IMPLEMENTATIONS));
        rows.add(Group.GENERIC.command("migrate", -6, WRITE)
                .keys(KeySpec.range(3, 0, 1, "RW", "access", "delete"),
                        KeySpec.keyword("KEYS", -2, -1, 1, 0, "RW", "access", "delete", "incomplete"))
                .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
                .since("2.6.0")
                .complexity("This command actually executes a DUMP+DEL in the source instance, and a RESTORE in the "
                        + "target instance. See the pages of these commands for time complexity. Also an O(N) data "
                        + "transfer between the two instances is performed.")
                .summary("Atomically transfer a key from a Redis instance to another one.")
                .args("host port#integer key_or_empty_string=(key|empty_string) destination-db#integer timeout#integer "
                        + "[COPY@3.0.0] [REPLACE@3.0.0] [authentication=[AUTH:password@4.0.7|"
                        + "username_password=AUTH2:(username password)@6.0.0]] [KEYS:key...@3.0.6]")
                .run(IMPLEMENTATIONS));
    }

    /** ASKING, READONLY and READWRITE mean nothing outside cluster mode, and say so as Redis does. */
    static Command clusterOnly(Command command) {
        return (Client c, io.nioredis.resp.Request r, io.nioredis.resp.RespWriter out) -> {
            if (c.server().cluster == null) {
                out.raw(Errors.CLUSTER_DISABLED);
                return;
            }
            command.execute(c, r, out);
        };
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "asking" -> clusterOnly((c, r, out) -> {
                c.asking(true);
                out.raw(Replies.OK);
            });
            case "readonly" -> clusterOnly((c, r, out) -> {
                c.readonlyCluster(true);
                out.raw(Replies.OK);
            });
            case "readwrite" -> clusterOnly((c, r, out) -> {
                c.readonlyCluster(false);
                out.raw(Replies.OK);
            });
            case "migrate" -> new MigrateCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
