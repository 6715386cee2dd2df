package io.nioredis.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's configuration parameters by their redis.conf names, with Redis's value syntax (memory
 * units such as {@code 512mb}, {@code yes}/{@code no}) and validation messages. Command-line flags, the
 * config file and CONFIG GET/SET all go through here.
 */
public final class Config {
    enum Kind { STRING, INTEGER, MEMORY, BOOLEAN, ENUM, OUTPUT_LIMITS, NOTIFY_FLAGS }

    /**
     * A further check on a parameter's syntactically valid new value, for limits only the running server
     * knows (such as the open-file limit); returns null to accept or Redis's reason to refuse.
     */
    public interface Validator {
        String check(String normalizedValue);
    }

    /** Told the name of each parameter after a successful change, so holders of parsed copies refresh. */
    public interface Listener {
        void changed(String name);
    }

    /** One parameter: its current value as text and how a new value is checked. */
    static final class Param {
        final String name;
        final Kind kind;
        final boolean mutable;
        final long min;
        final long max;
        final String[] choices;
        String value;

        Param(String name, Kind kind, String value, boolean mutable, long min, long max, String... choices) {
            this.name = name;
            this.kind = kind;
            this.value = value;
            this.mutable = mutable;
            this.min = min;
            this.max = max;
            this.choices = choices;
        }
    }

    private final Map<String, Param> params = new LinkedHashMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final Map<String, Validator> validators = new LinkedHashMap<>();

    public Config() {
        integer("port", 6379, false, 0, 65535);
        string("bind", "127.0.0.1 -::1", false);
        enumeration("loglevel", "notice", true, "debug", "verbose", "notice", "warning");
        string("logfile", "", false);
        integer("databases", 16, false, 1, Integer.MAX_VALUE);
        integer("hz", 10, true, 1, 500);
        memory("proto-max-bulk-len", 512L * 1024 * 1024, true, 1024 * 1024, Long.MAX_VALUE);
        integer("tcp-backlog", 511, false, 0, Integer.MAX_VALUE);
        integer("timeout", 0, true, 0, Integer.MAX_VALUE);
        integer("maxclients", 10000, true, 1, Integer.MAX_VALUE);
        memory("maxmemory", 0, true, 0, Long.MAX_VALUE);
        enumeration("maxmemory-policy", "noeviction", true, "volatile-lru", "volatile-lfu", "volatile-random",
                "volatile-ttl", "allkeys-lru", "allkeys-lfu", "allkeys-random", "noeviction");
        integer("maxmemory-samples", 5, true, 1, Integer.MAX_VALUE);
        memory("client-query-buffer-limit", 1024L * 1024 * 1024, true, 1024 * 1024, Long.MAX_VALUE);
        params.put("client-output-buffer-limit", new Param("client-output-buffer-limit", Kind.OUTPUT_LIMITS,
                OutputBufferLimits.DEFAULT, true, 0, 0));
        string("requirepass", "", true);
        bool("protected-mode", true, true);
        // Persistence is not implemented; these report what an empty-persistence Redis reports, which is
        // what redis-benchmark and redis-cli ask for when they connect.
        string("save", "", true);
        bool("appendonly", false, true);
        string("dir", System.getProperty("user.dir", "/"), false);
        // Keyspace notifications: Redis's flag letters, shown in its canonical order.
        params.put("notify-keyspace-events", new Param("notify-keyspace-events", Kind.NOTIFY_FLAGS, "", true, 0, 0));
        // Scripts running longer than this many milliseconds let other clients in, to be told -BUSY.
        integer("busy-reply-threshold", 5000, true, 0, Long.MAX_VALUE);
        alias("lua-time-limit", "busy-reply-threshold");
    }

    /** The current value, or null for an unknown name. */
    public String get(String name) {
        Param p = params.get(name.toLowerCase(Locale.ROOT));
        return p == null ? null : p.value;
    }

    public long getLong(String name) {
        Param p = params.get(name);
        return p.kind == Kind.MEMORY ? parseMemory(p.value) : Long.parseLong(p.value);
    }

    /** Registers a check that later {@link #set} calls of {@code name} must pass. */
    public void addValidator(String name, Validator validator) {
        validators.put(name, validator);
    }

    /** Registers a listener told of every later successful {@link #set}. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public boolean has(String name) {
        return params.containsKey(name.toLowerCase(Locale.ROOT));
    }

    public boolean isMutable(String name) {
        Param p = params.get(name.toLowerCase(Locale.ROOT));
        return p != null && p.mutable;
    }

    /** Names and values of every parameter whose name matches the glob, in declaration order. */
    public List<String[]> matching(byte[] glob) {
        List<String[]> out = new ArrayList<>();
        for (Map.Entry<String, Param> e : params.entrySet()) {
            byte[] name = e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            if (io.nioredis.text.GlobPattern.matches(glob, 0, glob.length, name, 0, name.length, true)) {
                out.add(new String[] {e.getKey(), e.getValue().value});
            }
        }
        return out;
    }

    /**
     * Sets a parameter after checking the value; returns null on success or Redis's reason for refusing,
     * e.g. {@code "argument couldn't be parsed into an integer"}.
     */
    public String set(String name, String value) {
        Param p = params.get(name.toLowerCase(Locale.ROOT));
        if (p == null) {
            return "Bad directive or wrong number of arguments";
        }
        String normalized;
        switch (p.kind) {
            case INTEGER: {
                long v;
                try {
                    v = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    return "argument couldn't be parsed into an integer";
                }
                if (v < p.min || v > p.max) {
                    return "argument must be between " + p.min + " and " + p.max + " inclusive";
                }
                normalized = Long.toString(v);
                break;
            }
            case MEMORY: {
                long v = parseMemory(value);
                if (v < 0) {
                    return "argument must be a memory value";
                }
                if (v < p.min || v > p.max) {
                    return "argument must be between " + p.min + " and " + p.max + " inclusive";
                }
                normalized = Long.toString(v);
                break;
            }
            case BOOLEAN: {
                String v = value.toLowerCase(Locale.ROOT);
                if (!v.equals("yes") && !v.equals("no")) {
                    return "argument must be 'yes' or 'no'";
                }
                normalized = v;
                break;
            }
            case ENUM: {
                String v = value.toLowerCase(Locale.ROOT);
                normalized = null;
                for (String c : p.choices) {
                    if (c.equals(v)) {
                        normalized = c;
                    }
                }
                if (normalized == null) {
                    return "argument(s) must be one of the following: " + String.join(", ", p.choices);
                }
                break;
            }
            case NOTIFY_FLAGS: {
                int flags = io.nioredis.pubsub.NotifyFlags.parse(value);
                if (flags < 0) {
                    return io.nioredis.pubsub.NotifyFlags.INVALID;
                }
                normalized = io.nioredis.pubsub.NotifyFlags.format(flags);
                break;
            }
            case OUTPUT_LIMITS: {
                try {
                    normalized = OutputBufferLimits.merge(p.value, value);
                } catch (IllegalArgumentException e) {
                    return e.getMessage();
                }
                break;
            }
            default:
                normalized = value;
        }
        Validator validator = validators.get(p.name);
        String refused = validator == null ? null : validator.check(normalized);
        if (refused != null) {
            return refused;
        }
        p.value = normalized;
        for (Listener listener : listeners) {
            listener.changed(p.name);
        }
        return null;
    }

    /**
     * Redis's memtoull: a number with an optional unit; {@code k}/{@code m}/{@code g} are powers of 1000,
     * {@code kb}/{@code mb}/{@code gb} powers of 1024, case-insensitive. Returns -1 if it is not one.
     */
    public static long parseMemory(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        long mul = 1;
        String[][] units = {{"gb", "1073741824"}, {"mb", "1048576"}, {"kb", "1024"},
            {"g", "1000000000"}, {"m", "1000000"}, {"k", "1000"}, {"b", "1"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                mul = Long.parseLong(u[1]);
                t = t.substring(0, t.length() - u[0].length());
                break;
            }
        }
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        try {
            return Math.multiplyExact(Long.parseLong(t), mul);
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }

    private void integer(String name, long value, boolean mutable, long min, long max) {
        params.put(name, new Param(name, Kind.INTEGER, Long.toString(value), mutable, min, max));
    }

    /** A second name for a parameter, as Redis keeps old names: both read and set the one value. */
    private void alias(String name, String target) {
        params.put(name, params.get(target));
    }

    private void memory(String name, long value, boolean mutable, long min, long max) {
        params.put(name, new Param(name, Kind.MEMORY, Long.toString(value), mutable, min, max));
    }

    private void string(String name, String value, boolean mutable) {
        params.put(name, new Param(name, Kind.STRING, value, mutable, 0, 0));
    }

    private void bool(String name, boolean value, boolean mutable) {
        params.put(name, new Param(name, Kind.BOOLEAN, value ? "yes" : "no", mutable, 0, 0));
    }

    private void enumeration(String name, String value, boolean mutable, String... choices) {
        params.put(name, new Param(name, Kind.ENUM, value, mutable, 0, 0, choices));
    }
}
