package io.nioredis.command;

import io.nioredis.client.Client;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.Locale;

/**
 * Dispatch for container commands such as CONFIG and COMMAND, where the second argument names a
 * subcommand with its own arity, as Redis 7's command table has them ({@code config|get}).
 */
final class SubcommandTable {
    private final CommandSpec container;
    private final CommandTable table;

    SubcommandTable(CommandSpec container) {
        this.container = container;
        this.table = new CommandTable(container.subcommands);
    }

    CommandSpec lookup(byte[] b, int off, int len) {
        return table.lookup(b, off, len);
    }

    void execute(Client client, Request request, RespWriter out) {
        CommandSpec spec = table.lookup(request.array(), request.offset(1), request.length(1));
        if (spec == null) {
            out.error(Errors.unknownSubcommand(request.string(1), container.name.toUpperCase(Locale.ROOT)));
            return;
        }
        if (!spec.arityAccepts(request.argc())) {
            out.error(Errors.wrongArity(spec.fullName));
            return;
        }
        client.lastCommand(spec.fullName);
        spec.command().execute(client, request, out);
    }
}
