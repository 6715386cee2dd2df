package io.nioredis.command.scripting;

import io.nioredis.ScriptingState;
import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.scripting.CompiledScript;
import io.nioredis.scripting.ScriptException;

/**
 * EVAL, EVALSHA, EVAL_RO and EVALSHA_RO (Redis's evalGenericCommand): numkeys first, then the script by
 * its body (compiled once, kept by SHA1) or by SHA1 (NOSCRIPT if unknown), then the run.
 */
final class EvalCommand implements Command {
    private static final int SHA1_LENGTH = 40;

    private final ScriptRun run;
    private final boolean bySha;
    private final boolean readOnly;

    EvalCommand(ScriptRun run, boolean bySha, boolean readOnly) {
        this.run = run;
        this.bySha = bySha;
        this.readOnly = readOnly;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (bySha && request.length(1) != SHA1_LENGTH) {
            out.raw(Errors.NOSCRIPT); // evalShaCommand: no script can have another length
            return;
        }
        byte[] refusal = ScriptArguments.numkeysRefusal(request, Errors.NOT_INTEGER);
        if (refusal != null) {
            out.raw(refusal);
            return;
        }
        long numkeys = request.longValue(2);
        ScriptingState scripting = client.server().scripting;
        CompiledScript script;
        if (bySha) {
            script = scripting.engineLoaded()
                    ? scripting.engine().script(request.array(), request.offset(1), request.length(1)) : null;
            if (script == null) {
                out.raw(Errors.NOSCRIPT);
                return;
            }
        } else {
            try {
                script = scripting.compile(request.copy(1));
            } catch (ScriptException e) {
                out.error(e.errorText());
                return;
            }
        }
        ScriptArguments arguments = ScriptArguments.of(request, (int) numkeys);
        run.run(client, out, true, script.sha(), script.flags(), !script.shebang(), readOnly, arguments.command,
                host -> scripting.engine().eval(script, arguments.keys, arguments.args, host));
    }
}
