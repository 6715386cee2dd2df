package io.nioredis.command.acl;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import io.nioredis.command.Errors;
import io.nioredis.command.Replies;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.function.Supplier;

/**
 * ACL DRYRUN user command [arg ...]: the default user may run every command, so this checks that the user
 * and the command exist and that the arity fits, with Redis 7.0's texts.
 */
final class AclDryrunCommand implements Command {
    private final Supplier<CommandTable> table;

    AclDryrunCommand(Supplier<CommandTable> table) {
        this.table = table;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        String user = request.string(2);
        if (!user.equals(DefaultUser.NAME)) {
            out.error("ERR User '" + user + "' not found");
            return;
        }
        CommandSpec spec = lookup(request);
        if (spec == null) {
            out.error("ERR Command '" + request.string(3) + "' not found");
            return;
        }
        int argc = request.argc() - 3;
        if (!spec.arityAccepts(argc)) {
            out.error(Errors.wrongArity(spec.fullName));
            return;
        }
        out.raw(Replies.OK);
    }

    /** Redis's lookupCommand of argv[3..]: a container named alone is itself, with more its subcommand. */
    private CommandSpec lookup(Request request) {
        byte[] b = request.array();
        CommandSpec base = table.get().lookup(b, request.offset(3), request.length(3));
        if (base == null || base.subcommands.isEmpty() || request.argc() == 4) {
            return base;
        }
        return base.subcommand(b, request.offset(4), request.length(4));
    }
}
