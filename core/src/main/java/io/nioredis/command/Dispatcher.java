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
    private final KeyArguments snapshotKeys = new KeyArguments();

    public Dispatcher(CommandTable table) {
        this.table = table;
    }

    public CommandTable table() {
        return table;
    }

    public void execute(Client client, Request request, RespWriter out) {
        client.paused(false); // a held request comes back here once the pause is over
        CommandSpec spec = table.lookup(request);
        if (client.inSpecialMode()) {
            ModalDispatch.execute(this, client, spec, request, out); // MULTI, subscribed or CLIENT REPLY
        } else {
            run(client, spec, request, out);
        }
        if (client.asking()) {
            endAsking(client, spec);
        }
    }

    /**
     * ASKING lets only the next command run on an importing slot: as Redis's resetClient, the flag goes
     * after any command but ASKING itself, unless a transaction is open (EXEC then ends it).
     */
    private static void endAsking(Client client, CommandSpec spec) {
        if (client.transaction() == null && (spec == null || !spec.name.equals("asking"))) {
            client.asking(false);
        }
    }

    /** Checks and runs one command (spec null if unknown) in the normal mode. */
    void run(Client client, CommandSpec spec, Request request, RespWriter out) {
        String refusal = refusal(client, spec, request);
        if (refusal != null) {
            reject(client, spec, refusal, out);
            return;
        }
        runAdmitted(client, spec, request, out);
    }

    /**
     * Runs a command that passed the gates: unless CLIENT PAUSE holds it, the call, then the keys it made
     * ready for blocked clients are served before anything else runs.
     */
    void runAdmitted(Client client, CommandSpec spec, Request request, RespWriter out) {
        if (heldByPause(client, spec, writes(client, spec)) || heldBySnapshot(client, spec, request)) {
            return;
        }
        client.running(request);
        call(client, spec, request, out);
        client.running(null);
        io.nioredis.blocking.BlockedKeys blocking = client.server().blocking;
        if (blocking.hasReady() && !client.server().scripting.running.running()) {
            // Redis serves the keys a command made ready before the next one runs, but not while a long
            // script lets others in: the script's writes are served once it has finished.
            blocking.serveReady();
        }
    }

    /**
     * Redis's is_may_replicate_command: writes, may replicate, or EXEC of a block that does (Redis, too,
     * tells EXEC by its procedure rather than a flag).
     */
    private static boolean writes(Client client, CommandSpec spec) {
        return spec.has(CommandFlags.WRITE | CommandFlags.MAY_REPLICATE)
                || (spec.has(CommandFlags.TRANSACTION_CONTROL) && client.transaction() != null
                    && client.transaction().writes() && spec.has(CommandFlags.RUNS_QUEUED));
    }

    /**
     * CLIENT PAUSE: marks the client held instead of running the command (the server keeps the request
     * and runs it when the pause ends); monitors, Redis's replicas, are never held.
     */
    static boolean heldByPause(Client client, CommandSpec spec, boolean writes) {
        io.nioredis.ClientPause pause = client.server().pause;
        if (!pause.set() || client.monitoring() || !pause.holds(writes, client.server().clock.millis())) {
            return false;
        }
        client.paused(true);
        client.lastCommand(spec.fullName);
        return true;
    }

    /**
     * While a background snapshot runs, a command naming a key whose big value the snapshot's writer thread
     * holds (or is handed now, the walk not having reached it) waits for it, as CLIENT PAUSE holds a
     * client: the loop goes on serving others instead of serializing the value or waiting for the writer.
     * The request runs again on a later turn. Every key is checked, so all of them go to the writer at once.
     */
    boolean heldBySnapshot(Client client, CommandSpec spec, Request request) {
        io.nioredis.ServerState server = client.server();
        if (!server.persistence.snapshotCutInstalled() || spec.keySpecs.isEmpty() || client.monitoring()) {
            return false;
        }
        KeyArguments keys = snapshotKeys;
        keys.count = 0;
        if (!KeyFinder.visit(spec, request, 0, keys)) {
            return false;
        }
        io.nioredis.store.Keyspace db = client.keyspace();
        boolean held = false;
        for (int i = 0; i < keys.count; i++) {
            int k = keys.arguments[i];
            held |= db.snapshotHolds(request.array(), request.offset(k), request.length(k));
        }
        if (held) {
            client.paused(true);
        }
        return held;
    }

    /**
     * The key arguments of a request, found again for every command while a snapshot runs: one reused
     * array, as a list per command was garbage enough under a write load to bring young collections into
     * the save.
     */
    private static final class KeyArguments implements KeyFinder.KeyVisitor {
        int[] arguments = new int[8];
        int count;

        @Override
        public void key(int argument, int keySpec) {
            if (count == arguments.length) {
                arguments = java.util.Arrays.copyOf(arguments, count * 2);
            }
            arguments[count++] = argument;
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
        CommandSpec called = spec;
        if (!spec.subcommands.isEmpty() && request.argc() >= 2) {
            // As Redis's lookupCommand: the subcommand is part of the command, so an unknown one or one
            // with the wrong arity is refused here, also when MULTI would queue it.
            called = spec.subcommand(request.array(), request.offset(1), request.length(1));
            if (called == null) {
                return Errors.unknownSubcommand(request.string(1), spec.name.toUpperCase(java.util.Locale.ROOT));
            }
            if (!called.arityAccepts(request.argc())) {
                return Errors.wrongArity(called.fullName);
            }
        }
        if (called.has(CommandFlags.PROTECTED)) {
            String command = called.fullName;
            command = command.indexOf('|') < 0 ? command : command.substring(0, command.indexOf('|'));
            if (!protectedActionAllowed(client, command)) {
                return Errors.protectedCommandNotAllowed(command);
            }
        }
        if (!spec.has(CommandFlags.NO_AUTH) && client.authRequired()) {
            return Errors.NOAUTH_TEXT;
        }
        if (client.server().cluster != null && !client.obeyed()) {
            String redirection = SlotRouting.redirect(table, client, spec, request);
            if (redirection != null) {
                return redirection;
            }
        }
        if (client.server().scripting.running.timedOut() && !allowedWhileBusy(spec, request)) {
            return client.server().scripting.running.busyError();
        }
        // A replica evicts nothing (replica-ignore-maxmemory): its master's DELs keep it in line.
        boolean replica = client.server().replication.following();
        boolean fromMaster = client.isMaster();
        if (!replica && !client.server().evictor.makeRoom() && spec.has(CommandFlags.DENYOOM)) {
            return Errors.OOM_TEXT;
        }
        if (fromMaster) {
            return null; // Redis's obey_client: what the master sent is applied as it is
        }
        if (spec.has(CommandFlags.WRITE | CommandFlags.REFUSED_ON_SAVE_ERROR)) {
            if (client.server().persistence.writesRefused()) {
                return Errors.MISCONF_TEXT;
            }
            String aofError = client.server().aof.writeRefusal();
            if (aofError != null) {
                return Errors.misconfAof(aofError);
            }
        }
        if (!replica && spec.has(CommandFlags.WRITE)
                && client.server().replication.tooFewGoodReplicas()) {
            return Errors.NOREPLICAS_TEXT;
        }
        if (replica) {
            return replicaRefusal(client, spec);
        }
        return null;
    }

    /**
     * A replica's own gates: writes from its clients while replica-read-only, and, while the link to the
     * master is down and replica-serve-stale-data is off, every command not flagged stale.
     */
    private static String replicaRefusal(Client client, CommandSpec spec) {
        io.nioredis.config.Config config = client.server().config;
        boolean write = spec.has(CommandFlags.WRITE)
                || (spec.has(CommandFlags.RUNS_QUEUED) && client.transaction() != null
                    && client.transaction().writes());
        if (write && config.getBoolean("replica-read-only")) {
            return Errors.READONLY_TEXT;
        }
        if (!client.server().replicaLink.streaming() && !spec.has(CommandFlags.STALE)
                && !config.getBoolean("replica-serve-stale-data")) {
            return Errors.MASTERDOWN_TEXT;
        }
        if (client.server().loading && !spec.has(CommandFlags.LOADING)) {
            return Errors.LOADING_TEXT;
        }
        return null;
    }

    /**
     * While a script runs long only commands flagged allow_busy run, a container's by its subcommand's flag
     * (SCRIPT KILL, FUNCTION KILL), as Redis looks subcommands up before its checks.
     */
    private static boolean allowedWhileBusy(CommandSpec spec, Request request) {
        if (!spec.subcommands.isEmpty() && request.argc() >= 2) {
            CommandSpec sub = spec.subcommand(request.array(), request.offset(1), request.length(1));
            return sub != null && sub.has(CommandFlags.ALLOW_BUSY);
        }
        return spec.has(CommandFlags.ALLOW_BUSY);
    }

    /**
     * Redis's allowProtectedAction for enable-debug-command (DEBUG) or enable-module-command (MODULE LOAD,
     * LOADEX, UNLOAD): "yes", or "local" for a client on the loopback interface.
     */
    private static boolean protectedActionAllowed(Client client, String command) {
        String setting = client.server().config.get("enable-" + command + "-command");
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

    /**
     * Replies with a gate's refusal. A refused EXEC ends the transaction, if any, and says why, as Redis's
     * execCommandAbort: "EXECABORT Transaction discarded because of: ..." (also outside MULTI).
     */
    void reject(Client client, CommandSpec spec, String error, RespWriter out) {
        if (spec != null) {
            spec.rejectedCalls++;
            if (spec.has(CommandFlags.RUNS_QUEUED)) {
                client.transaction(null);
                client.server().watches.unwatchAll(client.watched());
                if (!Errors.isClusterRedirection(error)) { // a redirected EXEC discards and redirects, as Redis
                    error = "EXECABORT Transaction discarded because of: "
                            + (error.startsWith("ERR ") ? error.substring(4) : error);
                }
            }
        }
        client.server().errors.count(error);
        out.error(error);
    }

    /** Runs a command that passed the gates: the last-command field, the call, its statistics. */
    public static void call(Client client, CommandSpec spec, Request request, RespWriter out) {
        if (client.runningQueue() == null) { // inside EXEC the last command stays "exec", as in Redis
            client.lastCommand(spec.fullName);
        }
        int mark = out.size();
        // CLIENT NO-TOUCH: the client's commands leave the keys' LRU/LFU data alone, except TOUCH itself
        TouchControl touch = client.server().databases.touch();
        boolean noTouch = client.settings().noTouch && !spec.has(CommandFlags.ALWAYS_TOUCHES);
        if (noTouch) {
            touch.suspend(true);
        }
        // The AOF or a replica listening: the call's effects are collected as Redis's call() propagates them.
        boolean propagating = client.server().propagation.active();
        long dirtyBefore = propagating ? CallPropagation.begin(client) : 0;
        // A replica: the master's commands see expired keys, its clients' reads do not delete them.
        io.nioredis.store.ExpiryAuthority expiry = client.server().databases.expiry();
        boolean replica = expiry.replica();
        int expiryBefore = replica ? expiry.enter(client.isMaster(), spec.has(CommandFlags.WRITE)) : 0;
        io.nioredis.stats.CallClock clock = client.server().callClock;
        long start = clock.start();
        try {
            spec.command().execute(client, request, out);
        } finally {
            if (replica) {
                expiry.restore(expiryBefore);
            }
            if (noTouch) {
                touch.suspend(false);
            }
            if (propagating) {
                CallPropagation.end(client, spec, request, dirtyBefore);
            }
        }
        if (client.isBlocked()) {
            BlockedCall.blockedBy(client, spec);
        }
        // The difference of the two reads in whole microseconds, as Redis's ustime() - call_timer: a call of
        // 0.3 µs counts 1 in about three of ten calls, so the sums stay true on average. Flooring the
        // nanoseconds instead counted 0 for every call under 1 µs, most of them.
        long micros = Math.floorDiv(clock.end(), 1000) - Math.floorDiv(start, 1000);
        spec.micros += micros;
        spec.calls++;
        client.server().totalCommandsProcessed++;
        if (out.size() > mark && out.array()[mark] == '-') {
            spec.failedCalls++;
            client.server().errors.countReply(out.array(), mark + 1, out.size());
        }
        CallObservers.record(client, spec, request, micros);
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
