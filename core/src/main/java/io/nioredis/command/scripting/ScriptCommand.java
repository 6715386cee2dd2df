package io.nioredis.command.scripting;

import io.nioredis.ScriptingState;
import io.nioredis.client.Client;
import io.nioredis.command.Errors;
import io.nioredis.command.Help;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.scripting.CompiledScript;
import io.nioredis.scripting.ScriptException;
import java.util.Locale;

/** SCRIPT LOAD, EXISTS, FLUSH, KILL and HELP, as Redis 7.0's scriptCommand. */
final class ScriptCommand {
    private static final byte[] SYNC = {'s', 'y', 'n', 'c'};
    private static final byte[] ASYNC = {'a', 's', 'y', 'n', 'c'};

    private ScriptCommand() {}

    static void load(Client client, Request request, RespWriter out) {
        try {
            CompiledScript script = client.server().scripting.compile(request.copy(2));
            out.bulk(script.sha());
        } catch (ScriptException e) {
            out.error(e.errorText());
        }
    }

    /** SHA1s in any case, as Redis's script dict compares them. */
    static void exists(Client client, Request request, RespWriter out) {
        ScriptingState scripting = client.server().scripting;
        out.arrayHeader(request.argc() - 2);
        for (int i = 2; i < request.argc(); i++) {
            boolean known = scripting.engineLoaded()
                    && scripting.engine().script(request.string(i).toLowerCase(Locale.ROOT)) != null;
            out.integer(known ? 1 : 0);
        }
    }

    /** ASYNC frees at once too: the cache is dropped for the garbage collector either way. */
    static void flush(Client client, Request request, RespWriter out) {
        if (!flushModeValid(request)) {
            out.raw(Errors.SCRIPT_FLUSH_MODE);
            return;
        }
        client.server().scripting.flushScripts();
        out.raw(Replies.OK);
    }

    /** Nothing, SYNC or ASYNC, and nothing else. */
    static boolean flushModeValid(Request request) {
        return request.argc() == 2 || (request.argc() == 3 && (request.is(2, SYNC) || request.is(2, ASYNC)));
    }

    static void kill(Client client, Request request, RespWriter out) {
        ScriptKill.kill(client, out, true);
    }

    static void help(Client client, Request request, RespWriter out) {
        Help.reply(out, "SCRIPT",
                "EXISTS <sha1> [<sha1> ...]",
                "    Return information about the existence of the scripts in the script cache.",
                "FLUSH [ASYNC|SYNC]",
                "    Flush the Lua scripts cache. Very dangerous on replicas.",
                "    When called without the optional mode argument, the behavior is determined by the",
                "    lazyfree-lazy-user-flush configuration directive. Valid modes are:",
                "    * ASYNC: Asynchronously flush the scripts cache.",
                "    * SYNC: Synchronously flush the scripts cache.",
                "KILL",
                "    Kill the currently executing Lua script.",
                "LOAD <script>",
                "    Load a script into the scripts cache without executing it.");
    }
}
