package io.nioredis.server;

import io.nioredis.config.Config;
import io.nioredis.config.ConfigLine;
import io.nioredis.ServerState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the configuration the way redis-server does: an optional config file in redis.conf syntax as the
 * first argument, then {@code --name value ...} flags that override it. A bad directive stops start-up
 * with Redis's "FATAL CONFIG FILE ERROR" text and exit code 1.
 */
public final class ServerConfig {
    /** A configuration that cannot be used; the message is what redis-server would print. */
    public static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    /** Directives Redis 7.0 still accepts in a config file and ignores, having no effect any more. */
    private static final java.util.Set<String> DEPRECATED =
            java.util.Set.of("list-max-ziplist-entries", "list-max-ziplist-value", "lua-replicate-commands");

    private ServerConfig() {}

    public static Config parse(String[] args) throws Invalid {
        Config config = new Config();
        int i = 0;
        if (args.length > 0 && !args[0].startsWith("--")) {
            Path file = Path.of(args[0]);
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Invalid("Fatal error, can't open config file '" + args[0] + "': " + e.getMessage());
            }
            config.file(file);
            for (int n = 0; n < lines.size(); n++) {
                apply(config, lines.get(n), "Reading the configuration file " + file + ", at line " + (n + 1));
            }
            i = 1;
        }
        // As redis-server, each "--name" starts a directive and the words after it are its arguments.
        List<String> directive = new ArrayList<>();
        for (; i < args.length; i++) {
            if (args[i].startsWith("--") && args[i].length() > 2) {
                applyFlag(config, directive);
                directive.clear();
                directive.add(args[i].substring(2));
            } else if (directive.isEmpty()) {
                throw new Invalid(fatal("Reading the command line", args[i], "Invalid argument"));
            } else {
                directive.add(args[i]);
            }
        }
        applyFlag(config, directive);
        return config;
    }

    private static void applyFlag(Config config, List<String> directive) throws Invalid {
        if (directive.isEmpty()) {
            return;
        }
        StringBuilder line = new StringBuilder(directive.get(0));
        for (int j = 1; j < directive.size(); j++) {
            line.append(" \"").append(directive.get(j).replace("\"", "\\\"")).append('"');
        }
        apply(config, line.toString(), "Reading the command line");
    }

    private static void apply(Config config, String line, String where) throws Invalid {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return;
        }
        List<String> words = ConfigLine.split(trimmed);
        if (words == null) {
            throw new Invalid(fatal(where, trimmed, "Unbalanced quotes in configuration line"));
        }
        String name = words.get(0).toLowerCase(java.util.Locale.ROOT);
        if (DEPRECATED.contains(name) && words.size() == 2) {
            return;
        }
        if (name.equals("loadmodule") && words.size() >= 2) {
            config.moduleLoads().add(words.get(1));
            return;
        }
        if (!config.has(name)) {
            throw new Invalid(fatal(where, trimmed, "Bad directive or wrong number of arguments"));
        }
        String value;
        if (config.isMultiArg(name)) {
            value = String.join(" ", words.subList(1, words.size()));
        } else if (words.size() != 2) {
            throw new Invalid(fatal(where, trimmed, "wrong number of arguments"));
        } else {
            value = words.get(1);
        }
        String problem = config.set(name, value);
        if (problem != null) {
            throw new Invalid(fatal(where, trimmed, problem));
        }
    }

    private static String fatal(String where, String line, String reason) {
        return "\n*** FATAL CONFIG FILE ERROR (nioredis " + ServerState.VERSION + ") ***\n"
                + where + "\n>>> '" + line + "'\n" + reason;
    }
}
