package io.nioredis.command.pubsub;

import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Errors;
import io.nioredis.command.CommandSpec;
import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Group;
import io.nioredis.command.Help;
import io.nioredis.command.KeySpec;

import io.nioredis.client.Client;
import io.nioredis.pubsub.PubSub;
import io.nioredis.text.BytesKey;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH, their sharded forms SSUBSCRIBE, SUNSUBSCRIBE
 * and SPUBLISH, and PUBSUB CHANNELS|NUMSUB|NUMPAT|SHARDCHANNELS|SHARDNUMSUB, replying as Redis's pubsub.c:
 * one confirmation per channel carrying the client's subscription count (channels plus patterns, or shard
 * channels for the sharded forms), as push frames in RESP3.
 */
public final class PubSubCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "pubsub subscribe unsubscribe psubscribe punsubscribe publish spublish "
            + "ssubscribe sunsubscribe";

    private static final CommandFactory IMPLEMENTATIONS = PubSubCommands::implementation;

    private static final byte[] SUBSCRIBE = bytes("subscribe");
    private static final byte[] UNSUBSCRIBE = bytes("unsubscribe");
    private static final byte[] PSUBSCRIBE = bytes("psubscribe");
    private static final byte[] PUNSUBSCRIBE = bytes("punsubscribe");
    private static final byte[] SSUBSCRIBE = bytes("ssubscribe");
    private static final byte[] SUNSUBSCRIBE = bytes("sunsubscribe");

    private PubSubCommands() {}

    static void subscribe(Client client, Request request, RespWriter out) {
        for (int i = 1; i < request.argc(); i++) {
            byte[] channel = request.copy(i);
            client.server().pubsub.subscribe(client, channel);
            confirm(out, SUBSCRIBE, channel, client);
        }
    }

    static void psubscribe(Client client, Request request, RespWriter out) {
        for (int i = 1; i < request.argc(); i++) {
            byte[] pattern = request.copy(i);
            client.server().pubsub.psubscribe(client, pattern);
            confirm(out, PSUBSCRIBE, pattern, client);
        }
    }

    static void unsubscribe(Client client, Request request, RespWriter out) {
        PubSub pubsub = client.server().pubsub;
        List<byte[]> channels = named(request, client.subscriptions().channels());
        if (channels.isEmpty()) {
            confirm(out, UNSUBSCRIBE, null, client);
        }
        for (byte[] channel : channels) {
            pubsub.unsubscribe(client, channel);
            confirm(out, UNSUBSCRIBE, channel, client);
        }
    }

    static void punsubscribe(Client client, Request request, RespWriter out) {
        PubSub pubsub = client.server().pubsub;
        List<byte[]> patterns = named(request, client.subscriptions().patterns());
        if (patterns.isEmpty()) {
            confirm(out, PUNSUBSCRIBE, null, client);
        }
        for (byte[] pattern : patterns) {
            pubsub.punsubscribe(client, pattern);
            confirm(out, PUNSUBSCRIBE, pattern, client);
        }
    }

    static void ssubscribe(Client client, Request request, RespWriter out) {
        for (int i = 1; i < request.argc(); i++) {
            byte[] channel = request.copy(i);
            client.server().pubsub.ssubscribe(client, channel);
            confirm(out, SSUBSCRIBE, channel, client.subscriptions().shardCount());
        }
    }

    static void sunsubscribe(Client client, Request request, RespWriter out) {
        PubSub pubsub = client.server().pubsub;
        List<byte[]> channels = named(request, client.subscriptions().shardChannels());
        if (channels.isEmpty()) {
            confirm(out, SUNSUBSCRIBE, null, client.subscriptions().shardCount());
        }
        for (byte[] channel : channels) {
            pubsub.sunsubscribe(client, channel);
            confirm(out, SUNSUBSCRIBE, channel, client.subscriptions().shardCount());
        }
    }

    static void spublish(Client client, Request request, RespWriter out) {
        if (client.propagating()) {
            client.propagateToReplicasOnly(); // as Redis: subscribers of a replica hear the master's messages
        }
        out.integer(client.server().pubsub.spublish(request.array(), request.offset(1), request.length(1),
                request.array(), request.offset(2), request.length(2)));
    }

    /** The arguments, or with none every current subscription (a copy, as they are removed while walked). */
    private static List<byte[]> named(Request request, java.util.Set<BytesKey> current) {
        List<byte[]> names = new ArrayList<>();
        if (request.argc() == 1) {
            for (BytesKey k : current) {
                names.add(k.bytes());
            }
        } else {
            for (int i = 1; i < request.argc(); i++) {
                names.add(request.copy(i));
            }
        }
        return names;
    }

    private static void confirm(RespWriter out, byte[] kind, byte[] name, Client client) {
        confirm(out, kind, name, client.subscriptions().count());
    }

    /** One (un)subscription confirmation carrying {@code count}, the subscriptions left of that namespace. */
    private static void confirm(RespWriter out, byte[] kind, byte[] name, int count) {
        out.pushHeader(3);
        out.bulk(kind);
        if (name == null) {
            out.nullValue();
        } else {
            out.bulk(name);
        }
        out.integer(count);
    }

    static void publish(Client client, Request request, RespWriter out) {
        if (client.propagating()) {
            client.propagateToReplicasOnly(); // as Redis: subscribers of a replica hear the master's messages
        }
        out.integer(client.server().pubsub.publish(request.array(), request.offset(1), request.length(1),
                request.array(), request.offset(2), request.length(2)));
    }

    static CommandSpec pubsubCommand() {
        return Group.PUBSUB.command("pubsub", -2, 0)
                .since("2.8.0")
                .complexity("Depends on subcommand.")
                .summary("Inspect the pub/sub channels")
                .subcommand(Group.PUBSUB.command("channels", -2, PUBSUB | LOADING | STALE)
                        .since("2.8.0")
                        .complexity("O(N) where N is the number of active channels, and assuming constant time pattern matching (relatively short channels and patterns)")
                        .summary("List the channels that have listeners")
                        .args("[pattern]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.PUBSUB.command("numsub", -2, PUBSUB | LOADING | STALE)
                        .since("2.8.0")
                        .complexity("O(N) for the NUMSUB subcommand, where N is the number of requested channels")
                        .summary("Count the listeners of channels")
                        .args("[channel...]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.PUBSUB.command("numpat", 2, PUBSUB | LOADING | STALE)
                        .since("2.8.0")
                        .complexity("O(1)")
                        .summary("Count the distinct patterns listened to")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.PUBSUB.command("shardchannels", -2, PUBSUB | LOADING | STALE)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of active shard channels, and assuming constant time pattern matching (relatively short shard channels).")
                        .summary("List the shard channels that have listeners")
                        .args("[pattern]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.PUBSUB.command("shardnumsub", -2, PUBSUB | LOADING | STALE)
                        .since("7.0.0")
                        .complexity("O(N) for the SHARDNUMSUB subcommand, where N is the number of requested shard channels")
                        .summary("Count the listeners of shard channels")
                        .args("[shardchannel...]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.PUBSUB.command("help", 2, LOADING | STALE)
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("List the PUBSUB subcommands")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    public static void register(List<CommandSpec> rows) {
        rows.add(pubsubCommand());
        rows.add(Group.PUBSUB.command("subscribe", -2, PUBSUB | NOSCRIPT | LOADING | STALE | SUBSCRIBED_CONTEXT)
                .since("2.0.0")
                .complexity("O(N) where N is the number of channels to subscribe to.")
                .summary("Listen for messages on channels")
                .args("channel...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.PUBSUB.command("unsubscribe", -1, PUBSUB | NOSCRIPT | LOADING | STALE | SUBSCRIBED_CONTEXT)
                .since("2.0.0")
                .complexity("O(N) where N is the number of clients already subscribed to a channel.")
                .summary("Stop listening on channels")
                .args("[channel...]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.PUBSUB.command("psubscribe", -2, PUBSUB | NOSCRIPT | LOADING | STALE | SUBSCRIBED_CONTEXT)
                .since("2.0.0")
                .complexity("O(N) where N is the number of patterns the client is already subscribed to.")
                .summary("Listen for messages on channels matching patterns")
                .args("pattern=(pattern)...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.PUBSUB.command("punsubscribe", -1, PUBSUB | NOSCRIPT | LOADING | STALE | SUBSCRIBED_CONTEXT)
                .since("2.0.0")
                .complexity("O(N+M) where N is the number of patterns the client is already subscribed and M is the number of total patterns subscribed in the system (by any client).")
                .summary("Stop listening on channel patterns")
                .args("[pattern...]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.PUBSUB.command("publish", 3, PUBSUB | LOADING | STALE | FAST)
                .since("2.0.0")
                .complexity("O(N+M) where N is the number of clients subscribed to the receiving channel and M is the total number of subscribed patterns (by any client).")
                .summary("Send a message to a channel's listeners")
                .args("channel message")
                .run(IMPLEMENTATIONS));
        rows.add(Group.PUBSUB.command("spublish", 3, PUBSUB | LOADING | STALE | FAST)
                .keys(KeySpec.range(1, 0, 1, "not_key"))
                .since("7.0.0")
                .complexity("O(N) where N is the number of clients subscribed to the receiving shard channel.")
                .summary("Send a message to a shard channel's listeners")
                .args("shardchannel message")
                .run(IMPLEMENTATIONS));
        rows.add(Group.PUBSUB.command("ssubscribe", -2, PUBSUB | NOSCRIPT | LOADING | STALE | SUBSCRIBED_CONTEXT)
                .keys(KeySpec.range(1, -1, 1, "not_key"))
                .since("7.0.0")
                .complexity("O(N) where N is the number of shard channels to subscribe to.")
                .summary("Listen for messages on shard channels")
                .args("shardchannel...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.PUBSUB.command("sunsubscribe", -1, PUBSUB | NOSCRIPT | LOADING | STALE | SUBSCRIBED_CONTEXT)
                .keys(KeySpec.range(1, -1, 1, "not_key"))
                .since("7.0.0")
                .complexity("O(N) where N is the number of clients already subscribed to a shard channel.")
                .summary("Stop listening on shard channels")
                .args("[shardchannel...]")
                .run(IMPLEMENTATIONS));
    }

    private static void help(RespWriter out) {
        Help.reply(out, "PUBSUB",
                "CHANNELS [<pattern>]",
                "    Return the currently active channels matching a <pattern> (default: '*').",
                "NUMPAT",
                "    Return number of subscriptions to patterns.",
                "NUMSUB [<channel> ...]",
                "    Return the number of subscribers for the specified channels, excluding",
                "    pattern subscriptions(default: no channels).",
                "SHARDCHANNELS [<pattern>]",
                "    Return the currently active shard level channels matching a <pattern> (default: '*').",
                "SHARDNUMSUB [<shardchannel> ...]",
                "    Return the number of subscribers for the specified shard level channel(s)");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** PUBSUB CHANNELS / SHARDCHANNELS [pattern]: the channels (of one namespace) that have listeners. */
    private static void listChannels(Client client, Request r, boolean shard, RespWriter out) {
        if (r.argc() > 3) {
            out.error(Errors.subcommandSyntax(r.string(1), "PUBSUB"));
            return;
        }
        byte[] pattern = r.argc() == 3 ? r.copy(2) : null;
        PubSub pubsub = client.server().pubsub;
        List<byte[]> channels = shard ? pubsub.shardChannels(pattern) : pubsub.channels(pattern);
        out.arrayHeader(channels.size());
        for (byte[] ch : channels) {
            out.bulk(ch);
        }
    }

    /** PUBSUB NUMSUB / SHARDNUMSUB channel...: each channel and its listeners, an array even in RESP3. */
    private static void countSubscribers(Client client, Request r, boolean shard, RespWriter out) {
        PubSub pubsub = client.server().pubsub;
        out.arrayHeader((r.argc() - 2) * 2L);
        for (int i = 2; i < r.argc(); i++) {
            byte[] channel = r.copy(i);
            out.bulk(channel);
            out.integer(shard ? pubsub.shardSubscribers(channel) : pubsub.subscribers(channel));
        }
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "pubsub|channels" -> (c, r, out) -> listChannels(c, r, false, out);
            case "pubsub|numsub" -> (c, r, out) -> countSubscribers(c, r, false, out);
            case "pubsub|numpat" -> (c, r, out) -> out.integer(c.server().pubsub.patternCount());
            case "pubsub|shardchannels" -> (c, r, out) -> listChannels(c, r, true, out);
            case "pubsub|shardnumsub" -> (c, r, out) -> countSubscribers(c, r, true, out);
            case "pubsub|help" -> (c, r, out) -> help(out);
            case "subscribe" -> PubSubCommands::subscribe;
            case "unsubscribe" -> PubSubCommands::unsubscribe;
            case "psubscribe" -> PubSubCommands::psubscribe;
            case "punsubscribe" -> PubSubCommands::punsubscribe;
            case "publish" -> PubSubCommands::publish;
            case "spublish" -> PubSubCommands::spublish;
            case "ssubscribe" -> PubSubCommands::ssubscribe;
            case "sunsubscribe" -> PubSubCommands::sunsubscribe;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
