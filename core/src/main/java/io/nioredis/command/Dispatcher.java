package io.nioredis.command;

import io.nioredis.client.Client;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.TouchControl;

/**
 * Runs one parsed request as Redis's processCommand: finds the command, then passes the gates (unknown
 * command, arity, authentication, memory) by the command's flag bits, runs it and counts it for INFO
 * commandstats. Clients in MULTI, subscribed or CLIENT REPLY modes go through {@link ModalDispatch}.
 * Holds no per-connection state.
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
        CommandSpec spec = table.lookup(request);
        if (client.inSpecialMode()) {
            ModalDispatch.execute(this, client, spec, request, out); // MULTI, subscribed or CLIENT REPLY
            return;
        }
        run(client, spec, request, out);
    }

    /** Checks and runs one command (spec null if unknown) in the normal mode. */
    void run(Client client, CommandSpec spec, Request request, RespWriter out) {
        String refusal = refusal(client, spec, request);
        if (refusal != null) {
            reject(client, spec, refusal, out);
            return;
        }
        call(client, spec, request, out);
        io.nioredis.blocking.BlockedKeys blocking = client.server().blocking;
        if (blocking.hasReady()) {
            blocking.serveReady(); // Redis serves the keys a command made ready before the next one runs
        }
    }

    /**
     * Why the command may not run now, or null: Redis's checks in processCommand's order. As there, evicting
     * happens before every command while over maxmemory, and only commands flagged denyoom are refused when
     * nothing could be evicted.
     */
    String refusal(Client client, CommandSpec spec, Request request) {
        if (spec == null) {
            return unknownCommand(request);
        }
        if (!spec.arityAccepts(request.argc())) {
            return Errors.wrongArity(spec.fullName);
        }
        if (spec.has(CommandFlags.PROTECTED) && !protectedActionAllowed(client)) {
            return Errors.DEBUG_NOT_ALLOWED_TEXT;
        }
        if (!spec.has(CommandFlags.NO_AUTH) && client.authRequired()) {
            return Errors.NOAUTH_TEXT;
        }
        if (!client.server().evictor.makeRoom() && spec.has(CommandFlags.DENYOOM)) {
            return Errors.OOM_TEXT;
        }
        return null;
    }

    /**
     * Redis's allowProtectedAction for enable-debug-command: "yes", or "local" for a client on the loopback
     * interface.
     */
    private static boolean protectedActionAllowed(Client client) {
        String setting = client.server().config.get("enable-debug-command");
        if (setting.equals("yes")) {
            return true;
        }
        if (!setting.equals("local")) {
            return false;
        }
        String address = client.link().address();
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? address : address.substring(0, colon);
        return host.equals("127.0.0.1") || host.equals("0:0:0:0:0:0:0:1") || host.equals("::1");
    }

    void reject(Client client, CommandSpec spec, String error, RespWriter out) {
        if (spec != null) {
            spec.rejectedCalls++;
        }
        client.server().errors.count(error);
        out.error(error);
    }

    /** Runs a command that passed the gates: the last-command field, the call, its statistics. */
    public static void call(Client client, CommandSpec spec, Request request, RespWriter out) {
        client.lastCommand(spec.fullName);
        int mark = out.size();
        // CLIENT NO-TOUCH: the client's commands leave the keys' LRU/LFU data alone, except TOUCH itself
        TouchControl touch = client.server().databases.touch();
        boolean noTouch = client.settings().noTouch && !spec.name.equals("touch");
        if (noTouch) {
            touch.suspend(true);
        }
        long start = System.nanoTime();
        try {
            spec.command.execute(client, request, out);
        } finally {
            if (noTouch) {
                touch.suspend(false);
            }
        }
        if (client.isBlocked()) {
            BlockedCall.blockedBy(client, spec);
        }
        spec.micros += (System.nanoTime() - start) / 1000;
        spec.calls++;
        client.server().totalCommandsProcessed++;
        if (out.size() > mark && out.array()[mark] == '-') {
            spec.failedCalls++;
            client.server().errors.countReply(out.array(), mark + 1, out.size());
        }
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
