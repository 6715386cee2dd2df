package io.nioredis.command.scripting;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.command.AclCategory;
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
    private ScriptingCommands() {}

    public static void register(List<CommandSpec> rows, Supplier<CommandTable> table) {
        ScriptRun run = new ScriptRun(table);
        rows.add(Group.SCRIPTING.command("eval", -3, NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .keys(KeySpec.keynum(2, 0, 1, 1, "RW", "access", "update"))
                .since("2.6.0")
                .complexity("Depends on the script that is executed.")
                .summary("Execute a Lua script server side")
                .args("script numkeys [key...] [arg...]")
                .run(new EvalCommand(run, false, false)));
        rows.add(Group.SCRIPTING.command("evalsha", -3, NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .keys(KeySpec.keynum(2, 0, 1, 1, "RW", "access", "update"))
                .since("2.6.0")
                .complexity("Depends on the script that is executed.")
                .summary("Execute a Lua script server side")
                .args("sha1 numkeys [key...] [arg...]")
                .run(new EvalCommand(run, true, false)));
        rows.add(Group.SCRIPTING.command("eval_ro", -3, READONLY | NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .acl(AclCategory.SCRIPTING) // as Redis: read-only scripts are not @read
                .keys(KeySpec.keynum(2, 0, 1, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("Depends on the script that is executed.")
                .summary("Execute a read-only Lua script server side")
                .args("script numkeys [key...] [arg...]")
                .run(new EvalCommand(run, false, true)));
        rows.add(Group.SCRIPTING.command("evalsha_ro", -3, READONLY | NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .acl(AclCategory.SCRIPTING) // as Redis: read-only scripts are not @read
                .keys(KeySpec.keynum(2, 0, 1, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("Depends on the script that is executed.")
                .summary("Execute a read-only Lua script server side")
                .args("sha1 numkeys [key...] [arg...]")
                .run(new EvalCommand(run, true, true)));
        rows.add(Group.SCRIPTING.command("fcall", -3, NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .keys(KeySpec.keynum(2, 0, 1, 1, "RW", "access", "update"))
                .since("7.0.0")
                .complexity("Depends on the function that is executed.")
                .summary("Invoke a function")
                .args("function numkeys [key...] [arg...]")
                .run(new FcallCommand(run, false)));
        rows.add(Group.SCRIPTING.command("fcall_ro", -3, READONLY | NOSCRIPT | STALE | SKIP_MONITOR | NO_MANDATORY_KEYS)
                .acl(AclCategory.SCRIPTING) // as Redis: read-only scripts are not @read
                .keys(KeySpec.keynum(2, 0, 1, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("Depends on the function that is executed.")
                .summary("Invoke a read-only function")
                .args("function numkeys [key...] [arg...]")
                .run(new FcallCommand(run, true)));
        rows.add(script());
        rows.add(function());
    }

    private static CommandSpec script() {
        return Group.SCRIPTING.command("script", -2, 0)
                .since("2.6.0")
                .complexity("Depends on subcommand.")
                .summary("A container for Lua scripts management commands")
                .subcommand(Group.SCRIPTING.command("load", 3, NOSCRIPT | STALE)
                        .since("2.6.0")
                        .complexity("O(N) with N being the length in bytes of the script body.")
                        .summary("Load the specified Lua script into the script cache.")
                        .args("script")
                        .runs(ScriptCommand::load))
                .subcommand(Group.SCRIPTING.command("exists", -3, NOSCRIPT)
                        .since("2.6.0")
                        .complexity("O(N) with N being the number of scripts to check (so checking a single script is an O(1) operation).")
                        .summary("Check existence of scripts in the script cache.")
                        .args("sha1...")
                        .runs(ScriptCommand::exists))
                .subcommand(Group.SCRIPTING.command("flush", -2, NOSCRIPT)
                        .since("2.6.0")
                        .complexity("O(N) with N being the number of scripts in cache")
                        .summary("Remove all the scripts from the script cache.")
                        .args("async=[ASYNC|SYNC]")
                        .runs(ScriptCommand::flush))
                .subcommand(Group.SCRIPTING.command("kill", 2, NOSCRIPT | ALLOW_BUSY)
                        .since("2.6.0")
                        .complexity("O(1)")
                        .summary("Kill the script currently in execution.")
                        .runs(ScriptCommand::kill))
                .subcommand(Group.SCRIPTING.command("help", 2, LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("Show helpful text about the different subcommands")
                        .runs(ScriptCommand::help))
                .container();
    }

    private static CommandSpec function() {
        return Group.SCRIPTING.command("function", -2, 0)
                .since("7.0.0")
                .complexity("Depends on subcommand.")
                .summary("A container for function commands")
                .subcommand(Group.SCRIPTING.command("load", -3, WRITE | DENYOOM | NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(1) (considering compilation time is redundant)")
                        .summary("Create a function with the given arguments (name, code, description)")
                        .args("[REPLACE] function-code")
                        .runs(FunctionCommand::load))
                .subcommand(Group.SCRIPTING.command("list", -2, NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of functions")
                        .summary("List information about all the functions")
                        .args("[LIBRARYNAME:library-name-pattern] [WITHCODE]")
                        .runs(FunctionCommand::list))
                .subcommand(Group.SCRIPTING.command("delete", 3, WRITE | NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Delete a function by name")
                        .args("library-name")
                        .runs(FunctionCommand::delete))
                .subcommand(Group.SCRIPTING.command("flush", -2, WRITE | NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of functions deleted")
                        .summary("Deleting all functions")
                        .args("async=[ASYNC|SYNC]")
                        .runs(FunctionCommand::flush))
                .subcommand(Group.SCRIPTING.command("dump", 2, NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of functions")
                        .summary("Dump all functions into a serialized binary payload")
                        .runs(FunctionCommand::dump))
                .subcommand(Group.SCRIPTING.command("restore", -3, WRITE | DENYOOM | NOSCRIPT)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of functions on the payload")
                        .summary("Restore all the functions on the given payload")
                        .args("serialized-value policy=[FLUSH|APPEND|REPLACE]")
                        .runs(FunctionCommand::restore))
                .subcommand(Group.SCRIPTING.command("stats", 2, NOSCRIPT | ALLOW_BUSY)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Return information about the function currently running (name, description, duration)")
                        .runs(FunctionCommand::stats))
                .subcommand(Group.SCRIPTING.command("kill", 2, NOSCRIPT | ALLOW_BUSY)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Kill the function currently in execution.")
                        .runs(FunctionCommand::kill))
                .subcommand(Group.SCRIPTING.command("help", 2, LOADING | STALE)
                        .since("7.0.0")
                        .complexity("O(1)")
                        .summary("Show helpful text about the different subcommands")
                        .runs(FunctionCommand::help))
                .container();
    }
}
