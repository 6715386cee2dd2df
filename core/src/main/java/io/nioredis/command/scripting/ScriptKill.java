package io.nioredis.command.scripting;

import io.nioredis.RunningScript;
import io.nioredis.client.Client;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.RespWriter;

/**
 * SCRIPT KILL and FUNCTION KILL (Redis's scriptKill): asks the running script to stop at its next check,
 * unless it has written (it must then run to the end) or the other KILL is the one that applies.
 */
final class ScriptKill {
    private ScriptKill() {}

    static void kill(Client client, RespWriter out, boolean eval) {
        RunningScript running = client.server().scripting.running;
        if (!running.running()) {
            out.raw(Errors.NOTBUSY);
        } else if (running.hasWritten()) {
            out.raw(Errors.UNKILLABLE);
        } else if (eval != running.eval()) {
            out.error(running.busyError());
        } else {
            running.requestKill();
            out.raw(Replies.OK);
        }
    }
}
