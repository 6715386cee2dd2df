package io.nioredis.command;

import io.nioredis.command.builtin.BuiltinCommands;

import io.nioredis.client.Client;

import io.nioredis.config.Config;
import io.nioredis.store.ManualClock;
import io.nioredis.ServerState;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;

/**
 * Runs commands against a fresh server state with a manual clock and returns the raw RESP reply, so a
 * command test reads like a redis-cli session: {@code assertThat(run("GET", "k")).isEqualTo("$1\r\nv\r\n")}.
 */
public final class CommandHarness {
    public final ManualClock clock = new ManualClock();
    public final ServerState state;
    public final Dispatcher dispatcher = new Dispatcher(BuiltinCommands.table());
    public final Client client;
    private final RespWriter out = new RespWriter(256);

    public CommandHarness() {
        this(config());
    }

    private CommandHarness(Config config) {
        state = new ServerState(config, clock);
        client = new Client(1, state);
    }

    /**
     * A harness whose server starts with these settings (name/value pairs) and, when {@code files} names
     * some, those files (name, then content) written into its scratch directory first.
     */
    public static CommandHarness with(String[] settings, String... files) {
        Config config = config();
        java.nio.file.Path dir = java.nio.file.Path.of(config.get("dir"));
        for (int i = 0; i < files.length; i += 2) {
            try {
                java.nio.file.Files.writeString(dir.resolve(files[i]), files[i + 1]);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        for (int i = 0; i < settings.length; i += 2) {
            String problem = config.set(settings[i], settings[i + 1]);
            if (problem != null) {
                throw new IllegalArgumentException(settings[i] + ": " + problem);
            }
        }
        return new CommandHarness(config);
    }

    /** Redis's defaults, but snapshots go to a scratch directory rather than the working directory. */
    private static Config config() {
        Config config = new Config();
        config.set("dir", ScratchDirectory.create().toString());
        return config;
    }

    /** The exact reply bytes, decoded as ISO-8859-1 so every byte maps to one char. */
    public String run(String... args) {
        return run(Request.of(args));
    }

    public String run(byte[]... args) {
        return run(Request.of(args));
    }

    public String run(Request request) {
        out.reset();
        dispatcher.execute(client, request, out);
        return new String(out.array(), 0, out.size(), StandardCharsets.ISO_8859_1);
    }

    /** Runs a command as another client of the same server, with that client's protocol. */
    public String runAs(Client other, String... args) {
        RespWriter own = new RespWriter(256);
        own.protocol(other.protocol());
        dispatcher.execute(other, Request.of(args), own);
        return new String(own.array(), 0, own.size(), StandardCharsets.ISO_8859_1);
    }

    /** Encodes a bulk string reply, for expected values. */
    public static String bulk(String s) {
        return "$" + s.getBytes(StandardCharsets.ISO_8859_1).length + "\r\n" + s + "\r\n";
    }

    public static String integer(long v) {
        return ":" + v + "\r\n";
    }

    public static String error(String message) {
        return "-" + message + "\r\n";
    }

    public static final String OK = "+OK\r\n";
    public static final String NIL = "$-1\r\n";
}
