package io.nioredis.command.transactions;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;

import io.nioredis.client.Client;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import io.nioredis.command.Dispatcher;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.tx.Transaction;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.List;
import java.util.function.Supplier;

/** MULTI, EXEC, DISCARD, WATCH and UNWATCH, as Redis 7.0's multi.c. Queuing itself is in the dispatcher. */
public final class TransactionCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "multi exec discard watch unwatch";

    private static final CommandFactory IMPLEMENTATIONS = TransactionCommands::implementation;

    private TransactionCommands() {}

    static void multi(Client client, Request request, RespWriter out) {
        if (client.transaction() != null) {
            out.error("ERR MULTI calls can not be nested");
            return;
        }
        client.transaction(new Transaction());
        out.raw(Replies.OK);
    }

    /**
     * Runs the queued commands, each reply in place (a runtime error does not stop the rest), unless a
     * command was rejected while queuing (EXECABORT) or a watched key was touched (null array).
     */
    static void exec(CommandTable table, Client client, RespWriter out) {
        Transaction tx = client.transaction();
        if (tx == null) {
            out.error("ERR EXEC without MULTI");
            return;
        }
        // Redis 7.0 refuses EXEC itself, leaving the transaction open but doomed, when a queued command
        // may grow memory and memory is full.
        if (tx.mayGrowMemory() && !client.server().evictor.makeRoom()) {
            tx.fail();
            out.raw(Errors.OOM);
            return;
        }
        client.transaction(null);
        boolean dirty = client.server().watches.dirty(client.watched());
        client.server().watches.unwatchAll(client.watched());
        if (tx.failed()) {
            out.error("EXECABORT Transaction discarded because of previous errors.");
            return;
        }
        if (dirty) {
            out.nullArrayValue();
            return;
        }
        out.arrayHeader(tx.size());
        client.denyBlocking(true); // blocking commands answer at once inside EXEC, as on a timeout
        client.runningQueue(tx);
        try {
            for (int i = 0; i < tx.size(); i++) {
                Request request = tx.request(i);
                Dispatcher.call(client, table.lookup(request), request, out);
            }
        } finally {
            client.runningQueue(null);
            client.denyBlocking(false);
        }
        client.lastCommand("exec");
    }

    static void discard(Client client, Request request, RespWriter out) {
        if (client.transaction() == null) {
            out.error("ERR DISCARD without MULTI");
            return;
        }
        client.transaction(null);
        client.server().watches.unwatchAll(client.watched());
        out.raw(Replies.OK);
    }

    static void watch(Client client, Request request, RespWriter out) {
        if (client.transaction() != null) {
            out.error("ERR WATCH inside MULTI is not allowed");
            return;
        }
        for (int i = 1; i < request.argc(); i++) {
            client.server().watches.watch(client.watched(), client.keyspace(), request.array(), request.offset(i),
                    request.length(i));
        }
        out.raw(Replies.OK);
    }

    static void unwatch(Client client, Request request, RespWriter out) {
        client.server().watches.unwatchAll(client.watched());
        out.raw(Replies.OK);
    }

    public static void register(List<CommandSpec> rows, Supplier<CommandTable> table) {
        rows.add(Group.TRANSACTIONS.command("multi", 1, NOSCRIPT | LOADING | STALE | FAST | ALLOW_BUSY | TRANSACTION_CONTROL)
                .since("1.2.0")
                .complexity("O(1)")
                .summary("Start queuing commands for a transaction")
                .run(IMPLEMENTATIONS));
        rows.add(Group.TRANSACTIONS.command("exec", 1, NOSCRIPT | LOADING | STALE | SKIP_SLOWLOG | TRANSACTION_CONTROL | RUNS_QUEUED)
                .since("1.2.0")
                .complexity("Depends on commands in the transaction")
                .summary("Run the queued commands of a transaction")
                .run(() -> (c, r, out) -> exec(table.get(), c, out)));
        rows.add(Group.TRANSACTIONS.command("discard", 1, NOSCRIPT | LOADING | STALE | FAST | ALLOW_BUSY | TRANSACTION_CONTROL)
                .since("2.0.0")
                .complexity("O(N), when N is the number of queued commands")
                .summary("Drop the queued commands of a transaction")
                .run(IMPLEMENTATIONS));
        rows.add(Group.TRANSACTIONS.command("watch", -2, NOSCRIPT | LOADING | STALE | FAST | ALLOW_BUSY | TRANSACTION_CONTROL)
                .keys(KeySpec.range(1, -1, 1, "RO"))
                .since("2.2.0")
                .complexity("O(1) for every key.")
                .summary("Make the next transaction fail if any of these keys changes")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.TRANSACTIONS.command("unwatch", 1, NOSCRIPT | LOADING | STALE | FAST | ALLOW_BUSY)
                .since("2.2.0")
                .complexity("O(1)")
                .summary("Forget the keys watched by this connection")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "multi" -> TransactionCommands::multi;
            case "discard" -> TransactionCommands::discard;
            case "watch" -> TransactionCommands::watch;
            case "unwatch" -> TransactionCommands::unwatch;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
