package io.nioredis.command;

import io.nioredis.resp.RespWriter;

/**
 * The reply of a container's HELP subcommand, as Redis's addReplyHelp: a header naming the command, the
 * given lines, then HELP itself, each a status string.
 */
public final class Help {
    private Help() {}

    public static void reply(RespWriter out, String command, String... lines) {
        out.arrayHeader(lines.length + 3);
        out.simpleString(command + " <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        for (String line : lines) {
            out.simpleString(line);
        }
        out.simpleString("HELP");
        out.simpleString("    Prints this help.");
    }
}
