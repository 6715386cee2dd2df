package io.nioredis.command.scripting;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.command.AclCategory;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;
import java.util.List;
import java.util.function.Supplier;

/**
 * The scripting group: EVAL and friends, SCRIPT, FUNCTION, FCALL. The Lua engine behind them is created by
 * the first script that needs it (see {@link io.nioredis.ScriptingState}); scripts run commands through
 * the table they are registered in.
 */
public final class ScriptingCommands {
    /** Redis's key spec notes for EVAL, EVAL_RO, FCALL and FCALL_RO (not EVALSHA): no spec can say how keys are used. */
    private static final String WORST_RW =
            "We cannot tell how the keys will be used so we assume the worst, RW and UPDATE";
    private static final String WORST_RO =
            "We cannot tell how the keys will be used so we assume the worst, RO and ACCESS";

    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "eval evalsha eval_ro evalsha_ro fcall fcall_ro script function";

    private static final CommandFactory IMPLEMENTATIONS = ScriptingCommands::implementation;

    private ScriptingCommands() {}

    public static void register(List<CommandSpec> rows, Supplier<CommandTable> table) {
        ScriptRun run = new ScriptRun(table);
        CommandFactory calls = name -> call(name, run);
        rows.add(Group.SCRIPTING.command("eval", -3, NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .keys(KeySpec.keynum(2, 0, 1, 1, "RW", "access", "update").notes(WORST_RW))
                .since("2.6.0")
                .complexity("Depends on the script that is executed.")
                .summary("Run a Lua script")
                .args("script numkeys [key...] [arg...]")
                .run(calls));
        rows.add(Group.SCRIPTING.command("evalsha", -3, NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .keys(KeySpec.keynum(2, 0, 1, 1, "RW", "access", "update"))
                .since("2.6.0")
                .complexity("Depends on the script that is executed.")
                .summary("Run a cached Lua script by its SHA1 digest")
                .args("sha1 numkeys [key...] [arg...]")
                .run(calls));
        rows.add(Group.SCRIPTING.command("eval_ro", -3, READONLY | NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .acl(AclCategory.SCRIPTING) // as Redis: read-only scripts are not @read
                .keys(KeySpec.keynum(2, 0, 1, 1, "RO", "access").notes(WORST_RO))
                .since("7.0.0")
                .complexity("Depends on the script that is executed.")
                .summary("Run a read-only Lua script")
                .args("script numkeys [key...] [arg...]")
                .run(calls));
        rows.add(Group.SCRIPTING.command("evalsha_ro", -3, READONLY | NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .acl(AclCategory.SCRIPTING) // as Redis: read-only scripts are not @read
                .keys(KeySpec.keynum(2, 0, 1, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("Depends on the script that is executed.")
                .summary("Run a cached read-only Lua script by its SHA1 digest")
                .args("sha1 numkeys [key...] [arg...]")
                .run(calls));
        rows.add(Group.SCRIPTING.command("fcall", -3, NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .keys(KeySpec.keynum(2, 0, 1, 1, "RW", "access", "update").notes(WORST_RW))
                .since("7.0.0")
                .complexity("Depends on the function that is executed.")
                .summary("Call a loaded function")
                .args("function numkeys [key...] [arg...]")
                .run(calls));
        rows.add(Group.SCRIPTING.command("fcall_ro", -3, READONLY | NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .acl(AclCategory.SCRIPTING) // as Redis: read-only scripts are not @read
                .keys(KeySpec.keynum(2, 0, 1, 1, "RO", "access").notes(WORST_RO))
                .since("7.0.0")
                .complexity("Depends on the function that is executed.")
                .summary("Call a loaded read-only function")
                .args("function numkeys [key...] [arg...]")
                .run(calls));
        rows.add(script());
        rows.add(function());
    }

    private static CommandSpec script() {
        return Group.SCRIPTING.command("script", -2, 0)
                .since("2.6.0")
                .complexity("Depends on subcommand.")
                .summary("Manage the cache of Lua scripts")
                .subcommand(Group.SCRIPTING.command("load", 3, NOSCRIPT | STALE)
                        .since("2.6.0")
                        .complexity("O(N) with N being the length in bytes of the script body.")
                        .summary("Cache a Lua script without running it")
                        .args("script")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("exists", -3, NOSCRIPT)
                        .since("2.6.0")
                        .complexity("O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).")
                        .summary("Tell whether scripts are in the cache")
                        .args("sha1...")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("flush", -2, NOSCRIPT)
                        .since("2.6.0")
                        .history("6.2.0", "Added the `ASYNC` and `SYNC` flushing mode modifiers.")
                        .complexity("O(N) with N being the number of scripts in cache")
                        .summary("Empty the script cache")
                        .args("async=[ASYNC|SYNC]@6.2.0")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("kill", 2, NOSCRIPT | ALLOW_BUSY)
                        .since("2.6.0")
                        .complexity("O(1)")
                        .summary("Stop the running script if it has not written")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("help", 2, LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("List the SCRIPT subcommands")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    private static CommandSpec function() {
        return Group.SCRIPTING.command("function", -2, 0)
                .since("7.0.0")
                .complexity("Depends on subcommand.")
                .summary("Manage libraries of Lua functions")
                .subcommand(Group.SCRIPTING.command("load", -3, WRITE | DENYOOM | NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(1) (considering compilation time is redundant)")
                        .summary("Load a library of functions")
                        .args("[REPLACE] function-code")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("list", -2, NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of functions")
                        .summary("List the loaded libraries and their functions")
                        .args("[LIBRARYNAME:library-name-pattern] [WITHCODE]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("delete", 3, WRITE | NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Unload a library")
                        .args("library-name")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("flush", -2, WRITE | NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of functions deleted")
                        .summary("Unload every library")
                        .args("async=[ASYNC|SYNC]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("dump", 2, NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of functions")
                        .summary("Serialize every loaded library")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("restore", -3, WRITE | DENYOOM | NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of functions on the payload")
                        .summary("Load libraries from a serialized dump")
                        .args("serialized-value policy=[FLUSH|APPEND|REPLACE]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("stats", 2, NOSCRIPT | ALLOW_BUSY)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Report the running function and the engines")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("kill", 2, NOSCRIPT | ALLOW_BUSY)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Stop the running function if it has not written")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SCRIPTING.command("help", 2, LOADING | STALE)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("List the FUNCTION subcommands")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    /** Makes EVAL's, EVALSHA's and FCALL's implementations, which share the table's {@link ScriptRun}. */
    private static Command call(String name, ScriptRun run) {
        return switch (name) {
            case "eval" -> new EvalCommand(run, false, false);
            case "evalsha" -> new EvalCommand(run, true, false);
            case "eval_ro" -> new EvalCommand(run, false, true);
            case "evalsha_ro" -> new EvalCommand(run, true, true);
            case "fcall" -> new FcallCommand(run, false);
            case "fcall_ro" -> new FcallCommand(run, true);
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "script|load" -> ScriptCommand::load;
            case "script|exists" -> ScriptCommand::exists;
            case "script|flush" -> ScriptCommand::flush;
            case "script|kill" -> ScriptCommand::kill;
            case "script|help" -> ScriptCommand::help;
            case "function|load" -> FunctionCommand::load;
            case "function|list" -> FunctionCommand::list;
            case "function|delete" -> FunctionCommand::delete;
            case "function|flush" -> FunctionCommand::flush;
            case "function|dump" -> FunctionCommand::dump;
            case "function|restore" -> FunctionCommand::restore;
            case "function|stats" -> FunctionCommand::stats;
            case "function|kill" -> FunctionCommand::kill;
            case "function|help" -> FunctionCommand::help;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
