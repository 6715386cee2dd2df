package io.nioredis.config;

import io.nioredis.text.GlobPattern;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's configuration parameters by their redis.conf names (and Redis's aliases), with Redis's value
 * syntax (memory units such as {@code 512mb}, {@code yes}/{@code no}, percentages) and validation messages.
 * Command-line flags, the config file and CONFIG GET/SET/REWRITE all go through here. The parameters
 * themselves are declared in {@link Parameters}.
 *
 * <p>A change is made in three steps, as Redis's CONFIG SET: every value is parsed and checked
 * ({@link Validator}s included) before any is stored; then the values are stored and each parameter's
 * {@link Applier} runs; if one fails, every value is put back and the appliers run again. Listeners hear of
 * a change only once it has fully succeeded.
 *
 * <p>What start-up registers here, and whatever else runs before the first reply, is written as classes,
 * not lambdas or method references: on JDK 17 linking each lambda's call site runs the JDK's bootstrap
 * code in the interpreter, ~0.2 ms a site even with its class in the class-data archive (50 sites took
 * 6-13 ms, 50 anonymous classes 0.4-0.7 ms), and start-up linked 64 of them. Code that first runs later
 * pays that once per site, where it does not matter. LauncherIT checks that start-up links none.
 */
public final class Config {
    /**
     * A further check on a parameter's syntactically valid new value, for limits only the running server
     * knows (such as the open-file limit) or values the server cannot honour; returns null to accept or the
     * reason to refuse.
     */
    public interface Validator {
        String check(String normalizedValue);
    }

    /**
     * Puts a stored value into effect where that can fail (Redis's apply functions, such as starting the
     * append-only file); returns null on success or the reason it failed.
     */
    public interface Applier {
        String apply();
    }

    /** Told the name of each parameter after a successful change, so holders of parsed copies refresh. */
    public interface Listener {
        void changed(String name);
    }

    /** Why a change was refused: the argument to name in the error, and Redis's reason. */
    public static final class Refusal {
        public final String argument;
        public final String reason;

        Refusal(String argument, String reason) {
            this.argument = argument;
            this.reason = reason;
        }

        @Override
        public String toString() {
            return argument + ": " + reason;
        }
    }

    /** Every parameter under its name and under its alias, as Redis's configs dictionary. */
    private final Map<String, Param> byName = new LinkedHashMap<>();
    private final List<Param> params = new ArrayList<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final Map<String, List<Validator>> validators = new LinkedHashMap<>();
    private final Map<String, Applier> appliers = new LinkedHashMap<>();
    private final List<String> moduleLoads = new ArrayList<>();
    private Path file;

    /** The encoding thresholds as numbers, kept current, for the value types to read without parsing. */
    public final EncodingLimits encoding;
    /** proto-max-bulk-len as a number, kept current, for the commands that build or address strings. */
    public final BulkLimit bulk;

    public Config() {
        for (Param p : Parameters.all()) {
            params.add(p);
            byName.put(p.name, p);
            if (p.alias != null) {
                byName.put(p.alias, p);
            }
        }
        FileNames.register(this);
        UnsupportedSettings.register(this);
        ReplicaOfSetting.register(this);
        encoding = new EncodingLimits(this);
        bulk = new BulkLimit(this);
    }

    /** The config file the server was started with, for CONFIG REWRITE; null when there is none. */
    public Path file() {
        return file;
    }

    public void file(Path path) {
        this.file = path == null ? null : path.toAbsolutePath();
    }

    /**
     * The paths of the {@code loadmodule} directives, in order: not parameters (CONFIG GET knows none), but
     * start-up work, which nioredis refuses as Redis refuses a module that fails to load.
     */
    public List<String> moduleLoads() {
        return moduleLoads;
    }

    /** The current value, or null for an unknown name. */
    public String get(String name) {
        Param p = param(name);
        return p == null ? null : p.value;
    }

    /** A numeric parameter's value; a percentage ({@code 10%}) reads as its negative, as Redis stores it. */
    public long getLong(String name) {
        Param p = param(name);
        String v = p.value;
        if (v.endsWith("%")) {
            return -Long.parseLong(v.substring(0, v.length() - 1));
        }
        return Long.parseLong(v);
    }

    public boolean getBoolean(String name) {
        return param(name).value.equals("yes");
    }

    /** Registers a check that later changes of {@code name} must pass. */
    public void addValidator(String name, Validator validator) {
        String key = param(name).name;
        List<Validator> list = validators.get(key);
        if (list == null) { // not computeIfAbsent: a lambda at start-up (see the class comment)
            list = new ArrayList<>();
            validators.put(key, list);
        }
        list.add(validator);
    }

    /** Sets how a change of {@code name} is put into effect; at most one per parameter. */
    public void setApplier(String name, Applier applier) {
        appliers.put(param(name).name, applier);
    }

    /** Registers a listener told of every later successful change. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    public boolean has(String name) {
        return param(name) != null;
    }

    /** True for parameters that take several words on a config file line ({@code save}, {@code bind}...). */
    public boolean isMultiArg(String name) {
        Param p = param(name);
        return p != null && p.has(Param.MULTI_ARG);
    }

    /**
     * Names and values of every parameter whose name or alias matches the glob (case-insensitively), in
     * declaration order; each alias is reported under its own name, as Redis does.
     */
    public List<String[]> matching(byte[] glob) {
        List<String[]> out = new ArrayList<>();
        for (Map.Entry<String, Param> e : byName.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            if (GlobPattern.matches(glob, 0, glob.length, name, 0, name.length, true)) {
                out.add(new String[] {e.getKey(), e.getValue().value});
            }
        }
        return out;
    }

    /**
     * Sets one parameter, as a config file line or a start-up flag does: immutability does not apply.
     * Returns null on success or the reason for refusing, e.g. {@code "argument couldn't be parsed into an
     * integer"}.
     */
    public String set(String name, String value) {
        Param p = param(name);
        if (p == null) {
            return "Bad directive or wrong number of arguments";
        }
        Refusal refusal = change(List.of(p), List.of(name.toLowerCase(Locale.ROOT)), List.of(value));
        return refusal == null ? null : refusal.reason;
    }

    /**
     * Redis's CONFIG SET of several {@code name, value} pairs, all or nothing. The checks run in Redis's
     * order and the first problem is reported: an unknown name (reason null), an immutable or protected
     * parameter ({@code protectedAllowed} says whether this client may set protected ones), a parameter
     * named twice, then the values themselves. Returns null when every value was set.
     */
    public Refusal setAll(List<String[]> pairs, boolean protectedAllowed) {
        List<Param> targets = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (String[] pair : pairs) {
            String key = pair[0].toLowerCase(Locale.ROOT);
            Param p = byName.get(key);
            if (p == null) {
                return new Refusal(pair[0], null);
            }
            if (p.has(Param.IMMUTABLE)) {
                return new Refusal(pair[0], "can't set immutable config");
            }
            if (p.has(Param.PROTECTED) && !protectedAllowed) {
                return new Refusal(pair[0], "can't set protected config");
            }
            // As Redis, a name and its alias are different entries, so only the same spelling is a duplicate.
            if (entries.contains(key)) {
                return new Refusal(pair[0], "duplicate parameter");
            }
            entries.add(key);
            targets.add(p);
            values.add(pair[1]);
        }
        return change(targets, entries, values);
    }

    /** Whether CONFIG SET may change protected parameters for a client, local or not. */
    public boolean protectedAllowed(boolean localClient) {
        String mode = get("enable-protected-configs");
        return mode.equals("yes") || (mode.equals("local") && localClient);
    }

    /** Changes {@code targets}, named in errors as {@code names} (an alias stays an alias), all or nothing. */
    private Refusal change(List<Param> targets, List<String> names, List<String> values) {
        int n = targets.size();
        String[] normalized = new String[n];
        String[] old = new String[n];
        for (int i = 0; i < n; i++) {
            Param p = targets.get(i);
            try {
                normalized[i] = p.normalize(values.get(i));
            } catch (Param.Refused e) {
                return new Refusal(names.get(i), e.getMessage());
            }
            for (Validator v : validators.getOrDefault(p.name, List.of())) {
                String reason = v.check(normalized[i]);
                if (reason != null) {
                    return new Refusal(names.get(i), reason);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            old[i] = targets.get(i).value;
            targets.get(i).value = normalized[i];
        }
        for (int i = 0; i < n; i++) {
            Applier applier = appliers.get(targets.get(i).name);
            String failed = applier == null ? null : applier.apply();
            if (failed != null) {
                // Put every value back, in reverse so a parameter named twice ends with its first old value.
                for (int j = n - 1; j >= 0; j--) {
                    targets.get(j).value = old[j];
                }
                for (int j = 0; j < n; j++) {
                    Applier undo = appliers.get(targets.get(j).name);
                    if (undo != null) {
                        undo.apply();
                    }
                }
                return new Refusal(names.get(i), failed);
            }
        }
        for (Param p : targets) {
            for (Listener listener : listeners) {
                listener.changed(p.name);
            }
        }
        return null;
    }

    /** The primary name of every parameter, in declaration order (aliases not included). */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Param p : params) {
            names.add(p.name);
        }
        return names;
    }

    /** The parameters in declaration order, each once, for CONFIG REWRITE. */
    Collection<Param> params() {
        return params;
    }

    Param param(String name) {
        return byName.get(name.toLowerCase(Locale.ROOT));
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
        if (t.isEmpty() || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        try {
            return Math.multiplyExact(Long.parseLong(t), mul);
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }
}
