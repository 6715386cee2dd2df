package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The dispatcher's path for a client in one of the rarer modes, as Redis's processCommand: inside MULTI
 * commands are queued; a RESP2 client with subscriptions may run only the pub/sub commands; CLIENT REPLY
 * OFF/SKIP drops replies. Kept apart so the normal path stays one branch.
 */
final class ModalDispatch {
    private static final byte[] QUEUED = "+QUEUED\r\n".getBytes(StandardCharsets.US_ASCII);
    /** Run at once inside MULTI instead of being queued. */
    private static final Set<String> TRANSACTION_CONTROL = Set.of("exec", "discard", "multi", "watch", "quit", "reset");
    /** All a RESP2 client may run while subscribed. */
    private static final Set<String> SUBSCRIBED_ALLOWED = Set.of(
            "subscribe", "psubscribe", "unsubscribe", "punsubscribe", "ping", "quit", "reset");

    private ModalDispatch() {}

    /** Commands flagged {@code no_multi} in Redis's table (SHUTDOWN) are refused while queuing. */
    private static boolean notAllowedInMulti(CommandSpec spec) {
        for (String flag : spec.flags) {
            if (flag.equals("no_multi")) {
                return true;
            }
        }
        return false;
    }

    static void execute(Dispatcher dispatcher, Client client, CommandSpec spec, Request request, RespWriter out) {
        ClientSettings settings = client.settings();
        if (settings.replyMode == ClientSettings.REPLY_SKIP_NEXT) {
            settings.replyMode = ClientSettings.REPLY_SKIPPING; // this is the command CLIENT REPLY SKIP meant
        }
        boolean skip = settings.replyMode == ClientSettings.REPLY_SKIPPING;
        boolean offBefore = settings.replyMode == ClientSettings.REPLY_OFF;
        int mark = out.size();
        Transaction tx = client.transaction();
        if (tx != null && (spec == null || !TRANSACTION_CONTROL.contains(spec.name))) {
            if (spec == null || !spec.arityAccepts(request.argc())) {
                tx.failed = true; // EXEC will answer EXECABORT
                dispatcher.run(client, spec, request, out);
            } else if (notAllowedInMulti(spec)) {
                tx.failed = true;
                out.error("ERR Command not allowed inside a transaction");
            } else {
                tx.queue(spec, request);
                out.raw(QUEUED);
            }
        } else if (spec != null && client.protocol() == 2 && client.subscriptions().count() > 0
                && !SUBSCRIBED_ALLOWED.contains(spec.name)) {
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
}
