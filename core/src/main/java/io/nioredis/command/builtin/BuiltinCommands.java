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
import java.util.ArrayList;
import java.util.List;

/**
 * The command table: every family's declarations, one line per family. A new family adds its line here;
 * a new command adds its declaration to its family's {@code register}.
 */
public final class BuiltinCommands {
    private BuiltinCommands() {}

    public static CommandTable table() {
        List<CommandSpec> rows = new ArrayList<>();
        CommandTable[] built = new CommandTable[1];
        ConnectionCommands.register(rows);
        StringCommands.register(rows);
        KeyspaceCommands.register(rows);
        DatabaseCommands.register(rows);
        ListCommands.register(rows);
        HashCommands.register(rows);
        SetCommands.register(rows);
        SortedSetCommands.register(rows);
        BitmapCommands.register(rows);
        HyperLogLogCommands.register(rows);
        GeoCommands.register(rows);
        StreamCommands.register(rows);
        PubSubCommands.register(rows);
        TransactionCommands.register(rows, () -> built[0]);
        ServerCommands.register(rows, () -> built[0]);
        AclCommands.register(rows, () -> built[0]);
        ScriptingCommands.register(rows, () -> built[0]);
        io.nioredis.command.persistence.PersistenceCommands.register(rows);
        io.nioredis.command.replication.ReplicationCommands.register(rows);
        io.nioredis.command.cluster.ClusterCommands.register(rows);
        rows.add(CommandCommand.create(() -> built[0]));
        built[0] = new CommandTable(rows);
        return built[0];
    }
}
