package io.nioredis.command.scripting;

import io.nioredis.RunningScript;
import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.command.CommandFlags;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import io.nioredis.command.Dispatcher;
import io.nioredis.command.Errors;
import io.nioredis.command.SlotRouting;
import io.nioredis.propagation.Propagator;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.scripting.ScriptFlag;
import io.nioredis.scripting.ScriptHost;
import io.nioredis.scripting.ScriptReply;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One run of an EVAL script or FCALL function (Redis's scriptRunCtx with script.c's checks): the gates
 * before it starts (read-only commands, OOM), and redis.call/pcall, which run commands through the
 * command table as the script client with the script's rules. One per command table, reused run after
 * run; the server runs one script at a time.
 */
final class ScriptRun implements ScriptHost {
    private static final ScriptReply.Error UNKNOWN_COMMAND = new ScriptReply.Error(Errors.SCRIPT_UNKNOWN_COMMAND);
    private static final ScriptReply.Error WRONG_ARITY = new ScriptReply.Error(Errors.SCRIPT_WRONG_ARITY);
    private static final ScriptReply.Error NOT_ALLOWED = new ScriptReply.Error(Errors.SCRIPT_NOT_ALLOWED);
    private static final ScriptReply.Error WRITE_IN_READ_ONLY = new ScriptReply.Error(Errors.SCRIPT_WRITE_IN_READ_ONLY);
    private static final ScriptReply.Error OOM = new ScriptReply.Error(Errors.OOM_TEXT);
    private static final int KEPT_REQUEST_BYTES = 64 * 1024;
    private static final byte[][] NO_ARGUMENTS = {};

    private final Supplier<CommandTable> table;
    private final RespWriter replies = new RespWriter(1024);
    private final ReplyReader replyReader = new ReplyReader();
    /**
     * The request of the current redis.call and the buffer it holds: one for every call of every run, but
     * a buffer grown past {@link #KEPT_REQUEST_BYTES} (a big value written) is let go after its call.
     */
    private final Request request = new Request();
    private byte[] requestBytes;
    private Client scriptClient;
    private ServerState server;
    private boolean readOnly;
    private boolean allowOom;
    private boolean oomAtStart;
    /** Cluster mode: the calling client, whose ASKING and READONLY flags the script's commands carry. */
    private Client caller;
    /**
     * The command name redis.call last looked up, the table it looked in and what it found. A script names
     * its commands with its constants, whose bytes redis.call passes on uncopied (RedisLib.arguments) and
     * which never change, so the calls of a loop find their command by reference instead of hashing and
     * comparing the name each time; every other name is an array of its own and is looked up.
     */
    private byte[] lastName;
    private CommandTable lastTable;
    private CommandSpec lastFound;

    ScriptRun(Supplier<CommandTable> table) {
        this.table = table;
    }

    /**
     * Runs {@code body} with this run as its host and writes its result to {@code out}, unless a gate of
     * scriptPrepareForRun refuses it first. {@code compatible} is true for an EVAL body without a shebang,
     * whose flags Redis ignores; {@code readOnlyCommand} for EVAL_RO, EVALSHA_RO and FCALL_RO.
     */
    void run(Client caller, RespWriter out, boolean eval, String name, Set<ScriptFlag> flags, boolean compatible,
             boolean readOnlyCommand, byte[][] command, Function<ScriptHost, ScriptReply> body) {
        ServerState state = caller.server();
        boolean oom = !state.evictor.makeRoom();
        if (!compatible) {
            if (oom && !flags.contains(ScriptFlag.ALLOW_OOM) && !flags.contains(ScriptFlag.NO_WRITES)) {
                // As processCommand, which takes a script's declared flags for the command's.
                out.error(Errors.OOM_TEXT);
                return;
            }
            if (oom && !flags.contains(ScriptFlag.ALLOW_OOM)) {
                out.error(Errors.SCRIPT_OOM_WITHOUT_ALLOW_OOM);
                return;
            }
            if (!flags.contains(ScriptFlag.NO_WRITES) && readOnlyCommand) {
                out.error(Errors.SCRIPT_WRITE_FLAG_IN_RO_COMMAND);
                return;
            }
        }
        readOnly = readOnlyCommand || (!compatible && flags.contains(ScriptFlag.NO_WRITES));
        allowOom = !compatible && flags.contains(ScriptFlag.ALLOW_OOM);
        oomAtStart = oom;
        server = state;
        if (scriptClient == null || scriptClient.server() != state) {
            scriptClient = Client.forScripts(state);
        }
        scriptClient.select(caller.db());
        this.caller = caller;
        scriptClient.protocol(2);
        scriptClient.propagationTargets(Propagator.TO_ALL); // scriptPrepareForRun: PROPAGATE_AOF|PROPAGATE_REPL
        RunningScript running = state.scripting.running;
        running.start(eval, name, command, state.clock.millis());
        ScriptReply result;
        try {
            result = body.apply(this);
        } finally {
            running.finish();
        }
        // A script reaches the AOF and replicas as the writes it made, each redis.call on its own (effects
        // replication, the only kind Redis 7.0 has), never as EVAL or FCALL.
        caller.propagateNothing();
        ScriptReplies.write(out, result);
    }

    @Override
    public boolean knowsCommand(byte[][] argv) {
        return resolved(table.get().lookup(argv[0], 0, argv[0].length), argv) != null;
    }

    /** Redis's lookupCommand: the command, or its subcommand when it has them and one is given. */
    private static CommandSpec resolved(CommandSpec base, byte[][] argv) {
        if (base != null && !base.subcommands.isEmpty() && argv.length >= 2) {
            return base.subcommand(argv[1], 0, argv[1].length);
        }
        return base;
    }

    private CommandSpec lookup(byte[] name) {
        CommandTable t = table.get();
        if (name != lastName || t != lastTable) {
            lastFound = t.lookup(name, 0, name.length);
            lastName = name;
            lastTable = t;
        }
        return lastFound;
    }

    @Override
    public ScriptReply call(boolean raiseErrors, byte[][] argv) {
        CommandSpec base = lookup(argv[0]);
        CommandSpec spec = resolved(base, argv);
        if (spec == null) {
            return UNKNOWN_COMMAND;
        }
        if (!spec.arityAccepts(argv.length)) {
            return WRONG_ARITY;
        }
        if (spec.has(CommandFlags.NOSCRIPT)) {
            return NOT_ALLOWED;
        }
        RunningScript running = server.scripting.running;
        if (spec.has(CommandFlags.WRITE) && readOnly) {
            return WRITE_IN_READ_ONLY;
        }
        // scriptVerifyOOM: only before the script's first write, so a script is never stopped halfway.
        if (!allowOom && oomAtStart && !running.hasWritten() && spec.has(CommandFlags.DENYOOM)) {
            return OOM;
        }
        if (server.cluster != null && !caller.obeyed()) {
            // scriptVerifyClusterState: a script touches only keys this node serves, with its caller's flags.
            scriptClient.asking(caller.asking());
            scriptClient.readonlyCluster(caller.readonlyCluster());
            String refusal = SlotRouting.redirect(table.get(), scriptClient, base, Request.of(argv));
            if (refusal != null) {
                return new ScriptReply.Error(Errors.scriptClusterRefusal(refusal));
            }
        }
        if (spec.has(CommandFlags.WRITE)) {
            running.wrote();
        }
        replies.reset();
        replies.protocol(scriptClient.protocol());
        requestBytes = request.hold(argv, requestBytes);
        Dispatcher.call(scriptClient, base, request, replies);
        if (requestBytes.length > KEPT_REQUEST_BYTES) {
            requestBytes = request.hold(NO_ARGUMENTS, null);
        }
        return replyReader.read(replies.array(), 0);
    }

    @Override
    public void log(int level, byte[] message) {
        server.log.log(level, new String(message, StandardCharsets.UTF_8));
    }

    @Override
    public void setResp(int protocol) {
        scriptClient.protocol(protocol);
    }

    /** redis.set_repl: REPL_AOF and REPL_REPLICA are the bits of Propagator's TO_AOF and TO_REPLICAS. */
    @Override
    public void setRepl(int flags) {
        scriptClient.propagationTargets(flags);
    }

    /**
     * Every 100,000 instructions: past busy-reply-threshold other clients are served (-BUSY, SCRIPT KILL,
     * SHUTDOWN NOSAVE); the script stops if it was killed or the server is shutting down.
     */
    @Override
    public boolean shouldKill() {
        long threshold = server.config.getLong("busy-reply-threshold");
        return server.scripting.running.interrupt(server.clock.millis(), threshold) || server.shutdownRequested;
    }
}
