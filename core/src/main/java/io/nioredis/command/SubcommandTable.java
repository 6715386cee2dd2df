package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.List;

/**
 * Dispatch for container commands such as CONFIG and COMMAND, where the second argument names a
 * subcommand with its own arity, as Redis 7's command table has them ({@code config|get}).
 */
final class SubcommandTable implements Command {
    private final String parent;
    private final CommandTable table;

    SubcommandTable(String parent, List<CommandSpec> subcommands) {
        this.parent = parent;
        this.table = new CommandTable(subcommands);
    }

    static CommandSpec sub(String name, int arity, String summary, Command command) {
        return new CommandSpec(name, arity, "", 0, 0, 0, "server", "2.0.0", summary, command);
    }

    List<CommandSpec> all() {
        return table.all();
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        CommandSpec spec = table.lookup(request.array(), request.offset(1), request.length(1));
        if (spec == null) {
            out.error(Errors.unknownSubcommand(request.string(1), parent.toUpperCase(java.util.Locale.ROOT)));
            return;
        }
        if (!spec.arityAccepts(request.argc())) {
            out.error(Errors.wrongArity(parent + "|" + spec.name));
            return;
        }
        client.lastSubcommand(spec);
        spec.command.execute(client, request, out);
    }
}
