package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;

/**
 * Runs one parsed request: finds the command, checks its arity and executes it, replying with Redis's
 * errors for unknown commands and wrong argument counts. Holds no per-connection state.
 */
public final class Dispatcher {
    /** Redis stops quoting the arguments of an unknown command after 128 bytes. */
    private static final int QUOTE_LIMIT = 128;

    private final CommandTable table;

    public Dispatcher(CommandTable table) {
        this.table = table;
    }

    public CommandTable table() {
        return table;
    }

    public void execute(Client client, Request request, RespWriter out) {
        CommandSpec spec = table.lookup(request.array(), request.offset(0), request.length(0));
        if (client.inSpecialMode()) {
            ModalDispatch.execute(this, client, spec, request, out); // MULTI, subscribed or CLIENT REPLY
            return;
        }
        run(client, spec, request, out);
    }

    /** Checks and runs one command (spec null if unknown) in the normal mode. */
    void run(Client client, CommandSpec spec, Request request, RespWriter out) {
        if (spec == null) {
            out.error(unknownCommand(request));
            return;
        }
        if (!spec.arityAccepts(request.argc())) {
            out.error(Errors.wrongArity(spec.name));
            return;
        }
        if (!spec.noAuth && client.authRequired()) {
            out.raw(Errors.NOAUTH);
            return;
        }
        // As Redis's processCommand: evict before every command while over maxmemory; only commands that
        // may grow memory are refused when nothing could be evicted.
        if (!client.server().evictor.makeRoom() && spec.denyOom) {
            out.raw(Errors.OOM);
            return;
        }
        client.lastCommand(spec);
        spec.command.execute(client, request, out);
        client.server().totalCommandsProcessed++;
    }

    /** {@code ERR unknown command 'foo', with args beginning with: 'a' 'b' } as Redis formats it. */
    static String unknownCommand(Request request) {
        StringBuilder args = new StringBuilder();
        for (int i = 1; i < request.argc() && args.length() < QUOTE_LIMIT; i++) {
            String arg = request.string(i);
            int room = QUOTE_LIMIT - args.length();
            args.append('\'').append(arg, 0, Math.min(arg.length(), room)).append("' ");
        }
        String name = Errors.truncate(request.string(0));
        return "ERR unknown command '" + name + "', with args beginning with: " + args;
    }
}
