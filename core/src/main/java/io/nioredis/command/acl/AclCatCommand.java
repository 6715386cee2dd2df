package io.nioredis.command.acl;

import io.nioredis.client.Client;
import io.nioredis.command.AclCategory;
import io.nioredis.command.Command;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import io.nioredis.command.Errors;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * ACL CAT [category]: the categories in Redis's order, or the commands in one (a subcommand as
 * {@code container|sub}), in the command table's order where Redis follows its hash table's.
 */
final class AclCatCommand implements Command {
    private final Supplier<CommandTable> table;

    AclCatCommand(Supplier<CommandTable> table) {
        this.table = table;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        if (request.argc() > 3) {
            out.error(Errors.subcommandSyntax(request.string(1), "ACL"));
            return;
        }
        if (request.argc() == 2) {
            out.arrayHeader(AclCategory.values().length);
            for (AclCategory c : AclCategory.values()) {
                out.bulk(c.label().substring(1));
            }
            return;
        }
        String name = request.string(2);
        AclCategory category = name.startsWith("@") ? null : AclCategory.byName(name);
        if (category == null) {
            out.error("ERR Unknown category '" + name + "'");
            return;
        }
        List<String> names = new ArrayList<>();
        for (CommandSpec spec : table.get().all()) {
            collect(spec, category.bit(), names);
        }
        out.arrayHeader(names.size());
        for (String n : names) {
            out.bulk(n);
        }
    }

    private static void collect(CommandSpec spec, long bit, List<String> names) {
        if ((spec.aclCategories & bit) != 0) {
            names.add(spec.fullName);
        }
        for (CommandSpec sub : spec.subcommands) {
            collect(sub, bit, names);
        }
    }
}
