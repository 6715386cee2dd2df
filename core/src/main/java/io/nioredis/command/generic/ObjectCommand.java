package io.nioredis.command.generic;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Errors;
import io.nioredis.command.Group;
import io.nioredis.command.Help;
import io.nioredis.command.KeySpec;
import io.nioredis.inspect.ObjectEncoding;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;

/**
 * OBJECT ENCODING | REFCOUNT | IDLETIME | FREQ | HELP, as Redis 7.0's objectCommand. Keys are looked up as
 * Redis's objectCommandLookup does: counted as a hit or miss, but not touched, so asking a key's idle time
 * does not reset it. A missing key gets a null.
 */
final class ObjectCommand {
    private static final CommandFactory IMPLEMENTATIONS = ObjectCommand::implementation;

    private ObjectCommand() {}

    static CommandSpec create() {
        return Group.GENERIC.command("object", -2, 0)
                .since("2.2.3")
                .complexity("Depends on subcommand.")
                .summary("Inspect how a key's value is stored")
                .subcommand(Group.GENERIC.command("encoding", 3, READONLY)
                        .keys(KeySpec.range(2, 0, 1, "RO"))
                        .since("2.2.3")
                        .complexity("O(1)")
                        .summary("Reply with the internal representation of a key's value")
                        .args("key")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.GENERIC.command("freq", 3, READONLY)
                        .keys(KeySpec.range(2, 0, 1, "RO"))
                        .since("4.0.0")
                        .complexity("O(1)")
                        .summary("Reply with a key's logarithmic access frequency counter")
                        .args("key")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.GENERIC.command("help", 2, LOADING | STALE)
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("List the OBJECT subcommands")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.GENERIC.command("idletime", 3, READONLY)
                        .keys(KeySpec.range(2, 0, 1, "RO"))
                        .since("2.2.3")
                        .complexity("O(1)")
                        .summary("Reply with the seconds since a key was last accessed")
                        .args("key")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.GENERIC.command("refcount", 3, READONLY)
                        .keys(KeySpec.range(2, 0, 1, "RO"))
                        .since("2.2.3")
                        .complexity("O(1)")
                        .summary("Reply with the reference count of a key's value")
                        .args("key")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    /** The key's slot, or -1 after replying with a null. */
    private static int lookupOrReplyNull(Client client, Request request, RespWriter out) {
        int slot = client.keyspace().lookupReadNoTouch(request.array(), request.offset(2), request.length(2));
        if (slot < 0) {
            out.nullValue();
        }
        return slot;
    }

    private static void encoding(Client client, Request request, RespWriter out) {
        int slot = lookupOrReplyNull(client, request, out);
        if (slot >= 0) {
            out.bulk(ObjectEncoding.of(client.keyspace().entry(slot), client.keyspace().stringBase(slot)));
        }
    }

    private static void refcount(Client client, Request request, RespWriter out) {
        int slot = lookupOrReplyNull(client, request, out);
        if (slot >= 0) {
            boolean noSharing = client.server().evictor.sharedIntegersDisabled();
            Keyspace keyspace = client.keyspace();
            out.integer(ObjectEncoding.refcount(keyspace.entry(slot), keyspace.stringBase(slot), noSharing));
        }
    }

    private static void idletime(Client client, Request request, RespWriter out) {
        int slot = lookupOrReplyNull(client, request, out);
        if (slot < 0) {
            return;
        }
        if (client.server().evictor.usesLfu()) {
            out.raw(Errors.IDLETIME_UNDER_LFU);
            return;
        }
        Keyspace keyspace = client.keyspace();
        out.integer(keyspace.access().idleMillis(slot, keyspace.now()) / 1000);
    }

    private static void freq(Client client, Request request, RespWriter out) {
        int slot = lookupOrReplyNull(client, request, out);
        if (slot < 0) {
            return;
        }
        if (!client.server().evictor.usesLfu()) {
            out.raw(Errors.FREQ_WITHOUT_LFU);
            return;
        }
        Keyspace keyspace = client.keyspace();
        out.integer(keyspace.access().frequency(slot, keyspace.now()));
    }

    private static void help(Client client, Request request, RespWriter out) {
        Help.reply(out, "OBJECT",
                "ENCODING <key>",
                "    Return the kind of internal representation used in order to store the value",
                "    associated with a <key>.",
                "FREQ <key>",
                "    Return the access frequency index of the <key>. The returned integer is",
                "    proportional to the logarithm of the recent access frequency of the key.",
                "IDLETIME <key>",
                "    Return the idle time of the <key>, that is the approximated number of",
                "    seconds elapsed since the last access to the key.",
                "REFCOUNT <key>",
                "    Return the number of references of the value associated with the specified",
                "    <key>.");
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "object|encoding" -> ObjectCommand::encoding;
            case "object|freq" -> ObjectCommand::freq;
            case "object|help" -> ObjectCommand::help;
            case "object|idletime" -> ObjectCommand::idletime;
            case "object|refcount" -> ObjectCommand::refcount;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
