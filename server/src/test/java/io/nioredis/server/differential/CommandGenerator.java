package io.nioredis.server.differential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Seeded random commands for every command of the command table (see {@link Excluded} for the few left
 * out on purpose, and {@code DifferentialCoverageTest}, which fails for a command with neither), valid
 * and invalid: wrong types (keys are drawn mostly from their own family's pool, sometimes
 * from another's), edge values (negative and huge indexes and counts, empty and binary strings with CR, LF
 * and NUL, NaN and infinite scores, numbers at the 64-bit limits) and now and then a missing or extra
 * argument. Only commands in {@code available} (the command table's names) are generated. TTLs are long
 * or already past, and every way of setting one
 * uses a different length, so that no reply (not even EXPIRE GT/LT) depends on how fast a server is.
 */
final class CommandGenerator {
    private static final String[] STRINGS = {"s0", "s1", "s2"};
    private static final String[] LISTS = {"l0", "l1"};
    private static final String[] HASHES = {"h0", "h1"};
    private static final String[] SETS = {"S0", "S1", "S2"};
    private static final String[] ZSETS = {"z0", "z1"};
    private static final String[] HLLS = {"p0", "p1", "p2"};
    private static final String[] GEOS = {"g0", "g1"};
    private static final String[] STREAMS = {"x0", "x1"};
    private static final String[][] POOLS = {STRINGS, LISTS, HASHES, SETS, ZSETS, HLLS, GEOS, STREAMS};
    private static final String[] ODD_KEYS = {"", "missing", "bin\r\n\u0000key", "k\u00ff", "f1", "f22", "f333"};
    private static final String[] MEMBERS = {"a", "b", "c", "d", "1", "2", "-1", "10"};
    private static final String[] ODD_VALUES = {"", " ", "\r\n", "x\r\ny", "\u0000", "a\u0000b", "\u00ff\u00fe",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "1.5", "-0.25", "1e3", "3.0e-2",
        "inf", "-inf", "nan", "+1", "01", " 1", "0x10", "abc"};
    private static final String[] INT_MEMBERS = {"0", "1", "2", "3", "-1", "10", "-7", "100", "32767", "-32768",
        "32768", "-32769", "2147483647", "2147483648", "-2147483649", "5000000000", "9223372036854775807",
        "-9223372036854775808", "007", "-0", "+1"};
    private static final String[] INDEXES = {"0", "1", "2", "3", "-1", "-2", "-3", "5", "-100", "100",
        "9223372036854775807", "-9223372036854775808", "2147483648", "x", "1.5", ""};
    private static final String[] COUNTS = {"0", "1", "2", "3", "5", "-1", "-3", "100", "9223372036854775807",
        "-9223372036854775808", "x", ""};
    private static final String[] SCORES = {"0", "1", "2", "-1", "1.5", "-2.5", "10", "1e308", "-1e308", "inf",
        "+inf", "-inf", "nan", "x", "", "0x10", "1e", "5e-324"};
    private static final String[] RANGE_SCORES = {"0", "1", "2", "-1", "(1", "(2", "1.5", "-inf", "+inf", "inf",
        "(inf", "nan", "x", "(", "((1"};
    private static final String[] LEX = {"-", "+", "[a", "(a", "[c", "(c", "[", "a", "(", "[1", "[b", "(d", "[10",
        "[-1", "[\u00ff"};
    private static final String[] PATTERNS = {"*", "s*", "*0", "?1", "[sl]*", "[^s]*", "h\\*", "nomatch*", "",
        "a*", "[a-c]", "f1*", "f?7"};
    /**
     * Not "none": Redis's SCAN TYPE none lists keys that expired but were not reclaimed yet, which
     * depends on when each server's active expiry ran.
     */
    private static final String[] TYPES = {"string", "list", "hash", "set", "zset", "STRING", "stream", "nothing"};

    /** Never given an extra argument: it could become a long timeout on an empty key. */
    private static final Set<String> BLOCKING = Set.of("BLPOP", "BRPOP", "BLMPOP", "BLMOVE", "BRPOPLPUSH", "BZPOPMIN",
            "BZPOPMAX", "BZMPOP", "XREAD", "XREADGROUP");
    private static final String[] CONFIG_NAMES = {"maxmemory", "maxmemory-policy", "timeout", "databases",
        "notify-keyspace-events", "hz", "maxclients", "nosuch-parameter"};

    private final Random r;
    private final LuaScriptGenerator lua;
    private final Map<String, Supplier<Step>> generators = new LinkedHashMap<>();
    private final List<Supplier<Step>> enabled = new ArrayList<>();
    /** The command names in the table, for COMMAND INFO/DOCS/GETKEYS. */
    private final String[] tableNames;
    private final Set<String> available;

    /** Generates the commands named in {@code available} (lower case) that it has a generator for. */
    CommandGenerator(Random random, Set<String> available) {
        this.r = random;
        this.lua = new LuaScriptGenerator(random);
        this.available = available;
        this.tableNames = available.stream().sorted().toArray(String[]::new);
        strings();
        keyspace();
        expiry();
        databases();
        lists();
        hashes();
        sets();
        sortedSets();
        connection();
        pubsub();
        object();
        server();
        modules();
        transactions();
        bitmaps();
        hyperLogLogs();
        geo();
        sortedSetAlgebra();
        sortAndKeys();
        shardedPubsub();
        streams();
        scripting();
        for (Map.Entry<String, Supplier<Step>> e : generators.entrySet()) {
            if (available.contains(e.getKey())) {
                enabled.add(e.getValue());
            }
        }
    }

    /** The names this generator knows, whether or not the server has them. */
    Set<String> known() {
        return generators.keySet();
    }

    int enabledCount() {
        return enabled.size();
    }

    Step next() {
        Step step = enabled.get(r.nextInt(enabled.size())).get();
        if (r.nextInt(40) == 0 && !BLOCKING.contains(new String(step.args[0], StandardCharsets.US_ASCII))) {
            return mutateArity(step);
        }
        return step;
    }

    /**
     * The next command, or now and then (when MULTI is enabled) a transaction: optionally WATCH, MULTI,
     * a few commands whose replies compare exactly, then EXEC or DISCARD. Transactions hold only exact
     * commands so that EXEC's array of replies can be compared byte for byte.
     */
    List<Step> nextBlock() {
        if (!available.contains("multi") || r.nextInt(25) != 0) {
            return List.of(next());
        }
        List<Step> block = new ArrayList<>();
        if (r.nextBoolean()) {
            block.add(exact(keys("WATCH", null, 1 + r.nextInt(2))));
        }
        block.add(exact(list("MULTI")));
        for (int n = r.nextInt(5); n > 0; ) {
            Step step = next();
            if (step.match == Match.EXACT) {
                block.add(step);
                n--;
            }
        }
        block.add(exact(list(r.nextInt(5) == 0 ? "DISCARD" : "EXEC")));
        return block;
    }

    /** Drops the last argument or appends a junk one, to compare arity and syntax errors. */
    private Step mutateArity(Step step) {
        String name = step.name();
        if (name.equals("command") || name.equals("multi")) {
            // COMMAND without its subcommand or names lists the whole table, which has fewer commands than
            // Redis's; a MULTI opened outside nextBlock would queue commands whose replies are not exact.
            return step;
        }
        byte[][] args = step.args;
        byte[][] changed;
        if (args.length > 1 && r.nextBoolean()) {
            changed = java.util.Arrays.copyOf(args, args.length - 1);
        } else {
            changed = java.util.Arrays.copyOf(args, args.length + 1);
            changed[args.length] = bytes(r.nextBoolean() ? "extra" : pick(INDEXES));
        }
        int special = step.specialArg < changed.length ? step.specialArg : -1;
        Match match = step.match == Match.GEO_TIES ? Match.SHAPE : step.match; // WITHDIST may be the one dropped
        if (special < 0 && (match == Match.SCAN_ALL || match == Match.SCAN_ALL_PAIRS
                || match == Match.SCAN_SHAPE || match == Match.SHAPE_THEN_DELETE_KEY || match == Match.SET_ORDER)) {
            match = Match.SHAPE;
        }
        return new Step(changed, match, special);
    }

    // ---- families -------------------------------------------------------------------------------------

    private void strings() {
        add("set", () -> {
            List<Object> a = list("SET", key(STRINGS), value());
            if (r.nextInt(3) == 0) {
                a.add(pick("NX", "XX", "nx"));
            }
            if (r.nextInt(4) == 0) {
                a.add("GET");
            }
            if (r.nextInt(3) == 0) {
                switch (r.nextInt(8)) {
                    case 0: a.add("EX"); a.add("10000"); break;
                    case 1: a.add("PX"); a.add("20000000"); break;
                    case 2: a.add("EXAT"); a.add("4000000000"); break;
                    case 3: a.add("PXAT"); a.add(pick("4100000000000", "1")); break;
                    case 4: a.add("KEEPTTL"); break;
                    case 5: a.add("EX"); a.add(pick("0", "-1", "x", "9223372036854775807")); break;
                    case 6: a.add("EX"); break;
                    default: a.add("KEEPTTL"); a.add("EX"); a.add("100"); break;
                }
            }
            return exact(a);
        });
        add("get", () -> exact(list("GET", key(STRINGS))));
        add("incr", () -> exact(list("INCR", key(STRINGS))));
        add("decr", () -> exact(list("DECR", key(STRINGS))));
        add("incrby", () -> exact(list("INCRBY", key(STRINGS), integer())));
        add("decrby", () -> exact(list("DECRBY", key(STRINGS), integer())));
        add("incrbyfloat", () -> exact(list("INCRBYFLOAT", key(STRINGS),
                pick("0.1", "1", "-1.5", "5.0e3", "1e308", "-1e308", "1e4000", "inf", "nan", "x", "", "3",
                        "0.0000001", "-0.1", "1.1e4932", "10.5"))));
        add("append", () -> exact(list("APPEND", key(STRINGS), value())));
        add("strlen", () -> exact(list("STRLEN", key(STRINGS))));
        add("getrange", () -> exact(list("GETRANGE", key(STRINGS), pick(INDEXES), pick(INDEXES))));
        add("substr", () -> exact(list("SUBSTR", key(STRINGS), pick(INDEXES), pick(INDEXES))));
        add("setrange", () -> exact(list("SETRANGE", key(STRINGS),
                pick("0", "1", "3", "10", "-1", "x", "536870912", "9223372036854775807"), value())));
        add("mget", () -> exact(keys("MGET", STRINGS, 1 + r.nextInt(4))));
        add("mset", () -> {
            if (r.nextInt(25) != 0) {
                return exact(pairs("MSET", STRINGS));
            }
            // Now and then many keys at once, so that the keyspace grows and rehashes under SCAN,
            // RANDOMKEY, KEYS and deletes.
            List<Object> a = list("MSET");
            for (int i = 20 + r.nextInt(300); i > 0; i--) {
                a.add("f" + r.nextInt(1000));
                a.add(Integer.toString(i));
            }
            return exact(a);
        });
        add("msetnx", () -> exact(pairs("MSETNX", STRINGS)));
        add("setnx", () -> exact(list("SETNX", key(STRINGS), value())));
        add("setex", () -> exact(list("SETEX", key(STRINGS), pick("30000", "30000", "30000", "0", "-5", "x", "9223372036854775807"),
                value())));
        add("psetex", () -> exact(list("PSETEX", key(STRINGS), pick("40000000", "40000000", "40000000", "0", "-5", "x"), value())));
        add("getdel", () -> exact(list("GETDEL", key(STRINGS))));
        add("getex", () -> {
            List<Object> a = list("GETEX", key(STRINGS));
            switch (r.nextInt(9)) {
                case 0: a.add("EX"); a.add("50000"); break;
                case 1: a.add("PX"); a.add("60000000"); break;
                case 2: a.add("EXAT"); a.add(pick("4200000000", "1")); break;
                case 3: a.add("PXAT"); a.add("1"); break;
                case 4: a.add("PERSIST"); break;
                case 5: a.add(pick("EX", "KEEPTTL", "NX", "GET")); break;
                case 6: a.add("EX"); a.add(pick("0", "-1", "x")); break;
                case 7: a.add("PERSIST"); a.add("EX"); a.add("100"); break;
                default: break;
            }
            return exact(a);
        });
        add("getset", () -> exact(list("GETSET", key(STRINGS), value())));
        add("lcs", () -> exact(list("LCS", key(STRINGS), key(STRINGS))));
    }

    /**
     * TTL, PTTL, EXPIRETIME and the EXPIRE family with NX/XX/GT/LT. Each way of setting a TTL uses its own
     * length (see the class comment); PTTL and the like compare within a second, as time passes between
     * the two servers' replies.
     */
    private void expiry() {
        add("ttl", () -> close(list("TTL", anyKey())));
        add("pttl", () -> close(list("PTTL", anyKey())));
        add("expiretime", () -> close(list("EXPIRETIME", anyKey())));
        add("pexpiretime", () -> close(list("PEXPIRETIME", anyKey())));
        add("pexpire", () -> expireStep("PEXPIRE", "90000000", "95000000"));
        add("expireat", () -> expireStep("EXPIREAT", "4300000000", "4350000000"));
        add("pexpireat", () -> expireStep("PEXPIREAT", "4400000000000", "4450000000000"));
    }

    /**
     * A TTL in the past, or {@code time}/{@code otherTime}: never a short one, whose expiring between two
     * commands would depend on each server's speed ("1" is in the past only for the absolute forms).
     */
    private Step expireStep(String command, String time, String otherTime) {
        boolean absolute = command.endsWith("AT");
        List<Object> a = list(command, anyKey(), pick(time, otherTime, time, "0", "-1", absolute ? "1" : "-5",
                "x", "9223372036854775807", "-9223372036854775808"));
        for (int i = r.nextInt(4) == 0 ? 1 + r.nextInt(2) : 0; i > 0; i--) {
            a.add(pick("NX", "XX", "GT", "LT", "nx", "foo"));
        }
        return exact(a);
    }

    /** SELECT, MOVE, SWAPDB, DBSIZE, FLUSHDB and (rarely) FLUSHALL; keys are the same pools in every db. */
    private void databases() {
        add("select", () -> exact(list("SELECT", pick("0", "0", "1", "2", "15", "16", "-1", "x", "1.0"))));
        // Outside cluster mode (as both servers run here) the cluster commands only say so.
        add("asking", () -> exact(list("ASKING")));
        add("readonly", () -> exact(list("READONLY")));
        add("readwrite", () -> exact(list("READWRITE")));
        add("cluster", () -> exact(list("CLUSTER", pick("INFO", "SLOTS", "SHARDS", "NODES", "MYID", "HELP"))));
        add("move", () -> exact(list("MOVE", anyKey(), pick("0", "1", "2", "16", "-1", "x"))));
        add("swapdb", () -> exact(list("SWAPDB", pick("0", "1", "2", "16", "x"), pick("0", "1", "2", "-1"))));
        add("dbsize", () -> new Step(args(list("DBSIZE")), Match.RECLAIM_THEN_EXACT, -1));
        // Flushing wipes what the sequence built up, so it happens rarely (a PING stands in otherwise).
        add("flushdb", () -> r.nextInt(8) != 0 ? exact(list("PING"))
                : exact(r.nextBoolean() ? list("FLUSHDB") : list("FLUSHDB", pick("SYNC", "ASYNC", "x"))));
        add("flushall", () -> r.nextInt(8) != 0 ? exact(list("PING"))
                : exact(r.nextBoolean() ? list("FLUSHALL") : list("FLUSHALL", pick("SYNC", "ASYNC", "x"))));
    }

    private void connection() {
        add("ping", () -> exact(r.nextBoolean() ? list("PING") : list("PING", value())));
        add("echo", () -> exact(list("ECHO", value())));
        add("auth", () -> exact(r.nextBoolean() ? list("AUTH", value()) : list("AUTH", pick("default", "x"), value())));
        add("reset", () -> exact(list("RESET")));
        // ACL: what is the same on both whatever ran before. Not CAT of a category (the commands come in each
        // server's own order), GENPASS (random), LOG (AUTH failures carry each server's client ids and ports),
        // not even as errors: a failing case is shrunk by dropping arguments, which would make them valid.
        add("acl", () -> {
            switch (r.nextInt(6)) {
                case 0: return exact(list("ACL", pick("WHOAMI", "USERS", "LIST", "CAT", "HELP", "LOAD", "SAVE")));
                case 1: return exact(list("ACL", "GETUSER", pick("default", "nobody", "")));
                case 2: return exact(list("ACL", "DRYRUN", pick("default", "nobody"), pick("get", "set", "config",
                        "nosuch", "ping"), pick("k", "get", "nosuch")));
                case 3: return exact(list("ACL", "DELUSER", pick("nobody", "x", "default")));
                case 4: return exact(list("ACL", "CAT", pick("nosuch", "@string", "")));
                default: return exact(list("ACL", pick("nosuch", "whoami", "users", "list"), "1", "2"));
            }
        });
        add("client", () -> {
            switch (r.nextInt(5)) {
                case 0: return exact(list("CLIENT", "GETNAME"));
                case 1: return exact(list("CLIENT", "SETNAME", pick("conn", "", "a b", "x\ny", "name1")));
                case 2: return exact(list("CLIENT", "NO-EVICT", pick("on", "off", "OFF", "maybe")));
                case 3: return exact(list("CLIENT", pick("nosuch", "getname", "no-evict"), "extra"));
                // CLIENT SETINFO is Redis 7.2's; Redis 7.0 answers "unknown subcommand" (see the report).
                default: return exact(list("CLIENT", pick("GETNAME", "NO-EVICT"), "on", "extra"));
            }
        });
    }

    /** Publishing and the PUBSUB introspection; nobody subscribes, as the runner cannot read pushes. */
    private void pubsub() {
        add("publish", () -> exact(list("PUBLISH", pick("ch", "news", ""), value())));
        add("pubsub", () -> {
            switch (r.nextInt(4)) {
                case 0: return exact(r.nextBoolean() ? list("PUBSUB", "CHANNELS") : list("PUBSUB", "CHANNELS", "*"));
                case 1: return exact(list("PUBSUB", "NUMSUB", pick("ch", "news")));
                case 2: return exact(list("PUBSUB", "NUMPAT"));
                default: return exact(list("PUBSUB", pick("nosuch", "numpat"), "extra"));
            }
        });
    }

    /** OBJECT ENCODING, REFCOUNT and FREQ (an error unless an LFU policy is set); IDLETIME depends on time. */
    private void object() {
        add("object", () -> {
            switch (r.nextInt(5)) {
                case 0: return exact(list("OBJECT", "REFCOUNT", anyKey()));
                case 1: return exact(list("OBJECT", "FREQ", anyKey()));
                case 2: return exact(list("OBJECT", pick("nosuch", "encoding"), anyKey(), "extra"));
                default: return exact(list("OBJECT", "ENCODING", anyKey()));
            }
        });
    }

    private void server() {
        add("config", () -> {
            List<Object> a = list("CONFIG", "GET");
            for (int i = 1 + r.nextInt(2); i > 0; i--) {
                a.add(pick(CONFIG_NAMES));
            }
            return new Step(args(a), Match.UNORDERED_PAIRS, -1);
        });
        add("command", () -> {
            switch (r.nextInt(6)) {
                case 0: return new Step(args(list("COMMAND", "COUNT")), Match.SHAPE, -1);
                case 1: return new Step(args(commandNames("INFO")), Match.COMMAND_INFO, -1);
                case 2: return new Step(args(commandNames("DOCS")), Match.COMMAND_DOCS, -1);
                default: {
                    Step inner;
                    do { // key specs of the commands whose COMMAND INFO differs are not Redis's yet
                        inner = enabled.get(r.nextInt(enabled.size())).get();
                    } while (Excluded.DOCS_DIFFER.containsKey(inner.name()));
                    List<Object> a = list("COMMAND", pick("GETKEYS", "GETKEYSANDFLAGS"));
                    for (byte[] arg : inner.args) {
                        a.add(new String(arg, StandardCharsets.ISO_8859_1));
                    }
                    return exact(a);
                }
            }
        });
    }

    /** MODULE with no module loaded; LOAD, LOADEX and UNLOAD are refused by enable-module-command's default. */
    private void modules() {
        add("module", () -> {
            switch (r.nextInt(4)) {
                case 0: return exact(list("MODULE", pick("LIST", "HELP", "list")));
                case 1: return exact(list("MODULE", pick("LOAD", "LOADEX"), pick("/nonexist.so", "x.so"), "a"));
                case 2: return exact(list("MODULE", "UNLOAD", pick("foo", "")));
                default: return exact(list("MODULE", pick("nosuch", "list", "help", "unload"), "1", "2"));
            }
        });
    }

    private List<Object> commandNames(String sub) {
        List<Object> a = list("COMMAND", sub);
        for (int i = r.nextInt(3); i >= 0; i--) {
            String name;
            do {
                name = r.nextInt(8) == 0 ? pick("nosuch", "GET", "config|get", "client|getname", "get|x")
                        : pick(tableNames);
            } while (Excluded.DOCS_DIFFER.containsKey(name));
            a.add(name);
        }
        return a;
    }

    private void transactions() {
        // A real MULTI opens only in nextBlock's transactions, which hold exact commands only.
        add("multi", () -> exact(list("MULTI", pick("extra", "x"))));
        add("exec", () -> exact(list("EXEC")));
        add("discard", () -> exact(list("DISCARD")));
        add("watch", () -> exact(keys("WATCH", null, 1 + r.nextInt(2))));
        add("unwatch", () -> exact(list("UNWATCH")));
    }

    private void keyspace() {
        add("type", () -> exact(list("TYPE", anyKey())));
        add("rename", () -> exact(list("RENAME", anyKey(), anyKey())));
        add("renamenx", () -> exact(list("RENAMENX", anyKey(), anyKey())));
        add("randomkey", () -> new Step(args(list("RANDOMKEY")), Match.SHAPE, -1));
        add("scan", () -> {
            boolean fromStart = r.nextInt(4) != 0;
            List<Object> a = list("SCAN", fromStart ? "0" : pick("1", "7", "x", "-1", "", " 0",
                    "18446744073709551616", "18446744073709551615"));
            scanOptions(a, true);
            return new Step(args(a), fromStart ? Match.SCAN_ALL : Match.SCAN_SHAPE, 1);
        });
        add("keys", () -> new Step(args(list("KEYS", pick(PATTERNS))), Match.UNORDERED, -1));
        add("unlink", () -> exact(keys("UNLINK", null, 1 + r.nextInt(3))));
        add("del", () -> exact(keys("DEL", null, 1 + r.nextInt(3))));
        add("exists", () -> exact(keys("EXISTS", null, 1 + r.nextInt(3))));
        add("touch", () -> exact(keys("TOUCH", null, 1 + r.nextInt(3))));
        add("copy", () -> {
            List<Object> a = list("COPY", anyKey(), anyKey());
            if (r.nextInt(3) == 0) {
                a.add("DB");
                a.add(pick("0", "1", "2", "16", "-1", "x"));
            }
            if (r.nextInt(2) == 0) {
                a.add("REPLACE");
            }
            return exact(a);
        });
        add("expire", () -> {
            List<Object> a = list("EXPIRE", anyKey(), pick("70000", "80000", "0", "-1", "x", "9223372036854775807"));
            if (r.nextInt(3) == 0) {
                a.add(pick("NX", "XX", "GT", "LT", "foo"));
            }
            return exact(a);
        });
        add("persist", () -> exact(list("PERSIST", anyKey())));
    }

    private void lists() {
        add("lpush", () -> exact(values("LPUSH", key(LISTS), 1 + r.nextInt(4))));
        add("rpush", () -> exact(values("RPUSH", key(LISTS), 1 + r.nextInt(4))));
        add("lpushx", () -> exact(values("LPUSHX", key(LISTS), 1 + r.nextInt(3))));
        add("rpushx", () -> exact(values("RPUSHX", key(LISTS), 1 + r.nextInt(3))));
        add("lpop", () -> exact(optionalCount(list("LPOP", key(LISTS)))));
        add("rpop", () -> exact(optionalCount(list("RPOP", key(LISTS)))));
        add("llen", () -> exact(list("LLEN", key(LISTS))));
        add("lrange", () -> exact(list("LRANGE", key(LISTS), pick(INDEXES), pick(INDEXES))));
        add("lindex", () -> exact(list("LINDEX", key(LISTS), pick(INDEXES))));
        add("lset", () -> exact(list("LSET", key(LISTS), r.nextBoolean() ? pick("0", "1", "-1") : pick(INDEXES),
                member())));
        add("lrem", () -> exact(list("LREM", key(LISTS), pick(COUNTS), member())));
        add("ltrim", () -> exact(list("LTRIM", key(LISTS), pick(INDEXES), pick(INDEXES))));
        add("linsert", () -> exact(list("LINSERT", key(LISTS), pick("BEFORE", "AFTER", "after", "middle"), member(),
                member())));
        add("lpos", () -> {
            List<Object> a = list("LPOS", key(LISTS), member());
            for (int i = r.nextInt(3); i > 0; i--) {
                a.add(pick("RANK", "COUNT", "MAXLEN", "rank", "FOO"));
                a.add(pick(COUNTS));
            }
            return exact(a);
        });
        add("lmove", () -> exact(list("LMOVE", key(LISTS), key(LISTS), pick("LEFT", "RIGHT", "left", "up"),
                pick("LEFT", "RIGHT"))));
        add("rpoplpush", () -> exact(list("RPOPLPUSH", key(LISTS), key(LISTS))));
        add("blpop", () -> exact(keysThenTimeout("BLPOP", LISTS)));
        add("brpop", () -> exact(keysThenTimeout("BRPOP", LISTS)));
        add("lmpop", () -> exact(multiPop("LMPOP", null, LISTS, "LEFT", "RIGHT", "left")));
        add("blmpop", () -> exact(multiPop("BLMPOP", timeout(), LISTS, "LEFT", "RIGHT", "right")));
        add("blmove", () -> exact(list("BLMOVE", key(LISTS), key(LISTS), pick("LEFT", "RIGHT", "left", "up"),
                pick("LEFT", "RIGHT"), timeout())));
        add("brpoplpush", () -> exact(list("BRPOPLPUSH", key(LISTS), key(LISTS), timeout())));
    }

    /**
     * Timeouts for the blocking commands: tiny ones that expire (on an empty key the reply is the null array
     * after it, from either server) and the invalid ones, never 0 or a long one, so that no step waits.
     */
    private String timeout() {
        return r.nextInt(6) == 0 ? pick("-1", "x", "1e20", "nan", "", "inf") : pick("0.01", "0.002", "0.001", "1e-3");
    }

    /**
     * Now and then XREAD's and XREADGROUP's BLOCK: a tiny one that expires (the null array after it from
     * either server) or an invalid one, never 0, so that no step waits.
     */
    private void blockOption(List<Object> a) {
        if (r.nextInt(4) == 0) {
            a.add("BLOCK");
            a.add(r.nextInt(5) == 0 ? pick("-1", "x", "1.5") : pick("1", "2"));
        }
    }

    private List<Object> keysThenTimeout(String command, String[] own) {
        List<Object> a = list(command);
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            a.add(key(own));
        }
        a.add(timeout());
        return a;
    }

    /** LMPOP/ZMPOP numkeys key... END [COUNT n], after a timeout for the blocking forms. */
    private List<Object> multiPop(String command, String timeout, String[] own, String... ends) {
        List<Object> a = list(command);
        if (timeout != null) {
            a.add(timeout);
        }
        int n = 1 + r.nextInt(3);
        a.add(r.nextInt(10) == 0 ? pick("0", "-1", "x", "4", "9223372036854775807") : Integer.toString(n));
        for (int i = 0; i < n; i++) {
            a.add(key(own));
        }
        a.add(r.nextInt(10) == 0 ? pick("UP", "") : pick(ends));
        if (r.nextBoolean()) {
            a.add(pick("COUNT", "count", "COUNT", "LIMIT"));
            a.add(pick(COUNTS));
        }
        return a;
    }

    private void hashes() {
        add("hset", () -> exact(fieldValues("HSET", key(HASHES))));
        add("hmset", () -> exact(fieldValues("HMSET", key(HASHES))));
        add("hsetnx", () -> exact(list("HSETNX", key(HASHES), member(), value())));
        add("hget", () -> exact(list("HGET", key(HASHES), member())));
        add("hmget", () -> exact(values("HMGET", key(HASHES), 1 + r.nextInt(3))));
        add("hdel", () -> exact(values("HDEL", key(HASHES), 1 + r.nextInt(3))));
        add("hlen", () -> exact(list("HLEN", key(HASHES))));
        add("hexists", () -> exact(list("HEXISTS", key(HASHES), member())));
        add("hgetall", () -> new Step(args(list("HGETALL", key(HASHES))), Match.UNORDERED_PAIRS, -1));
        add("hkeys", () -> new Step(args(list("HKEYS", key(HASHES))), Match.UNORDERED, -1));
        add("hvals", () -> new Step(args(list("HVALS", key(HASHES))), Match.UNORDERED, -1));
        add("hincrby", () -> exact(list("HINCRBY", key(HASHES), member(), integer())));
        add("hincrbyfloat", () -> exact(list("HINCRBYFLOAT", key(HASHES), member(),
                pick("0.1", "1", "-1.5", "5.0e3", "1e308", "inf", "nan", "x", "", "10.5"))));
        add("hstrlen", () -> exact(list("HSTRLEN", key(HASHES), member())));
        add("hrandfield", () -> {
            List<Object> a = list("HRANDFIELD", key(HASHES));
            if (r.nextBoolean()) {
                a.add(pick(COUNTS));
                if (r.nextBoolean()) {
                    a.add("WITHVALUES");
                }
            }
            return new Step(args(a), Match.SHAPE, -1);
        });
        add("hscan", () -> scanStep("HSCAN", key(HASHES), Match.SCAN_ALL_PAIRS));
    }

    private void sets() {
        add("sadd", () -> exact(setMembers("SADD", key(SETS), 1 + r.nextInt(4))));
        add("srem", () -> exact(setMembers("SREM", key(SETS), 1 + r.nextInt(3))));
        add("smembers", () -> {
            String key = key(SETS);
            return Arrays.asList(SETS).contains(key) ? new Step(args(list("SMEMBERS", key)), Match.SET_ORDER, 1)
                    : new Step(args(list("SMEMBERS", key)), Match.UNORDERED, -1);
        });
        add("sismember", () -> exact(list("SISMEMBER", key(SETS), setMember())));
        add("smismember", () -> exact(setMembers("SMISMEMBER", key(SETS), 1 + r.nextInt(3))));
        add("scard", () -> exact(list("SCARD", key(SETS))));
        add("spop", () -> new Step(args(optionalCount(list("SPOP", key(SETS)))), Match.SHAPE_THEN_DELETE_KEY, 1));
        add("srandmember", () -> new Step(args(optionalCount(list("SRANDMEMBER", key(SETS)))), Match.SHAPE, -1));
        add("smove", () -> exact(list("SMOVE", key(SETS), key(SETS), setMember())));
        add("sinter", () -> new Step(args(keys("SINTER", SETS, 1 + r.nextInt(3))), Match.UNORDERED, -1));
        add("sunion", () -> new Step(args(keys("SUNION", SETS, 1 + r.nextInt(3))), Match.UNORDERED, -1));
        add("sdiff", () -> new Step(args(keys("SDIFF", SETS, 1 + r.nextInt(3))), Match.UNORDERED, -1));
        add("sinterstore", () -> exact(keys("SINTERSTORE", SETS, 2 + r.nextInt(3))));
        add("sunionstore", () -> exact(keys("SUNIONSTORE", SETS, 2 + r.nextInt(3))));
        add("sdiffstore", () -> exact(keys("SDIFFSTORE", SETS, 2 + r.nextInt(3))));
        add("sintercard", () -> {
            int n = 1 + r.nextInt(3);
            List<Object> a = list("SINTERCARD", r.nextInt(8) == 0 ? pick("0", "-1", "x", "5") : Integer.toString(n));
            for (int i = 0; i < n; i++) {
                a.add(key(SETS));
            }
            if (r.nextBoolean()) {
                a.add("LIMIT");
                a.add(pick(COUNTS));
            }
            return exact(a);
        });
        add("sscan", () -> scanStep("SSCAN", key(SETS), Match.SCAN_ALL));
    }

    private void sortedSets() {
        add("zadd", () -> {
            List<Object> a = list("ZADD", key(ZSETS));
            for (int i = r.nextInt(3); i > 0; i--) {
                a.add(pick("NX", "XX", "GT", "LT", "CH", "INCR"));
            }
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                a.add(r.nextInt(5) == 0 ? pick(SCORES) : Integer.toString(r.nextInt(7) - 2));
                a.add(member());
            }
            return exact(a);
        });
        add("zrem", () -> exact(values("ZREM", key(ZSETS), 1 + r.nextInt(3))));
        add("zscore", () -> exact(list("ZSCORE", key(ZSETS), member())));
        add("zmscore", () -> exact(values("ZMSCORE", key(ZSETS), 1 + r.nextInt(3))));
        add("zincrby", () -> exact(list("ZINCRBY", key(ZSETS), pick(SCORES), member())));
        add("zcard", () -> exact(list("ZCARD", key(ZSETS))));
        add("zcount", () -> exact(list("ZCOUNT", key(ZSETS), pick(RANGE_SCORES), pick(RANGE_SCORES))));
        add("zrank", () -> exact(list("ZRANK", key(ZSETS), member())));
        add("zrevrank", () -> exact(list("ZREVRANK", key(ZSETS), member())));
        add("zrange", () -> {
            int mode = r.nextInt(3);
            String[] bounds = mode == 0 ? INDEXES : mode == 1 ? RANGE_SCORES : LEX;
            List<Object> a = list("ZRANGE", key(ZSETS), pick(bounds), pick(bounds));
            if (mode == 1) {
                a.add("BYSCORE");
            } else if (mode == 2) {
                a.add("BYLEX");
            }
            if (r.nextInt(3) == 0) {
                a.add("REV");
            }
            if (r.nextInt(3) == 0) {
                a.add("LIMIT");
                a.add(pick(COUNTS));
                a.add(pick(COUNTS));
            }
            if (r.nextInt(2) == 0) {
                a.add("WITHSCORES");
            }
            return exact(a);
        });
        add("zrangebyscore", () -> byScore("ZRANGEBYSCORE"));
        add("zrevrange", () -> {
            List<Object> a = list("ZREVRANGE", key(ZSETS), pick(INDEXES), pick(INDEXES));
            if (r.nextBoolean()) {
                a.add("WITHSCORES");
            }
            return exact(a);
        });
        add("zrevrangebyscore", () -> byScore("ZREVRANGEBYSCORE"));
        add("zrangebylex", () -> exact(limit(list("ZRANGEBYLEX", key(ZSETS), pick(LEX), pick(LEX)))));
        add("zrevrangebylex", () -> exact(limit(list("ZREVRANGEBYLEX", key(ZSETS), pick(LEX), pick(LEX)))));
        add("zlexcount", () -> exact(list("ZLEXCOUNT", key(ZSETS), pick(LEX), pick(LEX))));
        add("zremrangebylex", () -> exact(list("ZREMRANGEBYLEX", key(ZSETS), pick(LEX), pick(LEX))));
        add("zpopmin", () -> exact(optionalCount(list("ZPOPMIN", key(ZSETS)))));
        add("zpopmax", () -> exact(optionalCount(list("ZPOPMAX", key(ZSETS)))));
        add("bzpopmin", () -> exact(keysThenTimeout("BZPOPMIN", ZSETS)));
        add("bzpopmax", () -> exact(keysThenTimeout("BZPOPMAX", ZSETS)));
        add("zmpop", () -> exact(multiPop("ZMPOP", null, ZSETS, "MIN", "MAX", "min")));
        add("bzmpop", () -> exact(multiPop("BZMPOP", timeout(), ZSETS, "MIN", "MAX", "max")));
        add("zremrangebyrank", () -> exact(list("ZREMRANGEBYRANK", key(ZSETS), pick(INDEXES), pick(INDEXES))));
        add("zremrangebyscore", () -> exact(list("ZREMRANGEBYSCORE", key(ZSETS), pick(RANGE_SCORES),
                pick(RANGE_SCORES))));
        add("zscan", () -> scanStep("ZSCAN", key(ZSETS), Match.SCAN_ALL_PAIRS));
    }

    // Offsets stay below a few KB when they succeed: a valid offset near 2^32 would make both servers
    // allocate 512 MB.
    private static final String[] BIT_OFFSETS = {"0", "1", "7", "8", "15", "63", "100", "1000", "20000", "-1",
        "x", "", "+1", "01", "4294967296", "9223372036854775807"};
    private static final String[] BITFIELD_TYPES = {"i1", "i5", "i8", "i16", "i63", "i64", "u1", "u3", "u8",
        "u32", "u63", "u64", "i65", "i0", "x8", "I8", "u"};
    private static final String[] GEO_LONGITUDES = {"13.361389", "15.087269", "13.583333", "12.758489", "0",
        "0.001", "179.99", "-179.99", "-180", "180", "45", "-45.5", "200", "x", "inf", ""};
    private static final String[] GEO_LATITUDES = {"38.115556", "37.502669", "37.316667", "38.788135", "0",
        "0.0005", "85.05", "-85.05", "85.05112878", "60", "-33.5", "84.9", "-85.06", "nan", "1e3"};
    private static final String[] GEO_DISTANCES = {"0", "1", "10", "100", "200", "500", "3000", "20000",
        "40000000", "-1", "x", "1e3", "inf"};
    private static final String[] GEO_UNITS = {"m", "km", "km", "ft", "mi", "KM", "Mi", "parsec", ""};
    private static final String[] GEO_MEMBERS = {"Palermo", "Catania", "a", "b", "c", "1", "zz"};

    private void bitmaps() {
        add("setbit", () -> exact(list("SETBIT", key(STRINGS), pick(BIT_OFFSETS), pick("0", "1", "1", "2", "-1", "x"))));
        add("getbit", () -> exact(list("GETBIT", key(STRINGS), pick(BIT_OFFSETS))));
        add("bitcount", () -> {
            List<Object> a = list("BITCOUNT", key(STRINGS));
            if (r.nextBoolean()) {
                a.add(pick(INDEXES));
                a.add(pick(INDEXES));
                if (r.nextBoolean()) {
                    a.add(pick("BIT", "BYTE", "bit", "bits"));
                }
            }
            return exact(a);
        });
        add("bitpos", () -> {
            List<Object> a = list("BITPOS", key(STRINGS), pick("0", "1", "1", "0", "2", "x"));
            int extra = r.nextInt(4);
            if (extra > 0) {
                a.add(pick(INDEXES));
            }
            if (extra > 1) {
                a.add(pick(INDEXES));
            }
            if (extra > 2) {
                a.add(pick("BIT", "BYTE", "byte", "foo"));
            }
            return exact(a);
        });
        add("bitop", () -> {
            String op = pick("AND", "OR", "XOR", "NOT", "and", "nand");
            List<Object> a = list("BITOP", op, key(STRINGS));
            for (int i = op.equalsIgnoreCase("not") && r.nextInt(5) != 0 ? 1 : 1 + r.nextInt(3); i > 0; i--) {
                a.add(key(STRINGS));
            }
            return exact(a);
        });
        add("bitfield", () -> exact(bitfieldOps(list("BITFIELD", key(STRINGS)), true)));
        add("bitfield_ro", () -> exact(bitfieldOps(list("BITFIELD_RO", key(STRINGS)), r.nextInt(8) == 0)));
    }

    private List<Object> bitfieldOps(List<Object> a, boolean writes) {
        for (int i = r.nextInt(4); i >= 0; i--) {
            int op = writes ? r.nextInt(4) : 0;
            String offset = r.nextInt(4) == 0 ? "#" + r.nextInt(6) : pick(BIT_OFFSETS);
            switch (op) {
                case 0: a.add(pick("GET", "get")); a.add(pick(BITFIELD_TYPES)); a.add(offset); break;
                case 1: a.add("SET"); a.add(pick(BITFIELD_TYPES)); a.add(offset); a.add(bitfieldValue()); break;
                case 2: a.add("INCRBY"); a.add(pick(BITFIELD_TYPES)); a.add(offset); a.add(bitfieldValue()); break;
                default: a.add("OVERFLOW"); a.add(pick("WRAP", "SAT", "FAIL", "fail", "bad")); break;
            }
        }
        if (r.nextInt(20) == 0) {
            a.add(pick("GET", "FOO", "SET"));
        }
        return a;
    }

    private String bitfieldValue() {
        return r.nextBoolean() ? Integer.toString(r.nextInt(601) - 300)
                : pick("9223372036854775807", "-9223372036854775808", "127", "-128", "255", "x", "1.5", "");
    }

    private void hyperLogLogs() {
        add("pfadd", () -> {
            List<Object> a = list("PFADD", key(HLLS));
            // Now and then enough elements to outgrow the sparse encoding.
            int n = r.nextInt(15) == 0 ? 200 + r.nextInt(2500) : r.nextInt(6);
            for (int i = 0; i < n; i++) {
                a.add(r.nextInt(10) == 0 ? member() : "e" + r.nextInt(n < 10 ? 50 : 100_000));
            }
            return exact(a);
        });
        add("pfcount", () -> exact(keys("PFCOUNT", HLLS, 1 + r.nextInt(3))));
        add("pfmerge", () -> exact(keys("PFMERGE", HLLS, 1 + r.nextInt(3))));
        add("pfdebug", () -> exact(list("PFDEBUG", pick("ENCODING", "DECODE", "TODENSE", "GETREG", "encoding", "FOO"),
                key(HLLS))));
    }

    // Explicit ids from a small space so that adds, deletes, trims and reads keep meeting each other; "*" ids
    // differ between the servers by nature, so such an XADD is compared by shape and its key then dropped.
    private static final String[] STREAM_GROUPS = {"g0", "g1", "nog"};
    private static final String[] STREAM_CONSUMERS = {"c0", "c1", "c2"};

    private String streamId() {
        switch (r.nextInt(12)) {
            case 0: return pick("-", "+", "0", "0-0", "x", "1-x", "(1", "(0-0", "18446744073709551615-18446744073709551615");
            case 1: return Integer.toString(r.nextInt(40));
            default: return r.nextInt(40) + "-" + r.nextInt(4);
        }
    }

    private String rangeId() {
        return r.nextInt(4) == 0 ? "(" + streamId() : streamId();
    }

    private void trimOptions(List<Object> a) {
        a.add(pick("MAXLEN", "MINID", "maxlen", "minid"));
        if (r.nextBoolean()) a.add(pick("=", "~", "~", "="));
        a.add(a.get(a.size() - 1).toString().equalsIgnoreCase("minid") || r.nextInt(3) == 0
                ? streamId() : pick("0", "1", "2", "3", "5", "10", "-1", "x"));
        if (r.nextInt(4) == 0) {
            a.add("LIMIT");
            a.add(pick("0", "1", "5", "100", "-1", "x"));
        }
    }

    private void streams() {
        add("xadd", () -> {
            List<Object> a = list("XADD", key(STREAMS));
            if (r.nextInt(6) == 0) a.add("NOMKSTREAM");
            if (r.nextInt(4) == 0) trimOptions(a);
            boolean auto = r.nextInt(15) == 0;
            a.add(auto ? "*" : r.nextInt(8) == 0 ? r.nextInt(40) + "-*" : streamId());
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                a.add(pick("f", "g", "h", "1", ""));
                a.add(r.nextBoolean() ? member() : value());
            }
            return auto ? new Step(args(a), Match.SHAPE_THEN_DELETE_KEY, 1) : exact(a);
        });
        add("xrange", () -> {
            List<Object> a = list(pick("XRANGE", "XREVRANGE"), key(STREAMS), rangeId(), rangeId());
            if (r.nextBoolean()) {
                a.add(pick("COUNT", "count", "LIMIT"));
                a.add(pick(COUNTS));
            }
            return exact(a);
        });
        add("xrevrange", () -> exact(list("XREVRANGE", key(STREAMS), pick("+", rangeId()), pick("-", rangeId()))));
        add("xlen", () -> exact(list("XLEN", key(STREAMS))));
        add("xdel", () -> {
            List<Object> a = list("XDEL", key(STREAMS));
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) a.add(streamId());
            return exact(a);
        });
        add("xtrim", () -> {
            List<Object> a = list("XTRIM", key(STREAMS));
            trimOptions(a);
            return exact(a);
        });
        add("xread", () -> {
            List<Object> a = list("XREAD");
            if (r.nextBoolean()) {
                a.add("COUNT");
                a.add(pick("0", "1", "2", "-1", "x"));
            }
            blockOption(a);
            a.add("STREAMS");
            int n = 1 + r.nextInt(2);
            for (int i = 0; i < n; i++) a.add(key(STREAMS));
            for (int i = 0; i < n; i++) a.add(r.nextInt(5) == 0 ? pick("$", ">") : streamId());
            return exact(a);
        });
        add("xgroup", () -> {
            String key = key(STREAMS), group = pick(STREAM_GROUPS);
            switch (r.nextInt(7)) {
                case 0: case 1: {
                    List<Object> a = list("XGROUP", "CREATE", key, group, r.nextBoolean() ? "$" : streamId());
                    if (r.nextBoolean()) a.add("MKSTREAM");
                    if (r.nextInt(4) == 0) {
                        a.add("ENTRIESREAD");
                        a.add(pick("0", "1", "5", "-1", "-2", "x"));
                    }
                    return exact(a);
                }
                case 2: {
                    List<Object> a = list("XGROUP", "SETID", key, group, r.nextBoolean() ? "$" : streamId());
                    if (r.nextInt(3) == 0) {
                        a.add("ENTRIESREAD");
                        a.add(pick("0", "2", "-1", "-3"));
                    }
                    return exact(a);
                }
                case 3: return exact(list("XGROUP", "DESTROY", key, group));
                case 4: return exact(list("XGROUP", "CREATECONSUMER", key, group, pick(STREAM_CONSUMERS)));
                case 5: return exact(list("XGROUP", "DELCONSUMER", key, group, pick(STREAM_CONSUMERS)));
                default: return exact(list("XGROUP", pick("HELP", "FOO")));
            }
        });
        add("xreadgroup", () -> {
            List<Object> a = list("XREADGROUP", "GROUP", pick(STREAM_GROUPS), pick(STREAM_CONSUMERS));
            if (r.nextBoolean()) {
                a.add("COUNT");
                a.add(pick("0", "1", "2", "-1"));
            }
            if (r.nextInt(4) == 0) a.add("NOACK");
            blockOption(a);
            a.add("STREAMS");
            a.add(key(STREAMS));
            a.add(r.nextInt(3) == 0 ? streamId() : ">");
            return exact(a);
        });
        add("xack", () -> {
            List<Object> a = list("XACK", key(STREAMS), pick(STREAM_GROUPS));
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) a.add(streamId());
            return exact(a);
        });
        add("xpending", () -> {
            List<Object> a = list("XPENDING", key(STREAMS), pick(STREAM_GROUPS));
            if (r.nextBoolean()) {
                // idle times are wall clock on each server, so only the summary form is compared exactly
                return exact(a);
            }
            a.add(rangeId());
            a.add(rangeId());
            a.add(pick("0", "1", "10", "-1"));
            if (r.nextBoolean()) a.add(pick(STREAM_CONSUMERS));
            return new Step(args(a), Match.SHAPE, -1);
        });
        add("xclaim", () -> {
            List<Object> a = list("XCLAIM", key(STREAMS), pick(STREAM_GROUPS), pick(STREAM_CONSUMERS), pick("0", "0", "x"));
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) a.add(streamId());
            if (r.nextInt(3) == 0) a.add(pick("JUSTID", "FORCE", "RETRYCOUNT", "LASTID", "FOO"));
            if (r.nextInt(3) == 0) a.add(pick("3", "5-0", "JUSTID"));
            return exact(a);
        });
        add("xautoclaim", () -> {
            List<Object> a = list("XAUTOCLAIM", key(STREAMS), pick(STREAM_GROUPS), pick(STREAM_CONSUMERS),
                    pick("0", "0", "x", "-5"), rangeId());
            if (r.nextBoolean()) {
                a.add("COUNT");
                a.add(pick("1", "2", "100", "0", "x"));
            }
            if (r.nextInt(3) == 0) a.add("JUSTID");
            return exact(a);
        });
        add("xinfo", () -> {
            switch (r.nextInt(4)) {
                case 0: return exact(list("XINFO", "GROUPS", key(STREAMS)));
                // consumers' idle times are wall clock: shape only
                case 1: return new Step(args(list("XINFO", "CONSUMERS", key(STREAMS), pick(STREAM_GROUPS))), Match.SHAPE, -1);
                case 2: return exact(list("XINFO", pick("HELP", "FOO")));
                default: return new Step(args(list("XINFO", "STREAM", key(STREAMS))), Match.SHAPE, -1);
            }
        });
        add("xsetid", () -> {
            List<Object> a = list("XSETID", key(STREAMS), streamId());
            if (r.nextInt(3) == 0) {
                a.add("ENTRIESADDED");
                a.add(pick("0", "5", "100", "-1"));
            }
            if (r.nextInt(3) == 0) {
                a.add("MAXDELETEDID");
                a.add(streamId());
            }
            return exact(a);
        });
    }

    private void geo() {
        add("geoadd", () -> {
            List<Object> a = list("GEOADD", key(GEOS));
            for (int i = r.nextInt(3); i > 0; i--) {
                a.add(pick("NX", "XX", "CH", "ch", "GT"));
            }
            for (int i = 1 + r.nextInt(3); i > 0; i--) {
                boolean valid = r.nextInt(6) != 0;
                a.add(valid ? pick(java.util.Arrays.copyOf(GEO_LONGITUDES, 12)) : pick(GEO_LONGITUDES));
                a.add(valid ? pick(java.util.Arrays.copyOf(GEO_LATITUDES, 12)) : pick(GEO_LATITUDES));
                a.add(geoMember());
            }
            return exact(a);
        });
        add("geopos", () -> exact(geoMembers(list("GEOPOS", key(GEOS)))));
        add("geohash", () -> exact(geoMembers(list("GEOHASH", key(GEOS)))));
        add("geodist", () -> {
            List<Object> a = list("GEODIST", key(GEOS), geoMember(), geoMember());
            if (r.nextBoolean()) {
                a.add(pick(GEO_UNITS));
            }
            return exact(a);
        });
        add("geosearch", () -> geoSearch("GEOSEARCH", false));
        add("geosearchstore", () -> geoSearch("GEOSEARCHSTORE", true));
        add("georadius", () -> geoRadius("GEORADIUS", true, true));
        add("georadius_ro", () -> geoRadius("GEORADIUS_RO", true, false));
        add("georadiusbymember", () -> geoRadius("GEORADIUSBYMEMBER", false, true));
        add("georadiusbymember_ro", () -> geoRadius("GEORADIUSBYMEMBER_RO", false, false));
    }

    private String geoMember() {
        return r.nextInt(10) == 0 ? member() : pick(GEO_MEMBERS);
    }

    private List<Object> geoMembers(List<Object> a) {
        for (int i = r.nextInt(4); i > 0; i--) {
            a.add(geoMember());
        }
        return a;
    }

    private Step geoSearch(String command, boolean store) {
        List<Object> a = store ? list(command, key(GEOS), key(GEOS)) : list(command, key(GEOS));
        List<List<Object>> parts = new ArrayList<>();
        if (r.nextInt(12) != 0) {
            parts.add(r.nextBoolean() ? list("FROMMEMBER", geoMember())
                    : list("FROMLONLAT", pick(GEO_LONGITUDES), pick(GEO_LATITUDES)));
        }
        if (r.nextInt(12) != 0) {
            parts.add(r.nextBoolean() ? list("BYRADIUS", pick(GEO_DISTANCES), pick(GEO_UNITS))
                    : list("BYBOX", pick(GEO_DISTANCES), pick(GEO_DISTANCES), pick(GEO_UNITS)));
        }
        if (r.nextInt(15) == 0) {
            parts.add(list(pick("FROMMEMBER", "BYRADIUS", "FROMLONLAT"), geoMember()));
        }
        return geoOptions(a, parts, store, store, true);
    }

    private Step geoRadius(String command, boolean coordinates, boolean canStore) {
        List<Object> a = coordinates
                ? list(command, key(GEOS), pick(GEO_LONGITUDES), pick(GEO_LATITUDES))
                : list(command, key(GEOS), geoMember());
        a.add(pick(GEO_DISTANCES));
        a.add(pick(GEO_UNITS));
        List<List<Object>> parts = new ArrayList<>();
        if (canStore && r.nextInt(4) == 0) {
            parts.add(list(pick("STORE", "STOREDIST"), key(GEOS)));
        }
        return geoOptions(a, parts, canStore && !parts.isEmpty(), false, false);
    }

    /**
     * Adds the options in random order. A COUNT smaller than the matches makes Redis sort partially (pqsort),
     * where equal distances may come in any order and the cut may take any of them: such a search gets WITHDIST
     * and is compared with ties unordered; a storing search gets a COUNT above any match count instead.
     */
    private Step geoOptions(List<Object> a, List<List<Object>> parts, boolean stores, boolean storeDist,
                            boolean search) {
        boolean withDist = false;
        if (!stores || r.nextInt(10) == 0) {
            for (String with : new String[] {"WITHCOORD", "WITHDIST", "WITHHASH"}) {
                if (r.nextInt(3) == 0) {
                    parts.add(list(with));
                    withDist |= with.equals("WITHDIST");
                }
            }
        }
        if (r.nextInt(3) == 0) {
            parts.add(list(pick("ASC", "DESC", "asc")));
        }
        boolean any = false;
        boolean partialSort = false;
        if (r.nextInt(3) == 0) {
            String count = stores ? pick("100", "100", "0", "x") : pick("1", "2", "3", "100", "0", "-1", "x");
            any = r.nextInt(3) == 0;
            parts.add(any ? list("COUNT", count, "ANY") : list("COUNT", count));
            partialSort = !any && !count.equals("100");
        } else if (r.nextInt(20) == 0) {
            parts.add(list("ANY"));
        }
        if (storeDist && r.nextInt(3) == 0) {
            parts.add(list("STOREDIST"));
        }
        if (r.nextInt(25) == 0) {
            parts.add(list(pick("FOO", "STORE", "COUNT")));
        }
        java.util.Collections.shuffle(parts, r);
        if (partialSort && !withDist && !stores) {
            parts.add(list("WITHDIST"));
            withDist = true;
        }
        for (List<Object> p : parts) {
            a.addAll(p);
        }
        return new Step(args(a), partialSort && withDist ? Match.GEO_TIES : Match.EXACT, -1);
    }

    private void sortedSetAlgebra() {
        for (String name : new String[] {"zunion", "zinter", "zdiff"}) {
            add(name, () -> {
                List<Object> a = algebra(name.toUpperCase(java.util.Locale.ROOT), null, !name.equals("zdiff"));
                if (r.nextBoolean()) {
                    a.add(r.nextInt(10) == 0 ? "withscore" : "WITHSCORES");
                }
                return exact(a);
            });
            add(name + "store", () -> exact(algebra(name.toUpperCase(java.util.Locale.ROOT) + "STORE",
                    r.nextBoolean() ? key(ZSETS) : anyKey(), !name.equals("zdiff"))));
        }
        add("zintercard", () -> {
            List<Object> a = algebra("ZINTERCARD", null, false);
            if (r.nextBoolean()) {
                a.add("LIMIT");
                a.add(pick(COUNTS));
            }
            return exact(a);
        });
        add("zrangestore", () -> {
            int mode = r.nextInt(3);
            String[] bounds = mode == 0 ? INDEXES : mode == 1 ? RANGE_SCORES : LEX;
            List<Object> a = list("ZRANGESTORE", r.nextBoolean() ? key(ZSETS) : anyKey(), key(ZSETS), pick(bounds),
                    pick(bounds));
            if (mode == 1) {
                a.add("BYSCORE");
            } else if (mode == 2) {
                a.add("BYLEX");
            }
            if (r.nextInt(3) == 0) {
                a.add("REV");
            }
            if (r.nextInt(3) == 0) {
                a.add("LIMIT");
                a.add(pick(COUNTS));
                a.add(pick(COUNTS));
            }
            if (r.nextInt(10) == 0) {
                a.add("WITHSCORES");
            }
            return exact(a);
        });
        add("zrandmember", () -> {
            List<Object> a = list("ZRANDMEMBER", key(ZSETS));
            if (r.nextBoolean()) {
                a.add(pick(COUNTS));
                if (r.nextBoolean()) {
                    a.add(r.nextInt(8) == 0 ? "WITHSCORE" : "WITHSCORES");
                }
            }
            return new Step(args(a), Match.SHAPE, -1);
        });
    }

    /** numkeys, keys from the sorted-set and set pools, and (for union and inter) WEIGHTS and AGGREGATE. */
    private List<Object> algebra(String command, String destination, boolean combines) {
        List<Object> a = destination == null ? list(command) : list(command, destination);
        if (command.endsWith("STORE")) {
            a.add(r.nextBoolean() ? key(ZSETS) : key(SETS));
        }
        int n = 1 + r.nextInt(3);
        a.add(r.nextInt(12) == 0 ? pick("0", "-1", "x", "4", "") : Integer.toString(n));
        for (int i = 0; i < n; i++) {
            a.add(r.nextInt(3) == 0 ? key(SETS) : key(ZSETS));
        }
        if (combines && r.nextInt(3) == 0) {
            a.add("WEIGHTS");
            for (int i = r.nextInt(8) == 0 ? n - 1 : n; i > 0; i--) {
                a.add(r.nextInt(4) == 0 ? pick("inf", "-inf", "0", "-0", "nan", "x", "1e308", "0.5") : Integer.toString(r.nextInt(7) - 3));
            }
        }
        if (combines && r.nextInt(3) == 0) {
            a.add("AGGREGATE");
            a.add(pick("SUM", "MIN", "MAX", "max", "avg"));
        }
        return a;
    }

    private static final String[] SORT_PATTERNS = {"#", "s*", "h*->a", "h0->a", "S*", "nosort", "*", "s*->a", "h*->",
        "z*", "l*"};

    private void sortAndKeys() {
        add("sort", () -> sortStep("SORT", true));
        add("sort_ro", () -> sortStep("SORT_RO", r.nextInt(10) == 0));
        add("lcs", () -> {
            List<Object> a = list("LCS", key(STRINGS), key(STRINGS));
            for (int i = r.nextInt(4); i > 0; i--) {
                switch (r.nextInt(5)) {
                    case 0: a.add("LEN"); break;
                    case 1: a.add("IDX"); break;
                    case 2: a.add("WITHMATCHLEN"); break;
                    case 3: a.add("MINMATCHLEN"); a.add(pick("0", "1", "2", "4", "-1", "x")); break;
                    default: a.add(pick("idx", "foo", "MINMATCHLEN")); break;
                }
            }
            return exact(a);
        });
        add("expiretime", () -> new Step(args(list("EXPIRETIME", anyKey())), Match.DEADLINE, -1));
        add("pexpiretime", () -> new Step(args(list("PEXPIRETIME", anyKey())), Match.DEADLINE, -1));
        add("wait", () -> exact(list("WAIT", pick("0", "-1", "x"), pick("0", "10", "-1", "x", "1.5"))));
        add("dump", () -> {
            // The payload bytes may differ where the servers order a set or hash differently (or, for a
            // stream's consumer groups, by delivery times), so the dump is compared by shape; RESTORE of
            // Redis's payloads below must then agree.
            return new Step(args(list("DUMP", anyKey())), Match.SHAPE, -1);
        });
        add("restore-asking", () -> {
            // Outside cluster mode RESTORE-ASKING is RESTORE.
            List<Object> a = list("RESTORE-ASKING", anyKey(), pick("0", "100000", "x"), pick(PAYLOADS));
            if (r.nextBoolean()) {
                a.add("REPLACE");
            }
            return exact(a);
        });
        add("restore", () -> {
            List<Object> a = list("RESTORE", anyKey(), pick("0", "0", "100000", "-1", "x"), pick(PAYLOADS));
            for (int i = r.nextInt(3); i > 0; i--) {
                switch (r.nextInt(4)) {
                    case 0: a.add("REPLACE"); break;
                    case 1: a.add("ABSTTL"); break;
                    case 2: a.add("IDLETIME"); a.add(pick("10", "-1", "x")); break;
                    default: a.add("FREQ"); a.add(pick("5", "256", "x")); break;
                }
            }
            return exact(a);
        });
    }

    /**
     * DUMP payloads from Redis 7.0.15: a string, a list, an intset, a zset, a hash, one with a bad checksum,
     * and a stream (a deleted entry, a group with a pending entry).
     */
    private static final String[] PAYLOADS = {
        "\u0000\u0005hello\n\u0000cr\u00dfve4 \n",
        "\u0012\u0001\u0002\u000f\u000f\u0000\u0000\u0000\u0003\u0000\u0081a\u0002\u0081b\u0002\u0001\u0001\u00ff\n\u0000\u00e0\u001b\u00abJG\u00ceY\"",
        "\u000b\u000e\u0002\u0000\u0000\u0000\u0003\u0000\u0000\u0000\u0001\u0000\u0002\u0000\u0003\u0000\n\u0000\u00a5\u0002\\\u00e2mnM\u001b",
        "\u0011\u0014\u0014\u0000\u0000\u0000\u0004\u0000\u0081a\u0002\u0001\u0001\u0081b\u0002\u00832.5\u0004\u00ff\n\u0000\u00d4Ln\u00a4\u00f6D\u00d9\u00d7",
        "\u0010\u0012\u0012\u0000\u0000\u0000\u0004\u0000\u0081f\u0002\u0081v\u0002\u0081n\u0002\u0007\u0001\u00ff\n\u0000\u00b8*\u00de\u00a8@\u007f\u00fa\u00a8",
        "\u0000\u0005hello\n\u0000cr\u00dfve4 \u000b",
        "\u0013\u0001\u0010\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001@@@\u0000\u0000\u0000\u0019\u0000\u0002\u0001\u0001\u0001\u0002\u0001\u0081a\u0002\u0081b\u0002\u0000\u0001\u0002\u0001\u0000\u0001\u0000\u0001\u0001\u0001\u0081x\u0002\u0005\u0001\u0003\u0001\u0000\u0001\u0001\u0001\u0002\u0001\u0081y\u0002\u0005\u0001\u0000\u0001\u0001\u0001\u00df\u00ff\u0002\u0001\u0001\u0081c\u0002\u00c1,\u0002\u0006\u0001\u00ff\u0002\u0002\u0000\u0001\u0001\u0001\u0002\u0003\u0001\u0001g\u0001\u0001\u0081\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u00ff\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001\u009d(\u009f+\u00a2\u0001\u0000\u0000\u0001\u0001\u0005alice\u009d(\u009f+\u00a2\u0001\u0000\u0000\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0001\n\u0000A\u0092e\u008d\u00f8\u00f3\u00e3F"};

    private Step sortStep(String command, boolean mayStore) {
        int pool = r.nextInt(4);
        String sortKey = pool == 0 ? key(LISTS) : pool == 1 ? key(SETS) : pool == 2 ? key(ZSETS) : anyKey();
        List<Object> a = list(command, sortKey);
        boolean alpha = false;
        boolean byStar = false;
        boolean byNone = false;
        boolean limit = false;
        int store = -1;
        for (int i = r.nextInt(5); i > 0; i--) {
            switch (r.nextInt(8)) {
                case 0:
                    String by = pick(SORT_PATTERNS);
                    a.add("BY");
                    a.add(by);
                    byStar |= by.contains("*");
                    byNone |= !by.contains("*");
                    break;
                case 1: a.add("GET"); a.add(pick(SORT_PATTERNS)); break;
                case 2: a.add("LIMIT"); a.add(pick(COUNTS)); a.add(pick(COUNTS)); limit = true; break;
                case 3: a.add(pick("ASC", "DESC", "desc")); break;
                case 4: a.add("ALPHA"); alpha = true; break;
                case 5:
                    if (mayStore && store < 0) {
                        store = a.size();
                        a.add("STORE");
                        a.add(r.nextBoolean() ? key(LISTS) : anyKey());
                    }
                    break;
                case 6:
                    // A token missing its argument takes the next option as one; a bare BY may so take a
                    // pattern without a star, so it counts as one.
                    String loose = pick("LIMIT", "BY", "GET", "FOO");
                    a.add(loose);
                    byNone |= loose.equals("BY");
                    break;
                default: a.add("GET"); a.add("#"); break;
            }
        }
        // ALPHA by BY values leaves ties in the order Redis's hash table gave: compared by shape, and never
        // stored, so that both servers keep the same data.
        if (alpha && byStar && !byNone) {
            if (store >= 0) {
                a.remove(store);
                a.remove(store);
            }
            return new Step(args(a), Match.SHAPE, -1);
        }
        // BY without a star does not sort: a set (whichever pool its key came from) comes in hash-table order
        // unless stored.
        if (byNone && store < 0) {
            return new Step(args(a), limit ? Match.SHAPE : Match.UNORDERED, -1);
        }
        return exact(a);
    }

    /**
     * EVAL/EVALSHA (and _RO) of programs from {@link LuaScriptGenerator}, SCRIPT LOAD/EXISTS/FLUSH, and
     * libraries of one function each (lib0..lib3; lib3 registers lib0's function name, so loading both
     * collides) for FUNCTION LOAD/LIST/DELETE/FLUSH/STATS and FCALL/FCALL_RO. The runner flushes scripts and
     * functions before each sequence, as it flushes the data.
     */
    private void scripting() {
        add("eval", () -> exact(evalStep("EVAL", script())));
        add("eval_ro", () -> exact(evalStep("EVAL_RO", script())));
        add("evalsha", () -> exact(evalStep("EVALSHA", scriptSha())));
        add("evalsha_ro", () -> exact(evalStep("EVALSHA_RO", scriptSha())));
        add("script", () -> {
            switch (r.nextInt(9)) {
                case 0: case 1: case 2: return exact(list("SCRIPT", "LOAD", script()));
                case 3: case 4: {
                    List<Object> a = list("SCRIPT", "EXISTS");
                    for (int i = 1 + r.nextInt(3); i > 0; i--) {
                        a.add(scriptSha());
                    }
                    return exact(a);
                }
                case 5: return r.nextInt(4) != 0 ? exact(list("PING"))
                        : exact(r.nextBoolean() ? list("SCRIPT", "FLUSH") : list("SCRIPT", "FLUSH", pick("ASYNC", "SYNC", "x")));
                case 6: return exact(list("SCRIPT", "KILL"));
                // Not HELP: Redis's lists SCRIPT DEBUG, which nioredis does not have.
                case 7: return exact(list("SCRIPT", pick("nosuch", "EXISTS")));
                default: return exact(list("SCRIPT", "LOAD", pick("return 1 +", "#!lua flags=bogus\nreturn 1",
                        "#!nolua\nreturn 1", "#!lua name=x\nreturn 1", "return redis.call('GET', 's0')")));
            }
        });
        add("function", () -> {
            switch (r.nextInt(12)) {
                case 0: case 1: case 2: case 3: {
                    List<Object> a = list("FUNCTION", "LOAD");
                    if (r.nextInt(3) == 0) {
                        a.add(pick("REPLACE", "replace", "NOSUCH"));
                    }
                    a.add(library());
                    return exact(a);
                }
                case 4: case 5: {
                    List<Object> a = list("FUNCTION", "LIST");
                    boolean one = r.nextInt(3) != 0;
                    if (one) {
                        a.add("LIBRARYNAME");
                        a.add("lib" + r.nextInt(4));
                    }
                    if (r.nextBoolean()) {
                        a.add("WITHCODE");
                    }
                    // Redis lists libraries from a dict: several are in no fixed order.
                    return new Step(args(a), one ? Match.EXACT : Match.UNORDERED, -1);
                }
                case 6: return exact(list("FUNCTION", "DELETE", pick("lib0", "lib1", "lib2", "lib3", "nosuch")));
                case 7: return r.nextInt(4) != 0 ? exact(list("PING"))
                        : exact(r.nextBoolean() ? list("FUNCTION", "FLUSH") : list("FUNCTION", "FLUSH", pick("ASYNC", "SYNC", "x")));
                case 8: return exact(list("FUNCTION", "STATS"));
                case 9: return exact(list("FUNCTION", pick("KILL", "HELP", "nosuch", "LOAD", "STATS x")));
                case 10: return exact(list("FUNCTION", "RESTORE", pick("", "garbage", "\u00f5\u0000"), pick("APPEND", "FLUSH", "REPLACE", "x")));
                default: return new Step(args(list("FUNCTION", "LIST", pick("LIBRARYNAME", "WITHCODE", "x"),
                        pick("WITHCODE", "lib0", "x"))), Match.UNORDERED, -1);
            }
        });
        add("fcall", () -> exact(evalStep("FCALL", pick("fn0", "fn1", "fn2", "nosuch", "FN0"))));
        add("fcall_ro", () -> exact(evalStep("FCALL_RO", pick("fn0", "fn1", "fn2", "nosuch"))));
    }

    /** Scripts written so far in this sequence, so EVALSHA and SCRIPT EXISTS name loaded ones too. */
    private final List<String> scripts = new ArrayList<>();

    private String script() {
        if (!scripts.isEmpty() && r.nextInt(4) == 0) {
            return scripts.get(r.nextInt(scripts.size()));
        }
        String shebang = r.nextInt(6) != 0 ? "" : pick("#!lua\n", "#!lua flags=no-writes\n", "#!lua flags=no-writes,allow-oom\n",
                "#!lua flags=\n", "#!lua flags=allow-stale,no-cluster\n");
        String text = shebang + lua.body(2, 2);
        scripts.add(text);
        return text;
    }

    private String scriptSha() {
        if (!scripts.isEmpty() && r.nextInt(4) != 0) {
            String sha = sha1(scripts.get(r.nextInt(scripts.size())));
            return r.nextInt(10) == 0 ? sha.toUpperCase(java.util.Locale.ROOT) : sha;
        }
        return pick("ffffffffffffffffffffffffffffffffffffffff", "e0e1f9fabfc9d4800c877a703b823ac0578ff8db", "abc", "");
    }

    private static String sha1(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(bytes(text));
            StringBuilder b = new StringBuilder();
            for (byte d : digest) {
                b.append(String.format("%02x", d));
            }
            return b.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A library of one function, libN registering fnN (lib3 registers fn0), or a broken library. */
    private String library() {
        if (r.nextInt(8) == 0) {
            return pick("#!lua\nredis.register_function('f', function() return 1 end)",
                    "#!lua name=lib0\nreturn 1", "redis.register_function('f', function() return 1 end)",
                    "#!lua name=bad\nredis.register_function('f', 1)",
                    "#!lua name=bad\nredis.register_function('bad name', function() return 1 end)",
                    "#!lua name=bad\nredis.register_function{function_name='f', callback=function() end, flags={'nosuch'}}",
                    "#!lua name=bad\nredis.call('SET', 'x', 1)", "#!lua name=bad\nlocal x = ",
                    "#!lua name=bad\nredis.register_function('f', function() return 1 end)\n"
                            + "redis.register_function('f', function() return 2 end)",
                    "#!lua name=lib0 name=lib1\nredis.register_function('fn0', function() return 1 end)",
                    "#!lua name=bad\nredis.setresp(3)");
        }
        int n = r.nextInt(4);
        String function = "fn" + (n % 3);
        String body = "function(keys, args)\n" + lua.body(2, 2).replace("KEYS[", "keys[").replace("ARGV[", "args[")
                + "\nend";
        String register;
        if (r.nextBoolean()) {
            register = "redis.register_function('" + function + "', " + body + ")";
        } else {
            register = "redis.register_function{function_name='" + function + "', callback=" + body
                    + pick("", ", flags={'no-writes'}", ", flags={}", ", flags={'allow-oom', 'no-writes'}",
                            ", flags={'allow-stale'}") + "}";
        }
        return "#!lua name=lib" + n + "\n" + register;
    }

    /** EVAL-like {@code command script-or-name numkeys key... arg...}, sometimes with a bad key count. */
    private List<Object> evalStep(String command, String target) {
        List<Object> a = list(command, target);
        int keys = r.nextInt(3);
        int args = r.nextInt(3);
        if (r.nextInt(15) == 0) {
            a.add(pick("-1", "x", "5", "9223372036854775807"));
        } else {
            a.add(Integer.toString(keys));
        }
        for (int i = 0; i < keys; i++) {
            a.add(key(POOLS[r.nextInt(POOLS.length)]));
        }
        for (int i = 0; i < args; i++) {
            a.add(value());
        }
        return a;
    }

    private void shardedPubsub() {
        add("spublish", () -> exact(list("SPUBLISH", pick("ch", "other"), value())));
    }

    // ---- argument helpers -----------------------------------------------------------------------------

    private void add(String name, Supplier<Step> generator) {
        generators.put(name, generator);
    }

    private Step scanStep(String command, String key, Match fromStartMatch) {
        boolean fromStart = r.nextInt(4) != 0;
        List<Object> a = list(command, key, fromStart ? "0" : pick("1", "3", "x", "-1", ""));
        scanOptions(a, false);
        return new Step(args(a), fromStart ? fromStartMatch : Match.SCAN_SHAPE, 2);
    }

    private void scanOptions(List<Object> a, boolean type) {
        if (r.nextBoolean()) {
            a.add("MATCH");
            a.add(pick(PATTERNS));
        }
        if (r.nextBoolean()) {
            a.add("COUNT");
            a.add(pick("1", "2", "5", "100", "0", "-1", "x"));
        }
        if (type && r.nextInt(3) == 0) {
            a.add("TYPE");
            a.add(pick(TYPES));
        }
        if (r.nextInt(20) == 0) {
            a.add(pick("MATCH", "COUNT", "FOO"));
        }
    }

    /** ZRANGEBYSCORE and ZREVRANGEBYSCORE: a score range, WITHSCORES, LIMIT. */
    private Step byScore(String command) {
        List<Object> a = list(command, key(ZSETS), pick(RANGE_SCORES), pick(RANGE_SCORES));
        if (r.nextBoolean()) {
            a.add("WITHSCORES");
        }
        if (r.nextInt(3) == 0) {
            a.add("LIMIT");
            a.add(pick(COUNTS));
            a.add(pick(COUNTS));
        }
        return exact(a);
    }

    private List<Object> limit(List<Object> a) {
        if (r.nextInt(3) == 0) {
            a.add(pick("LIMIT", "LIMIT", "limit", "WITHSCORES"));
            a.add(pick(COUNTS));
            a.add(pick(COUNTS));
        }
        return a;
    }

    private List<Object> optionalCount(List<Object> a) {
        if (r.nextBoolean()) {
            a.add(pick(COUNTS));
        }
        return a;
    }

    private String key(String[] own) {
        int roll = r.nextInt(100);
        if (roll < 82) {
            return pick(own);
        } else if (roll < 95) {
            return pick(POOLS[r.nextInt(POOLS.length)]);
        }
        return pick(ODD_KEYS);
    }

    private String anyKey() {
        return r.nextInt(10) == 0 ? pick(ODD_KEYS) : pick(POOLS[r.nextInt(POOLS.length)]);
    }

    private String member() {
        return r.nextInt(12) == 0 ? pick(ODD_VALUES) : pick(MEMBERS);
    }

    private String value() {
        int roll = r.nextInt(10);
        if (roll < 4) {
            return pick(MEMBERS);
        } else if (roll < 6) {
            return Integer.toString(r.nextInt(2001) - 1000);
        } else if (roll < 9) {
            return pick(ODD_VALUES);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 20 + r.nextInt(120); i > 0; i--) {
            b.append((char) r.nextInt(256));
        }
        return b.toString();
    }

    private String integer() {
        return r.nextBoolean() ? Integer.toString(r.nextInt(21) - 10) : pick(INDEXES);
    }

    private List<Object> keys(String command, String[] pool, int n) {
        List<Object> a = list(command);
        for (int i = 0; i < n; i++) {
            a.add(pool == null ? anyKey() : key(pool));
        }
        return a;
    }

    /**
     * Set members lean to integers, of every intset width and a few that string2ll refuses, so that sets
     * stay intsets for a while, upgrade and convert to hashtables as Redis's do.
     */
    private String setMember() {
        return r.nextInt(3) == 0 ? member() : pick(INT_MEMBERS);
    }

    private List<Object> setMembers(String command, String key, int n) {
        List<Object> a = list(command, key);
        for (int i = 0; i < n; i++) {
            a.add(setMember());
        }
        return a;
    }

    private List<Object> values(String command, String key, int n) {
        List<Object> a = list(command, key);
        for (int i = 0; i < n; i++) {
            a.add(member());
        }
        return a;
    }

    private List<Object> fieldValues(String command, String key) {
        List<Object> a = list(command, key);
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            a.add(member());
            a.add(value());
        }
        return a;
    }

    private List<Object> pairs(String command, String[] pool) {
        List<Object> a = list(command);
        for (int i = 1 + r.nextInt(3); i > 0; i--) {
            a.add(key(pool));
            a.add(value());
        }
        return a;
    }

    private String pick(String... choices) {
        return choices[r.nextInt(choices.length)];
    }

    private static List<Object> list(Object... parts) {
        return new ArrayList<>(List.of(parts));
    }

    private static Step exact(List<Object> a) {
        return new Step(args(a), Match.EXACT, -1);
    }

    private static Step close(List<Object> a) {
        return new Step(args(a), Match.CLOSE, -1);
    }

    private static byte[][] args(List<Object> a) {
        byte[][] out = new byte[a.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes((String) a.get(i));
        }
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
