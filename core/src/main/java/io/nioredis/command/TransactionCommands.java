package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.List;

/** MULTI, EXEC, DISCARD, WATCH and UNWATCH, as Redis 7.0's multi.c. Queuing itself is in {@link ModalDispatch}. */
final class TransactionCommands {
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
    static void exec(Client client, Request request, RespWriter out) {
        Transaction tx = client.transaction();
        if (tx == null) {
            out.error("ERR EXEC without MULTI");
            return;
        }
        client.transaction(null);
        boolean dirty = client.server().watches.dirty(client);
        client.server().watches.unwatchAll(client);
        if (tx.failed) {
            out.error("EXECABORT Transaction discarded because of previous errors.");
            return;
        }
        if (dirty) {
            out.nullArrayValue();
            return;
        }
        out.arrayHeader(tx.size());
        for (int i = 0; i < tx.size(); i++) {
            CommandSpec spec = tx.specs.get(i);
            client.lastCommand(spec);
            spec.command.execute(client, tx.requests.get(i), out);
            client.server().totalCommandsProcessed++;
        }
    }

    static void discard(Client client, Request request, RespWriter out) {
        if (client.transaction() == null) {
            out.error("ERR DISCARD without MULTI");
            return;
        }
        client.transaction(null);
        client.server().watches.unwatchAll(client);
        out.raw(Replies.OK);
    }

    static void watch(Client client, Request request, RespWriter out) {
        if (client.transaction() != null) {
            out.error("ERR WATCH inside MULTI is not allowed");
            return;
        }
        for (int i = 1; i < request.argc(); i++) {
            client.server().watches.watch(client, client.keyspace(), request.array(), request.offset(i),
                    request.length(i));
        }
        out.raw(Replies.OK);
    }

    static void unwatch(Client client, Request request, RespWriter out) {
        client.server().watches.unwatchAll(client);
        out.raw(Replies.OK);
    }

    static void register(List<CommandSpec> rows) {
        rows.add(BuiltinCommands.row("multi", 1, "noscript loading stale fast allow_busy", 0, 0, 0,
                "transactions", "1.2.0", "Mark the start of a transaction block", TransactionCommands::multi));
        rows.add(BuiltinCommands.row("exec", 1, "noscript loading stale skip_slowlog", 0, 0, 0,
                "transactions", "1.2.0", "Execute all commands issued after MULTI", TransactionCommands::exec));
        rows.add(BuiltinCommands.row("discard", 1, "noscript loading stale fast allow_busy", 0, 0, 0,
                "transactions", "2.0.0", "Discard all commands issued after MULTI", TransactionCommands::discard));
        rows.add(BuiltinCommands.row("watch", -2, "noscript loading stale fast allow_busy", 1, -1, 1,
                "transactions", "2.2.0", "Watch the given keys to determine execution of the MULTI/EXEC block",
                TransactionCommands::watch));
        rows.add(BuiltinCommands.row("unwatch", 1, "noscript loading stale fast allow_busy", 0, 0, 0,
                "transactions", "2.2.0", "Forget about all watched keys", TransactionCommands::unwatch));
    }
}
