package io.nioredis.config;

import io.nioredis.pubsub.NotifyFlags;
import io.nioredis.text.Ascii;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One configuration parameter as Redis's standardConfig declares it: its name and optional alias, how its
 * value is written and checked ({@link Kind}), its flags, bounds and default, and its current value kept as
 * the normalized text CONFIG GET shows.
 */
final class Param {
    /** How a value is parsed, shown and rewritten; each as the Redis config type of the same role. */
    enum Kind {
        STRING, INTEGER, MEMORY, MEMORY_OR_PERCENT, BOOLEAN, ENUM, OUTPUT_LIMITS, NOTIFY_FLAGS, SAVE, DIR, WORDS,
        OOM_SCORE_ADJ_VALUES
    }

    /** CONFIG SET refuses it: "can't set immutable config". */
    static final int IMMUTABLE = 1;
    /** CONFIG SET refuses it unless enable-protected-configs allows: "can't set protected config". */
    static final int PROTECTED = 1 << 1;
    /** Takes several words in a config file line ({@code save 3600 1}); CONFIG SET splits its value on spaces. */
    static final int MULTI_ARG = 1 << 2;
    /** An empty string means "not set": CONFIG REWRITE drops the line instead of writing {@code ""}. */
    static final int EMPTY_IS_UNSET = 1 << 3;
    /** Accepted within the bounds, then capped to 1..500 as Redis's updateHZ does. */
    static final int HZ_CAPPED = 1 << 4;
    private static final long MIN_HZ = 1;
    private static final long MAX_HZ = 500;

    /** A value refused, with Redis's reason ("argument must be a memory value"). */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    final String name;
    final String alias;
    final Kind kind;
    final int flags;
    final long min;
    final long max;
    final String[] choices;
    final String defaultValue;
    String value;

    Param(String name, String alias, Kind kind, int flags, String defaultValue, long min, long max,
            String... choices) {
        this.name = name;
        this.alias = alias;
        this.kind = kind;
        this.flags = flags;
        this.defaultValue = defaultValue;
        this.value = defaultValue;
        this.min = min;
        this.max = max;
        this.choices = choices;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /**
     * The value as it will be stored and shown, from {@code text} as CONFIG SET or a config file gives it.
     *
     * @throws Refused with Redis's reason when it is not a valid value
     */
    String normalize(String text) throws Refused {
        switch (kind) {
            case INTEGER: {
                byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
                if (!Ascii.isLong(b, 0, b.length)) {
                    throw new Refused("argument couldn't be parsed into an integer");
                }
                return Long.toString(bounded(Ascii.parseLong(b, 0, b.length)));
            }
            case MEMORY: {
                long v = Config.parseMemory(text);
                if (v < 0) {
                    throw new Refused("argument must be a memory value");
                }
                return Long.toString(bounded(v));
            }
            case MEMORY_OR_PERCENT:
                return memoryOrPercent(text);
            case BOOLEAN: {
                String v = text.toLowerCase(Locale.ROOT);
                if (!v.equals("yes") && !v.equals("no")) {
                    throw new Refused("argument must be 'yes' or 'no'");
                }
                return v;
            }
            case ENUM: {
                String v = text.toLowerCase(Locale.ROOT);
                for (String c : choices) {
                    if (c.equals(v)) {
                        return c;
                    }
                }
                throw new Refused("argument(s) must be one of the following: " + String.join(", ", choices));
            }
            case NOTIFY_FLAGS: {
                int bits = NotifyFlags.parse(text);
                if (bits < 0) {
                    throw new Refused(NotifyFlags.INVALID);
                }
                return NotifyFlags.format(bits);
            }
            case OUTPUT_LIMITS:
                try {
                    return OutputBufferLimits.merge(value, text);
                } catch (IllegalArgumentException e) {
                    throw new Refused(e.getMessage());
                }
            case SAVE:
                return SavePoints.normalize(text);
            case OOM_SCORE_ADJ_VALUES:
                return OomScoreAdjValues.normalize(text);
            case DIR:
                return WorkingDirectory.resolve(value, text);
            default:
                return text;
        }
    }

    private long bounded(long v) throws Refused {
        if (v >= min && v <= max) {
            return has(HZ_CAPPED) ? Math.max(MIN_HZ, Math.min(MAX_HZ, v)) : v;
        }
        throw new Refused("argument must be between " + min + " and " + max + " inclusive");
    }

    /** Redis's MEMORY_CONFIG | PERCENT_CONFIG: bytes with units, or {@code N%}, kept as typed ("10%"). */
    private String memoryOrPercent(String text) throws Refused {
        long bytes = Config.parseMemory(text);
        if (bytes >= 0) {
            return Long.toString(bounded(bytes));
        }
        if (text.length() > 1 && text.endsWith("%")) {
            byte[] b = text.substring(0, text.length() - 1).getBytes(StandardCharsets.ISO_8859_1);
            if (Ascii.isLong(b, 0, b.length) && Ascii.parseLong(b, 0, b.length) >= 0) {
                long percent = Ascii.parseLong(b, 0, b.length);
                // Redis keeps a percentage as a negative number bounded below by -100.
                if (-percent < min) {
                    throw new Refused("percentage argument must be less or equal to " + -min);
                }
                return percent == 0 ? "0" : percent + "%";
            }
        }
        throw new Refused("argument must be a memory or percent value");
    }
}
