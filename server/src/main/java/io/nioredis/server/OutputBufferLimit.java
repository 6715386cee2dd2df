package io.nioredis.server;

import java.util.Locale;

/**
 * One class of Redis's {@code client-output-buffer-limit} (e.g. {@code pubsub 32mb 8mb 60}): a client whose
 * unsent output exceeds the hard limit, or stays above the soft limit for the given seconds, is
 * disconnected. Zero disables a limit.
 */
final class OutputBufferLimit {
    final long hardBytes;
    final long softBytes;
    final long softMillis;

    OutputBufferLimit(long hardBytes, long softBytes, long softSeconds) {
        this.hardBytes = hardBytes;
        this.softBytes = softBytes;
        this.softMillis = softSeconds * 1000;
    }

    /** The classes in the order CONFIG GET lists them. */
    private static final String[] CLASSES = {"normal", "slave", "pubsub"};

    /**
     * Redis's CONFIG SET of {@code client-output-buffer-limit}: the classes named in {@code update}
     * replace those of {@code current}, and the result is written in canonical form (all classes, plain
     * bytes). Throws with Redis's message if the update is malformed.
     */
    static String merge(String current, String update) {
        String[] args = update.trim().isEmpty() ? new String[0] : update.trim().split("\\s+");
        if (args.length % 4 != 0) {
            throw new IllegalArgumentException("Wrong number of arguments in buffer limit configuration.");
        }
        String[] values = new String[CLASSES.length];
        String[] cur = current.trim().split("\\s+");
        for (int i = 0; i + 3 < cur.length; i += 4) {
            values[classIndex(cur[i])] = cur[i + 1] + " " + cur[i + 2] + " " + cur[i + 3];
        }
        for (int i = 0; i < args.length; i += 4) {
            int c = classIndex(args[i]);
            if (c < 0) {
                throw new IllegalArgumentException("Invalid client class specified in buffer limit configuration.");
            }
            long hard = io.nioredis.Config.parseMemory(args[i + 1]);
            long soft = io.nioredis.Config.parseMemory(args[i + 2]);
            long seconds;
            try {
                seconds = Long.parseLong(args[i + 3]);
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (hard < 0 || soft < 0 || seconds < 0) {
                throw new IllegalArgumentException(
                        "Error in hard, soft or soft_seconds setting in buffer limit configuration.");
            }
            values[c] = hard + " " + soft + " " + seconds;
        }
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < CLASSES.length; c++) {
            b.append(c == 0 ? "" : " ").append(CLASSES[c]).append(' ').append(values[c]);
        }
        return b.toString();
    }

    /** "replica" is "slave"'s newer name; "master" has no limit class (Redis refuses it too). */
    private static int classIndex(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "normal": return 0;
            case "slave":
            case "replica": return 1;
            case "pubsub": return 2;
            default: return -1;
        }
    }

    /** The limit of {@code clientClass} in a config value, or none if the value does not name it. */
    static OutputBufferLimit parse(String configValue, String clientClass) {
        String[] parts = configValue.trim().toLowerCase(Locale.ROOT).split("\\s+");
        for (int i = 0; i + 3 < parts.length; i += 4) {
            if (parts[i].equals(clientClass)) {
                long hard = io.nioredis.Config.parseMemory(parts[i + 1]);
                long soft = io.nioredis.Config.parseMemory(parts[i + 2]);
                long seconds;
                try {
                    seconds = Long.parseLong(parts[i + 3]);
                } catch (NumberFormatException e) {
                    seconds = 0;
                }
                return new OutputBufferLimit(Math.max(0, hard), Math.max(0, soft), Math.max(0, seconds));
            }
        }
        return new OutputBufferLimit(0, 0, 0);
    }

    /**
     * Whether a client with {@code unsent} bytes queued must go; {@code conn.softLimitSince} remembers
     * since when it has been over the soft limit, as Redis's obuf_soft_limit_reached_time.
     */
    boolean exceeded(Connection conn, long unsent, long now) {
        if (hardBytes > 0 && unsent >= hardBytes) {
            return true;
        }
        if (softBytes > 0 && unsent >= softBytes) {
            if (conn.softLimitSince == 0) {
                conn.softLimitSince = now;
                return false;
            }
            return now - conn.softLimitSince > softMillis;
        }
        conn.softLimitSince = 0;
        return false;
    }
}
