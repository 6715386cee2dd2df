package io.nioredis.config;

import io.nioredis.text.Words;
import java.util.Locale;

/**
 * The {@code client-output-buffer-limit} setting: per client class a hard limit, a soft limit and how many
 * seconds a client may stay over the soft one, as Redis writes it
 * ({@code normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60}). A zero limit is off.
 * The {@code normal} and {@code pubsub} classes apply to nioredis clients; {@code slave} is kept so CONFIG
 * GET reads as Redis.
 */
public final class OutputBufferLimits {
    public static final String DEFAULT = "normal 0 0 0 slave 268435456 67108864 60 pubsub 33554432 8388608 60";

    private static final String[] CLASSES = {"normal", "slave", "pubsub"};

    public final long hardBytes;
    public final long softBytes;
    public final long softSeconds;

    private OutputBufferLimits(long hardBytes, long softBytes, long softSeconds) {
        this.hardBytes = hardBytes;
        this.softBytes = softBytes;
        this.softSeconds = softSeconds;
    }

    /** The limits of the {@code normal} class in a normalized setting. */
    public static OutputBufferLimits normal(String setting) {
        return of(setting, 0);
    }

    /** The limits of the {@code pubsub} class in a normalized setting. */
    public static OutputBufferLimits replica(String setting) {
        return of(setting, 1);
    }

    public static OutputBufferLimits pubsub(String setting) {
        return of(setting, 2);
    }

    private static OutputBufferLimits of(String setting, int classIndex) {
        String[] w = Words.split(setting); // no regex: start-up code
        int at = 4 * classIndex;
        return new OutputBufferLimits(Long.parseLong(w[at + 1]), Long.parseLong(w[at + 2]), Long.parseLong(w[at + 3]));
    }

    /**
     * Applies {@code update} (groups of class, hard, soft, seconds; classes not named keep their limits) to
     * the normalized {@code current} setting and returns the new normalized one.
     *
     * @throws IllegalArgumentException with Redis's message when the update is not valid; nothing changes then
     */
    public static String merge(String current, String update) {
        String[] cur = Words.split(current);
        String[][] limits = new String[CLASSES.length][];
        for (int i = 0; i < CLASSES.length; i++) {
            limits[i] = new String[] {cur[4 * i + 1], cur[4 * i + 2], cur[4 * i + 3]};
        }
        String[] w = Words.split(update.trim());
        if (w.length % 4 != 0) {
            throw new IllegalArgumentException("Wrong number of arguments in buffer limit configuration.");
        }
        for (int j = 0; j < w.length; j += 4) {
            int cls = classIndex(w[j].toLowerCase(Locale.ROOT));
            if (cls < 0) {
                throw new IllegalArgumentException("Invalid client class specified in buffer limit configuration.");
            }
            long hard = Config.parseMemory(w[j + 1]);
            long soft = Config.parseMemory(w[j + 2]);
            long seconds = parseSeconds(w[j + 3]);
            if (hard < 0 || soft < 0 || seconds < 0) {
                throw new IllegalArgumentException(
                        "Error in hard, soft or soft_seconds setting in buffer limit configuration.");
            }
            limits[cls] = new String[] {Long.toString(hard), Long.toString(soft), Long.toString(seconds)};
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < CLASSES.length; i++) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(CLASSES[i]).append(' ').append(String.join(" ", limits[i]));
        }
        return b.toString();
    }

    /** Redis takes "replica" for "slave" and has no limits for masters. */
    private static int classIndex(String name) {
        switch (name) {
            case "normal": return 0;
            case "slave":
            case "replica": return 1;
            case "pubsub": return 2;
            default: return -1;
        }
    }

    private static long parseSeconds(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
