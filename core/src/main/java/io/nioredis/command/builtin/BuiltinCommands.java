package io.nioredis.command.builtin;

import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import io.nioredis.command.acl.AclCommands;
import io.nioredis.command.bitmap.BitmapCommands;
import io.nioredis.command.stream.StreamCommands;
import io.nioredis.command.connection.ConnectionCommands;
import io.nioredis.command.geo.GeoCommands;
import io.nioredis.command.generic.DatabaseCommands;
import io.nioredis.command.generic.KeyspaceCommands;
import io.nioredis.command.hash.HashCommands;
import io.nioredis.command.hyperloglog.HyperLogLogCommands;
import io.nioredis.command.list.ListCommands;
import io.nioredis.command.pubsub.PubSubCommands;
import io.nioredis.command.server.CommandCommand;
import io.nioredis.command.scripting.ScriptingCommands;
import io.nioredis.command.server.ServerCommands;
import io.nioredis.command.set.SetCommands;
import io.nioredis.command.sortedset.SortedSetCommands;
import io.nioredis.command.string.StringCommands;
import io.nioredis.command.transactions.TransactionCommands;
import io.nioredis.command.persistence.PersistenceCommands;
import io.nioredis.command.replication.ReplicationCommands;
import io.nioredis.command.cluster.ClusterCommands;
import java.util.List;

/**
 * The command table: every family's names, and how each declares its commands, one line per family. A new
 * family adds its lines here; a new command adds its declaration to its family's {@code register} and its
 * name to the family's {@code NAMES}. The table declares a family when one of its commands is first looked
 * up (see CommandTable), so a family's classes load when first used.
 */
public final class BuiltinCommands {
    /** The families' names, in the order {@link #declare} numbers them; compile-time constants, no class loads. */
    private static final List<String> FAMILIES = List.of(
            ConnectionCommands.NAMES, StringCommands.NAMES, KeyspaceCommands.NAMES, DatabaseCommands.NAMES,
            ListCommands.NAMES, HashCommands.NAMES, SetCommands.NAMES, SortedSetCommands.NAMES, BitmapCommands.NAMES,
            HyperLogLogCommands.NAMES, GeoCommands.NAMES, StreamCommands.NAMES, PubSubCommands.NAMES,
            TransactionCommands.NAMES, ServerCommands.NAMES, AclCommands.NAMES, ScriptingCommands.NAMES,
            PersistenceCommands.NAMES, ReplicationCommands.NAMES, ClusterCommands.NAMES, "command");

    private BuiltinCommands() {}

    public static CommandTable table() {
        // An anonymous class, not a method reference: start-up code (see io.nioredis.config.Config).
        return CommandTable.declaredByFamily(FAMILIES, new CommandTable.Declarations() {
            @Override
            public void declare(int family, List<CommandSpec> rows, CommandTable table) {
                BuiltinCommands.declare(family, rows, table);
            }
        });
    }

    private static void declare(int family, List<CommandSpec> rows, CommandTable table) {
        switch (family) {
            case 0 -> ConnectionCommands.register(rows);
            case 1 -> StringCommands.register(rows);
            case 2 -> KeyspaceCommands.register(rows);
            case 3 -> DatabaseCommands.register(rows);
            case 4 -> ListCommands.register(rows);
            case 5 -> HashCommands.register(rows);
            case 6 -> SetCommands.register(rows);
            case 7 -> SortedSetCommands.register(rows);
            case 8 -> BitmapCommands.register(rows);
            case 9 -> HyperLogLogCommands.register(rows);
            case 10 -> GeoCommands.register(rows);
            case 11 -> StreamCommands.register(rows);
            case 12 -> PubSubCommands.register(rows);
            case 13 -> TransactionCommands.register(rows, () -> table);
            case 14 -> ServerCommands.register(rows, () -> table);
            case 15 -> AclCommands.register(rows, () -> table);
            case 16 -> ScriptingCommands.register(rows, () -> table);
            case 17 -> PersistenceCommands.register(rows);
            case 18 -> ReplicationCommands.register(rows);
            case 19 -> ClusterCommands.register(rows);
            case 20 -> rows.add(CommandCommand.create(() -> table));
            default -> throw new IllegalArgumentException("no family " + family);
        }
    }
}
