package io.nioredis.config;

/**
 * The {@code replicaof host port} setting (Redis's special "replicaof" config): empty for a master, else the
 * master's address. {@code replicaof no one} on a config line means a master, as in Redis.
 */
public final class ReplicaOfSetting {
    private ReplicaOfSetting() {}

    static void register(Config config) {
        config.addValidator("replicaof", v -> v.isEmpty() || v.trim().split(" +").length == 2
                ? null : "wrong number of arguments");
    }

    /** The master's host, or null when the setting names none. */
    public static String host(String value) {
        String[] words = value.trim().split(" +");
        if (words.length != 2 || (words[0].equalsIgnoreCase("no") && words[1].equalsIgnoreCase("one"))) {
            return null;
        }
        return words[0];
    }

    /** The master's port, as Redis's atoi reads it (0 when not a number). */
    public static int port(String value) {
        String[] words = value.trim().split(" +");
        try {
            return Integer.parseInt(words[1]);
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return 0;
        }
    }
}
