package io.nioredis.command;

import io.nioredis.tx.Transaction;

import io.nioredis.client.Client;
import io.nioredis.client.ClientSettings;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;

/**
 * The dispatcher's path for a client in one of the rarer modes, as Redis's processCommand: inside MULTI
 * commands are queued; a RESP2 client with subscriptions may run only the pub/sub commands; CLIENT REPLY
 * OFF/SKIP drops replies. Kept apart so the normal path stays one branch.
 */
final class ModalDispatch {
    private static final byte[] QUEUED = "+QUEUED\r\n".getBytes(StandardCharsets.US_ASCII);

    private ModalDispatch() {}

    static void execute(Dispatcher dispatcher, Client client, CommandSpec spec, Request request, RespWriter out) {
        ClientSettings settings = client.settings();
        if (settings.replyMode == ClientSettings.REPLY_SKIP_NEXT) {
            settings.replyMode = ClientSettings.REPLY_SKIPPING; // this is the command CLIENT REPLY SKIP meant
        }
        boolean skip = settings.replyMode == ClientSettings.REPLY_SKIPPING;
        boolean offBefore = settings.replyMode == ClientSettings.REPLY_OFF;
        int mark = out.size();
        Transaction tx = client.transaction();
        if (client.monitoring() && refusedToMonitor(dispatcher, client, spec, request, out)) {
            // nothing more: the refusal is the reply
        } else if (tx != null && (spec == null || !spec.has(CommandFlags.TRANSACTION_CONTROL))) {
            queue(dispatcher, client, tx, spec, request, out);
        } else if (spec != null && client.protocol() == 2 && client.subscriptions().total() > 0
                && !spec.has(CommandFlags.SUBSCRIBED_CONTEXT)) {
            out.error("ERR Can't execute '" + spec.name
                    + "': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE / PING / QUIT / RESET are allowed in this context");
        } else {
            dispatcher.run(client, spec, request, out);
        }
        // As Redis, which drops replies as they are added: OFF drops what a command writes while it is on
        // (CLIENT REPLY ON still answers, and an EXEC that turns it off keeps its header), SKIP the reply
        // of the one command after CLIENT REPLY SKIP.
        if (skip || (offBefore && settings.replyMode == ClientSettings.REPLY_OFF)) {
            out.truncate(mark);
        }
        if (skip && settings.replyMode == ClientSettings.REPLY_SKIPPING) {
            settings.replyMode = ClientSettings.REPLY_ON;
        }
    }

    /**
     * A client in MONITOR mode is, for Redis, a replica: after the usual gates, any command that reads or
     * writes keys is refused (processCommand's "Replica can't interact with the keyspace").
     */
    private static boolean refusedToMonitor(Dispatcher dispatcher, Client client, CommandSpec spec, Request request,
                                            RespWriter out) {
        String refusal = dispatcher.refusal(client, spec, request);
        if (refusal == null && spec.has(CommandFlags.WRITE | CommandFlags.READONLY | CommandFlags.MAY_REPLICATE)) {
            refusal = Errors.REPLICA_KEYSPACE;
        }
        if (refusal == null) {
            return false;
        }
        if (client.transaction() != null) {
            client.transaction().fail();
        }
        dispatcher.reject(client, spec, refusal, out);
        return true;
    }

    /**
     * Queues a command inside MULTI after the same gates as a normal call, with one more: as in Redis 7.0,
     * queuing is refused whenever memory is over maxmemory, since a queue may grow without bound. A refused
     * command makes EXEC answer EXECABORT.
     */
    private static void queue(Dispatcher dispatcher, Client client, Transaction tx, CommandSpec spec,
                              Request request, RespWriter out) {
        String refusal = dispatcher.refusal(client, spec, request);
        if (refusal == null && !spec.has(CommandFlags.DENYOOM) && !client.server().evictor.makeRoom()) {
            refusal = Errors.OOM_TEXT;
        }
        if (refusal == null && spec.has(CommandFlags.NO_MULTI)) {
            refusal = "ERR Command not allowed inside a transaction";
        }
        if (refusal != null) {
            tx.fail();
            dispatcher.reject(client, spec, refusal, out);
            return;
        }
        if (Dispatcher.heldByPause(client, spec, spec.has(CommandFlags.WRITE | CommandFlags.MAY_REPLICATE))) {
            return; // queued once the pause ends, as Redis holds the client before queuing
        }
        tx.queue(request, spec.has(CommandFlags.DENYOOM), spec.has(CommandFlags.WRITE | CommandFlags.MAY_REPLICATE));
        out.raw(QUEUED);
    }
}
