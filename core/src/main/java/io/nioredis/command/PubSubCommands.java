package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH and PUBSUB CHANNELS|NUMSUB|NUMPAT, replying as
 * Redis's pubsub.c: one confirmation per channel carrying the client's subscription count, as push frames
 * in RESP3.
 */
final class PubSubCommands {
    private static final byte[] SUBSCRIBE = bytes("subscribe");
    private static final byte[] UNSUBSCRIBE = bytes("unsubscribe");
    private static final byte[] PSUBSCRIBE = bytes("psubscribe");
    private static final byte[] PUNSUBSCRIBE = bytes("punsubscribe");

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
        List<byte[]> channels = named(request, client.subscriptions().channels);
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
        List<byte[]> patterns = named(request, client.subscriptions().patterns);
        if (patterns.isEmpty()) {
            confirm(out, PUNSUBSCRIBE, null, client);
        }
        for (byte[] pattern : patterns) {
            pubsub.punsubscribe(client, pattern);
            confirm(out, PUNSUBSCRIBE, pattern, client);
        }
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
        out.pushHeader(3);
        out.bulk(kind);
        if (name == null) {
            out.nullValue();
        } else {
            out.bulk(name);
        }
        out.integer(client.subscriptions().count());
    }

    static void publish(Client client, Request request, RespWriter out) {
        out.integer(client.server().pubsub.publish(request.array(), request.offset(1), request.length(1),
                request.array(), request.offset(2), request.length(2)));
    }

    static SubcommandTable pubsubCommand() {
        return new SubcommandTable("pubsub", List.of(
                SubcommandTable.sub("channels", -2, "List active channels", (c, r, out) -> {
                    if (r.argc() > 3) {
                        out.error("ERR unknown subcommand or wrong number of arguments for '" + r.string(1)
                                + "'. Try PUBSUB HELP.");
                        return;
                    }
                    List<byte[]> channels = c.server().pubsub.channels(r.argc() == 3 ? r.copy(2) : null);
                    out.arrayHeader(channels.size());
                    for (byte[] ch : channels) {
                        out.bulk(ch);
                    }
                }),
                SubcommandTable.sub("numsub", -2, "Get the count of subscribers for channels", (c, r, out) -> {
                    out.arrayHeader((r.argc() - 2) * 2L); // an array even in RESP3, as Redis 7.0
                    for (int i = 2; i < r.argc(); i++) {
                        out.bulk(r.array(), r.offset(i), r.length(i));
                        out.integer(c.server().pubsub.subscribers(r.copy(i)));
                    }
                }),
                SubcommandTable.sub("numpat", 2, "Get the count of unique patterns pattern subscriptions",
                        (c, r, out) -> out.integer(c.server().pubsub.patternCount()))));
    }

    static void register(List<CommandSpec> rows) {
        rows.add(BuiltinCommands.row("subscribe", -2, "pubsub noscript loading stale", 0, 0, 0, "pubsub", "2.0.0",
                "Listen for messages published to the given channels", PubSubCommands::subscribe));
        rows.add(BuiltinCommands.row("unsubscribe", -1, "pubsub noscript loading stale", 0, 0, 0, "pubsub",
                "2.0.0", "Stop listening for messages posted to the given channels", PubSubCommands::unsubscribe));
        rows.add(BuiltinCommands.row("psubscribe", -2, "pubsub noscript loading stale", 0, 0, 0, "pubsub", "2.0.0",
                "Listen for messages published to channels matching the given patterns", PubSubCommands::psubscribe));
        rows.add(BuiltinCommands.row("punsubscribe", -1, "pubsub noscript loading stale", 0, 0, 0, "pubsub",
                "2.0.0", "Stop listening for messages posted to channels matching the given patterns",
                PubSubCommands::punsubscribe));
        rows.add(BuiltinCommands.row("publish", 3, "pubsub loading stale fast", 0, 0, 0, "pubsub",
                "2.0.0", "Post a message to a channel", PubSubCommands::publish));
        rows.add(BuiltinCommands.row("pubsub", -2, "", 0, 0, 0, "pubsub", "2.8.0",
                "A container for Pub/Sub commands", pubsubCommand()));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
