package io.nioredis.server;

import io.nioredis.config.Config;
import io.nioredis.config.ConfigLine;
import io.nioredis.ServerState;
import io.nioredis.text.Repr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        // Redis 7.0 appends the command line's directives to the file's text after a newline and reads it
        // all as one file, so a directive from the command line is named by its line in that text: line 2
        // without a file (after the empty first line), else the line after the file's last.
        int line = 2;
        if (args.length > 0 && !args[0].startsWith("--")) {
            Path file = Path.of(args[0]);
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new Invalid("Fatal error, can't open config file '" + args[0] + "': " + e.getMessage());
            }
            config.file(file);
            String[] lines = text.split("\n", -1); // as Redis splits: at "\n" only
            for (int n = 0; n < lines.length; n++) {
                apply(config, lines[n], n + 1);
            }
            line = lines.length + 1;
            i = 1;
        }
        // As redis-server, each "--name" starts a directive and the words after it are its arguments, each
        // quoted as Redis's sdscatrepr quotes it; words before the first "--name" make a directive too.
        StringBuilder directive = new StringBuilder();
        boolean hasArguments = false;
        for (; i < args.length; i++) {
            if (args[i].startsWith("--") && args[i].length() > 2) {
                if (directive.length() > 0) {
                    apply(config, ended(directive, hasArguments), line++);
                }
                directive.setLength(0);
                directive.append(args[i].substring(2));
                hasArguments = false;
            } else {
                if (directive.length() > 0) {
                    directive.append(' ');
                }
                directive.append(Repr.of(args[i]));
                hasArguments = true;
            }
        }
        if (directive.length() > 0) {
            apply(config, ended(directive, hasArguments), line);
        }
        return config;
    }

    /** The directive's text; {@code --save} with no value is {@code save ""}, as redis-server makes it. */
    private static String ended(StringBuilder directive, boolean hasArguments) {
        String text = directive.toString();
        return !hasArguments && text.equalsIgnoreCase("save") ? text + " \"\"" : text;
    }

    private static void apply(Config config, String line, int lineNumber) throws Invalid {
        apply(config, line, "Reading the configuration file, at line " + lineNumber);
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
