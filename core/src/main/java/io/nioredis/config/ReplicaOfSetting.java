package io.nioredis.config;

import io.nioredis.text.Words;

/**
 * The {@code replicaof host port} setting (Redis's special "replicaof" config): empty for a master, else the
 * master's address. {@code replicaof no one} on a config line means a master, as in Redis.
 */
public final class ReplicaOfSetting implements Config.Validator {
    private ReplicaOfSetting() {}

    static void register(Config config) {
        config.addValidator("replicaof", new ReplicaOfSetting());
    }

    @Override
    public String check(String value) {
        return value.isEmpty() || words(value).length == 2 ? null : "wrong number of arguments";
    }

    /** The words of the value, split at spaces as {@code split(" +")} splits them, without a regex (start-up). */
    private static String[] words(String value) {
        return Words.split(value.trim(), " ");
    }

    /** The master's host, or null when the setting names none. */
    public static String host(String value) {
        String[] words = words(value);
        if (words.length != 2 || (words[0].equalsIgnoreCase("no") && words[1].equalsIgnoreCase("one"))) {
            return null;
        }
        return words[0];
    }

    /** The master's port, as Redis's atoi reads it (0 when not a number). */
    public static int port(String value) {
        String[] words = words(value);
        try {
            return Integer.parseInt(words[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return 0;
        }
    }
}
