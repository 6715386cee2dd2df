package io.nioredis.command.scripting;

import io.nioredis.RunningScript;
import io.nioredis.ScriptingState;
import io.nioredis.client.Client;
import io.nioredis.command.Errors;
import io.nioredis.command.Help;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.scripting.FunctionLibraries;
import io.nioredis.scripting.FunctionLibrary;
import io.nioredis.scripting.RegisteredFunction;
import io.nioredis.scripting.ScriptEngine;
import io.nioredis.scripting.ScriptException;
import io.nioredis.scripting.ScriptFlag;
import io.nioredis.scripting.ScriptLog;
import io.nioredis.text.GlobPattern;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** FUNCTION LOAD, LIST, DELETE, FLUSH, DUMP, RESTORE, STATS, KILL and HELP, as Redis 7.0's functions.c. */
final class FunctionCommand {
    /** The one engine, as FUNCTION LIST and STATS name it. */
    private static final String ENGINE = "LUA";
    private static final byte[] REPLACE = {'r', 'e', 'p', 'l', 'a', 'c', 'e'};
    private static final byte[] WITHCODE = {'w', 'i', 't', 'h', 'c', 'o', 'd', 'e'};
    private static final byte[] LIBRARYNAME = {'l', 'i', 'b', 'r', 'a', 'r', 'y', 'n', 'a', 'm', 'e'};
    private static final byte[] APPEND = {'a', 'p', 'p', 'e', 'n', 'd'};
    private static final byte[] FLUSH = {'f', 'l', 'u', 's', 'h'};

    private FunctionCommand() {}

    static void load(Client client, Request request, RespWriter out) {
        boolean replace = false;
        int at = 2;
        while (at < request.argc() - 1) {
            if (!request.is(at, REPLACE)) {
                out.error("ERR Unknown option given: " + request.string(at));
                return;
            }
            replace = true;
            at++;
        }
        try {
            out.bulk(create(client.server().scripting, request.copy(at), replace, serverLog(client)));
        } catch (ScriptException e) {
            out.error(e.errorText());
        }
    }

    /** functionsCreateWithLibraryCtx: metadata, an existing library, the code, then the link. */
    /** redis.log from a library's top-level code, run by FUNCTION LOAD or RESTORE: the server's log. */
    private static ScriptLog serverLog(Client client) {
        return (level, message) -> client.server().log.log(level, new String(message, StandardCharsets.UTF_8));
    }

    private static String create(ScriptingState scripting, byte[] code, boolean replace, ScriptLog log) {
        String name = ScriptEngine.libraryName(code);
        FunctionLibraries libraries = scripting.libraries();
        if (!replace && libraries.library(name) != null) {
            throw new ScriptException("ERR Library '" + name + "' already exists");
        }
        libraries.add(scripting.engine().loadLibrary(code, log), replace);
        return name;
    }

    static void list(Client client, Request request, RespWriter out) {
        boolean withCode = false;
        byte[] pattern = null;
        for (int i = 2; i < request.argc(); i++) {
            if (!withCode && request.is(i, WITHCODE)) {
                withCode = true;
            } else if (pattern == null && request.is(i, LIBRARYNAME)) {
                if (i >= request.argc() - 1) {
                    out.raw(Errors.LIBRARY_NAME_MISSING);
                    return;
                }
                pattern = request.copy(++i);
            } else {
                out.error("ERR Unknown argument " + request.string(i));
                return;
            }
        }
        ScriptingState scripting = client.server().scripting;
        List<FunctionLibrary> shown = new ArrayList<>();
        if (scripting.libraryCount() > 0) {
            for (FunctionLibrary library : scripting.libraries().libraries()) {
                byte[] name = library.name().getBytes(StandardCharsets.ISO_8859_1);
                if (pattern == null || GlobPattern.matches(pattern, 0, pattern.length, name, 0, name.length, true)) {
                    shown.add(library);
                }
            }
        }
        out.arrayHeader(shown.size());
        for (FunctionLibrary library : shown) {
            out.mapHeader(withCode ? 4 : 3);
            out.bulk("library_name");
            out.bulk(library.name());
            out.bulk("engine");
            out.bulk(ENGINE);
            out.bulk("functions");
            out.arrayHeader(library.functions().size());
            for (RegisteredFunction f : library.functions().values()) {
                out.mapHeader(3);
                out.bulk("name");
                out.bulk(f.name());
                out.bulk("description");
                if (f.description() == null) {
                    out.nullValue();
                } else {
                    out.bulk(f.description().getBytes(StandardCharsets.UTF_8));
                }
                out.bulk("flags");
                out.setHeader(f.flags().size());
                for (ScriptFlag flag : f.flags()) {
                    out.simpleString(flag.redisName());
                }
            }
            if (withCode) {
                out.bulk("library_code");
                out.bulk(library.code());
            }
        }
    }

    static void delete(Client client, Request request, RespWriter out) {
        ScriptingState scripting = client.server().scripting;
        if (scripting.libraryCount() == 0 || !scripting.libraries().delete(request.string(2))) {
            out.raw(Errors.LIBRARY_NOT_FOUND);
            return;
        }
        out.raw(Replies.OK);
    }

    static void flush(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.error(Errors.subcommandSyntax(request.string(1), "FUNCTION"));
            return;
        }
        if (!ScriptCommand.flushModeValid(request)) {
            out.raw(Errors.FUNCTION_FLUSH_MODE);
            return;
        }
        if (client.server().scripting.libraryCount() > 0) {
            client.server().scripting.libraries().clear();
        }
        out.raw(Replies.OK);
    }

    static void dump(Client client, Request request, RespWriter out) {
        ScriptingState scripting = client.server().scripting;
        out.bulk(FunctionPayload.dump(scripting.libraryCount() == 0 ? List.of() : scripting.libraries().libraries()));
    }

    /**
     * FUNCTION RESTORE payload [FLUSH|APPEND|REPLACE]: the payload's libraries are compiled into a fresh
     * set first (a library twice in it is an error), then replace everything (FLUSH) or join the existing
     * ones, all or nothing.
     */
    static void restore(Client client, Request request, RespWriter out) {
        if (request.argc() > 4) {
            out.error(Errors.subcommandSyntax(request.string(1), "FUNCTION"));
            return;
        }
        boolean flush = false;
        boolean replace = false;
        if (request.argc() == 4) {
            flush = request.is(3, FLUSH);
            replace = request.is(3, REPLACE);
            if (!flush && !replace && !request.is(3, APPEND)) {
                out.raw(Errors.RESTORE_POLICY);
                return;
            }
        }
        ScriptingState scripting = client.server().scripting;
        try {
            List<FunctionLibrary> restored = new ArrayList<>();
            FunctionLibraries fresh = new FunctionLibraries();
            for (byte[] code : FunctionPayload.codes(request.copy(2))) {
                String name = ScriptEngine.libraryName(code);
                if (fresh.library(name) != null) {
                    throw new ScriptException("ERR Library '" + name + "' already exists");
                }
                FunctionLibrary library = scripting.engine().loadLibrary(code, serverLog(client));
                fresh.add(library, false);
                restored.add(library);
            }
            if (flush) {
                scripting.libraries().clear();
            }
            scripting.libraries().join(restored, replace);
        } catch (ScriptException e) {
            out.error(e.errorText());
            return;
        }
        out.raw(Replies.OK);
    }

    static void stats(Client client, Request request, RespWriter out) {
        ScriptingState scripting = client.server().scripting;
        RunningScript running = scripting.running;
        if (running.running() && running.eval()) {
            out.error(RunningScript.BUSY_EVAL);
            return;
        }
        out.mapHeader(2);
        out.bulk("running_script");
        if (!running.running()) {
            out.nullValue();
        } else {
            out.mapHeader(3);
            out.bulk("name");
            out.bulk(running.name());
            out.bulk("command");
            byte[][] command = running.command();
            out.arrayHeader(command.length);
            for (byte[] arg : command) {
                out.bulk(arg);
            }
            out.bulk("duration_ms");
            out.integer(running.elapsedMillis(client.server().clock.millis()));
        }
        out.bulk("engines");
        out.mapHeader(1);
        out.bulk(ENGINE);
        out.mapHeader(2);
        out.bulk("libraries_count");
        out.integer(scripting.libraryCount());
        out.bulk("functions_count");
        out.integer(scripting.functionCount());
    }

    static void kill(Client client, Request request, RespWriter out) {
        ScriptKill.kill(client, out, false);
    }

    static void help(Client client, Request request, RespWriter out) {
        Help.reply(out, "FUNCTION",
                "LOAD [REPLACE] <FUNCTION CODE>",
                "    Create a new library with the given library name and code.",
                "DELETE <LIBRARY NAME>",
                "    Delete the given library.",
                "LIST [LIBRARYNAME PATTERN] [WITHCODE]",
                "    Return general information on all the libraries:",
                "    * Library name",
                "    * The engine used to run the Library",
                "    * Library description",
                "    * Functions list",
                "    * Library code (if WITHCODE is given)",
                "    It also possible to get only function that matches a pattern using LIBRARYNAME argument.",
                "STATS",
                "    Return information about the current function running:",
                "    * Function name",
                "    * Command used to run the function",
                "    * Duration in MS that the function is running",
                "    If no function is running, return nil",
                "    In addition, returns a list of available engines.",
                "KILL",
                "    Kill the current running function.",
                "FLUSH [ASYNC|SYNC]",
                "    Delete all the libraries.",
                "    When called without the optional mode argument, the behavior is determined by the",
                "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
                "    * ASYNC: Asynchronously flush the libraries.",
                "    * SYNC: Synchronously flush the libraries.",
                "DUMP",
                "    Return a serialized payload representing the current libraries, can be restored using FUNCTION RESTORE command",
                "RESTORE <PAYLOAD> [FLUSH|APPEND|REPLACE]",
                "    Restore the libraries represented by the given payload, it is possible to give a restore policy to",
                "    control how to handle existing libraries (default APPEND):",
                "    * FLUSH: delete all existing libraries.",
                "    * APPEND: appends the restored libraries to the existing libraries. On collision, abort.",
                "    * REPLACE: appends the restored libraries to the existing libraries, On collision, replace the old",
                "      libraries with the new libraries (notice that even on this option there is a chance of failure",
                "      in case of functions name collision with another library).");
    }
}
