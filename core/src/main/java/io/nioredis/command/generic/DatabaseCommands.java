package io.nioredis.command.generic;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;
import io.nioredis.command.AclCategory;

import io.nioredis.client.Client;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Databases;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import java.util.List;

/** MOVE and SWAPDB: commands across the numbered databases, as Redis 7.0's db.c. */
public final class DatabaseCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "move swapdb";

    private static final CommandFactory IMPLEMENTATIONS = DatabaseCommands::implementation;

    private DatabaseCommands() {}

    /** MOVE key db: 1 if moved (with its deadline), 0 if absent here or present there. */
    static void move(Client client, Request request, RespWriter out) {
        if (client.server().cluster != null) {
            out.raw(Errors.MOVE_IN_CLUSTER);
            return;
        }
        if (!request.isLong(2) || request.longValue(2) < Integer.MIN_VALUE || request.longValue(2) > Integer.MAX_VALUE) {
            out.raw(Errors.NOT_INTEGER);
            return;
        }
        long target = request.longValue(2);
        Databases dbs = client.server().databases;
        if (target < 0 || target >= dbs.count()) {
            out.raw(Errors.DB_INDEX_OUT_OF_RANGE);
            return;
        }
        Keyspace src = client.keyspace();
        Keyspace dst = dbs.get((int) target);
        if (src == dst) {
            out.error("ERR source and destination objects are the same");
            return;
        }
        byte[] b = request.array();
        int off = request.offset(1);
        int len = request.length(1);
        int slot = src.lookup(b, off, len);
        if (slot < 0 || dst.lookup(b, off, len) >= 0) {
            out.raw(Replies.ZERO);
            return;
        }
        src.moveTo(slot, dst);
        src.changed(KeyspaceEvents.GENERIC, "move_from", b, off, len);
        dst.changed(KeyspaceEvents.GENERIC, "move_to", b, off, len);
        out.raw(Replies.ONE);
    }

    /** SWAPDB index1 index2. */
    static void swapdb(Client client, Request request, RespWriter out) {
        if (client.server().cluster != null) {
            out.raw(Errors.SWAPDB_IN_CLUSTER);
            return;
        }
        int first = indexOrReply(request, 1, "ERR invalid first DB index", out);
        if (first == Integer.MIN_VALUE) {
            return;
        }
        int second = indexOrReply(request, 2, "ERR invalid second DB index", out);
        if (second == Integer.MIN_VALUE) {
            return;
        }
        Databases dbs = client.server().databases;
        if (first < 0 || second < 0 || first >= dbs.count() || second >= dbs.count()) {
            out.raw(Errors.DB_INDEX_OUT_OF_RANGE);
            return;
        }
        if (first != second) {
            client.server().watches.swapping(dbs.get(first), dbs.get(second));
            dbs.get(first).swapContents(dbs.get(second));
            // Clients stay with their database number; those waiting for a key the swap brought in are served.
            client.server().blocking.swapped(dbs.get(first), dbs.get(second));
        }
        dbs.stats().dirty++; // a change for save points and propagation, as Redis counts it (even 0 with 0)
        out.raw(Replies.OK);
    }

    private static int indexOrReply(Request request, int arg, String error, RespWriter out) {
        if (!request.isLong(arg) || request.longValue(arg) < Integer.MIN_VALUE
                || request.longValue(arg) > Integer.MAX_VALUE) {
            out.error(error);
            return Integer.MIN_VALUE;
        }
        return (int) request.longValue(arg);
    }

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.GENERIC.command("move", 3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Move a key to another database")
                .args("key db")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SERVER.command("swapdb", 3, WRITE | FAST)
                .acl(AclCategory.KEYSPACE, AclCategory.DANGEROUS)
                .since("4.0.0")
                .complexity("O(N) where N is the count of clients watching or blocking on keys from both databases.")
                .summary("Exchange the contents of two databases")
                .args("index1#integer index2#integer")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "move" -> DatabaseCommands::move;
            case "swapdb" -> DatabaseCommands::swapdb;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
