package io.nioredis.server;

import io.nioredis.config.Config;
import io.nioredis.config.ConfigLine;
import io.nioredis.ServerState;
import io.nioredis.text.Repr;
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
        // As redis-server, each "--name" starts a directive and the words after it are its arguments; words
        // before the first "--name" make a directive too. Redis joins them into a line, each argument quoted
        // as sdscatrepr quotes it, and splits that line again: the words here go to the configuration as
        // they are, and the line is what an error shows.
        List<String> words = new ArrayList<>();
        StringBuilder shown = new StringBuilder();
        for (; i < args.length; i++) {
            if (args[i].startsWith("--") && args[i].length() > 2) {
                if (!words.isEmpty()) {
                    applyDirective(config, words, shown, line++);
                }
                String name = args[i].substring(2); // "--port 6380" as one argument names the value too
                List<String> nameWords = ConfigLine.split(name);
                words.addAll(nameWords != null ? nameWords : List.of(name));
                shown.append(name);
            } else {
                words.add(args[i]);
                shown.append(shown.length() > 0 ? " " : "").append(Repr.of(args[i]));
            }
        }
        applyDirective(config, words, shown, line);
        return config;
    }

    /**
     * Applies a directive from the command line, if there is one, and clears it; {@code --save} with no
     * value is {@code save ""}, as redis-server makes it.
     */
    private static void applyDirective(Config config, List<String> words, StringBuilder shown, int lineNumber)
            throws Invalid {
        if (words.isEmpty()) {
            return;
        }
        if (words.size() == 1 && words.get(0).equalsIgnoreCase("save")) {
            words.add("");
            shown.append(" \"\"");
        }
        apply(config, words, shown.toString().trim(), lineNumber);
        words.clear();
        shown.setLength(0);
    }

    /** Applies a line of the config file. */
    private static void apply(Config config, String line, int lineNumber) throws Invalid {
        String trimmed = line.trim();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
            return;
        }
        List<String> words = ConfigLine.split(trimmed);
        if (words == null) {
            throw new Invalid(fatal(lineNumber, trimmed, "Unbalanced quotes in configuration line"));
        }
        apply(config, words, trimmed, lineNumber);
    }

    /** Applies a directive's words; {@code shown} is its line as an error names it. */
    private static void apply(Config config, List<String> words, String shown, int lineNumber) throws Invalid {
        if (words.isEmpty()) {
            return;
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
            throw new Invalid(fatal(lineNumber, shown, "Bad directive or wrong number of arguments"));
        }
        String value;
        if (config.isMultiArg(name)) {
            value = String.join(" ", words.subList(1, words.size()));
        } else if (words.size() != 2) {
            throw new Invalid(fatal(lineNumber, shown, "wrong number of arguments"));
        } else {
            value = words.get(1);
        }
        String problem = config.set(name, value);
        if (problem != null) {
            throw new Invalid(fatal(lineNumber, shown, problem));
        }
    }

    private static String fatal(int lineNumber, String line, String reason) {
        return "\n*** FATAL CONFIG FILE ERROR (nioredis " + ServerState.VERSION + ") ***\n"
                + "Reading the configuration file, at line " + lineNumber + "\n>>> '" + line + "'\n" + reason;
    }
}
