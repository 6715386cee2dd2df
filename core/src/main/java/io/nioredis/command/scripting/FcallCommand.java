package io.nioredis.command.scripting;

import io.nioredis.ScriptingState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.scripting.RegisteredFunction;

/** FCALL and FCALL_RO (Redis's fcallCommandGeneric): the function by name in any case, numkeys, the run. */
final class FcallCommand implements Command {
    private final ScriptRun run;
    private final boolean readOnly;

    FcallCommand(ScriptRun run, boolean readOnly) {
        this.run = run;
        this.readOnly = readOnly;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        ScriptingState scripting = client.server().scripting;
        RegisteredFunction function = scripting.libraryCount() == 0 ? null
                : scripting.libraries().function(request.string(1));
        if (function == null) {
            out.raw(Errors.FUNCTION_NOT_FOUND);
            return;
        }
        byte[] refusal = ScriptArguments.numkeysRefusal(request, Errors.NUMKEYS_BAD);
        if (refusal != null) {
            out.raw(refusal);
            return;
        }
        long numkeys = request.longValue(2);
        ScriptArguments arguments = ScriptArguments.of(request, (int) numkeys);
        run.run(client, out, false, function.name(), function.flags(), false, readOnly, arguments.command,
                host -> scripting.engine().fcall(function, arguments.keys, arguments.args, host));
    }
}
