package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Append-only directories cross between nioredis and a real redis-server both ways: one side builds a
 * dataset with a rewrite in the middle (so there is a base with keys and an incremental file after it),
 * the other starts from the directory with {@code appendonly yes}, and DEBUG DIGEST must match.
 * redis-check-aof must accept nioredis's directory.
 */
class AofCompatibilityIT {
    private static final String[] DIGEST = {"DEBUG", "DIGEST"};

    @Test
    void redisStartsFromWhatNioredisWritesWithAnRdbBase() throws Exception {
        redisStartsFromNioredis("yes");
    }

    @Test
    void redisStartsFromWhatNioredisWritesWithACommandBase() throws Exception {
        redisStartsFromNioredis("no");
    }

    private static void redisStartsFromNioredis(String preamble) throws Exception {
        ExternalTools.program("redis-server");
        String checkAof = ExternalTools.program("redis-check-aof");
        long seed = new Random().nextLong();
        System.out.println("AofCompatibilityIT seed " + seed + " aof-use-rdb-preamble " + preamble);
        Path dir = Files.createTempDirectory("nioredis-aof");
        String digest;
        List<String> streams = new ArrayList<>();
        try (TestServer nio = TestServer.start("enable-debug-command", "yes", "dir", dir.toString(),
                "appendonly", "yes", "save", "", "aof-use-rdb-preamble", preamble);
             RespConnection c = new RespConnection(nio.port())) {
            runWithRewriteInTheMiddle(c, streamsFirst(RdbCompatibilityIT.dataset(new Random(seed))));
            digest = c.call(DIGEST).text();
            for (String key : StreamDataset.KEYS) {
                streams.addAll(streamState(c, key));
            }
        }
        String base = "appendonly.aof.2.base." + ("yes".equals(preamble) ? "rdb" : "aof");
        Path manifest = dir.resolve("appendonlydir").resolve("appendonly.aof.manifest");
        Process check = new ProcessBuilder(checkAof, manifest.toString()).redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(report).isZero();
        assertThat(report).contains("All AOF files and manifest are valid")
                .contains("yes".equals(preamble) ? "(RDB format)" : "(RESP format)");
        assertThat(Files.readString(manifest)).isEqualTo("file " + base + " seq 2 type b\n"
                + "file appendonly.aof.2.incr.aof seq 2 type i\n");
        List<String> reloaded = new ArrayList<>();
        try (TestServer nio = TestServer.start("enable-debug-command", "yes", "dir", dir.toString(),
                "appendonly", "yes", "save", "", "aof-use-rdb-preamble", preamble);
             RespConnection c = new RespConnection(nio.port())) {
            for (String key : StreamDataset.KEYS) {
                reloaded.addAll(streamState(c, key));
            }
        }
        try (RedisServerProcess redis = RedisServerProcess.start("--enable-debug-command", "yes", "--dir",
                dir.toString(), "--appendonly", "yes");
             RespConnection c = new RespConnection(redis.port())) {
            assertThat(c.call(DIGEST).text()).as("seed %d", seed).isEqualTo(digest);
            assertThat(Long.parseLong(c.call("PTTL", "ttl").text())).isBetween(1L, 1_000_000L);
            List<String> loaded = new ArrayList<>();
            for (String key : StreamDataset.KEYS) {
                loaded.addAll(streamState(c, key));
            }
            assertThat(loaded).as("streams as both servers load them, seed %d", seed).isEqualTo(reloaded);
            if ("yes".equals(preamble)) {
                assertThat(loaded).as("streams, seed %d", seed).isEqualTo(streams);
            } else {
                // Replaying XCLAIM ... FORCE drops a pending entry whose stream entry was deleted, in Redis as
                // in nioredis (Redis's own command-form base loses them the same way); the rest is whole.
                assertThat(loaded).as("streams, seed %d", seed).hasSameSizeAs(streams);
                for (int i = 0; i < streams.size(); i++) {
                    int what = i % STREAM_STATE_LINES; // XINFO GROUPS (2) and XPENDING (4 to 7) count pending
                    if (what != 2 && (what < 4 || what > 7)) {
                        assertThat(loaded.get(i)).as("stream state %d, seed %d", i, seed).isEqualTo(streams.get(i));
                    }
                }
            }
        }
    }

    /**
     * The same dataset rewritten by redis-server and by nioredis with {@code aof-use-rdb-preamble no}: the
     * bases hold the same commands key for key (byte for byte, scores as {@code %.17g}, batches of 64), where
     * the order of a set's, a hash's or a big sorted set's items (their iteration order) and the clock's
     * values (PEXPIREAT of relative TTLs, XCLAIM's delivery TIME) are left out of the comparison.
     */
    @Test
    void aCommandBaseHoldsTheCommandsRedisWritesKeyForKey() throws Exception {
        ExternalTools.program("redis-server");
        long seed = new Random().nextLong();
        System.out.println("AofCompatibilityIT command base seed " + seed);
        List<String[]> commands = RdbCompatibilityIT.dataset(new Random(seed));
        Path redisDir = Files.createTempDirectory("redis-aof-base");
        try (RedisServerProcess redis = RedisServerProcess.start("--dir", redisDir.toString(), "--appendonly", "yes",
                "--aof-use-rdb-preamble", "no");
             RespConnection c = new RespConnection(redis.port())) {
            rewriteAfter(c, commands);
        }
        Path nioDir = Files.createTempDirectory("nioredis-aof-base");
        try (TestServer nio = TestServer.start("dir", nioDir.toString(), "appendonly", "yes", "save", "",
                "aof-use-rdb-preamble", "no");
             RespConnection c = new RespConnection(nio.port())) {
            rewriteAfter(c, commands);
        }
        String base = "appendonlydir/appendonly.aof.2.base.aof";
        java.util.Map<String, List<String>> redisKeys = keyByKey(Files.readAllBytes(redisDir.resolve(base)));
        java.util.Map<String, List<String>> nioKeys = keyByKey(Files.readAllBytes(nioDir.resolve(base)));
        assertThat(nioKeys.keySet()).as("seed %d", seed).isEqualTo(redisKeys.keySet()).hasSizeGreaterThan(30);
        for (String key : redisKeys.keySet()) {
            assertThat(nioKeys.get(key)).as("%s, seed %d", key, seed).isEqualTo(redisKeys.get(key));
        }
    }

    private static void rewriteAfter(RespConnection c, List<String[]> commands) throws Exception {
        for (String[] command : commands) {
            c.call(command);
        }
        assertThat(c.call("BGREWRITEAOF").text()).isEqualTo("Background append only file rewriting started");
        awaitRewrite(c);
    }

    /**
     * A base's commands grouped by database and key, each key's as comparable lines: commands verbatim, but
     * the clock's values masked, and the items of SADD, HMSET and ZADD as a sorted list after the sizes of
     * their batches.
     */
    private static java.util.Map<String, List<String>> keyByKey(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        java.util.Map<String, List<String>> keys = new java.util.TreeMap<>();
        java.util.Map<String, List<String>> items = new java.util.TreeMap<>();
        String db = "?";
        int at = 0;
        while (at < text.length()) {
            int eol = text.indexOf("\r\n", at);
            int count = Integer.parseInt(text.substring(at + 1, eol));
            at = eol + 2;
            List<String> args = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                eol = text.indexOf("\r\n", at);
                int len = Integer.parseInt(text.substring(at + 1, eol));
                String arg = text.substring(eol + 2, eol + 2 + len);
                args.add(arg);
                at = eol + 2 + len + 2;
            }
            String name = args.get(0);
            if (name.equals("SELECT")) {
                db = args.get(1);
                continue;
            }
            String key = db + "/" + (name.equals("XGROUP") ? args.get(2) : args.get(1));
            List<String> lines = keys.computeIfAbsent(key, k -> new ArrayList<>());
            if (name.equals("SADD") || name.equals("HMSET") || name.equals("ZADD")) {
                int width = name.equals("SADD") ? 1 : 2;
                lines.add(name + " batch of " + (args.size() - 2) / width);
                for (int i = 2; i < args.size(); i += width) {
                    items.computeIfAbsent(key, k -> new ArrayList<>()).add(String.join("\u0000",
                            args.subList(i, i + width)));
                }
                continue;
            }
            if (name.equals("PEXPIREAT")) {
                args.set(2, "<time>");
            } else if (name.equals("XCLAIM")) {
                args.set(7, "<time>");
            }
            lines.add(String.join("\u0000", args));
        }
        items.forEach((key, list) -> {
            list.sort(null);
            keys.get(key).addAll(list);
        });
        return keys;
    }

    /**
     * The streams' commands first, so the streams are whole in the base: replayed from an incremental file,
     * XREADGROUP's propagated XCLAIMs leave a group's entries-read unknown, in Redis as in nioredis.
     */
    private static List<String[]> streamsFirst(List<String[]> commands) {
        List<String[]> streams = new ArrayList<>();
        List<String[]> rest = new ArrayList<>();
        for (String[] c : commands) {
            boolean stream = java.util.Arrays.stream(c).anyMatch(StreamDataset.KEYS::contains);
            (stream ? streams : rest).add(c);
        }
        streams.addAll(rest);
        return streams;
    }

    /**
     * A stream's entries, groups and pending entries as compared after a reload; XINFO STREAM FULL is left
     * out because a base in command form recreates consumers at load time, so their seen-times are new (in
     * Redis's own reload as well).
     */
    private static final int STREAM_STATE_LINES = 9;

    private static List<String> streamState(RespConnection c, String key) throws java.io.IOException {
        List<String> state = StreamDataset.state(c, key);
        assertThat(state).hasSize(STREAM_STATE_LINES + 1);
        return state.subList(1, state.size());
    }

    @Test
    void nioredisStartsFromWhatRedisWritesWithAnRdbBase() throws Exception {
        nioredisStartsFromRedis("yes");
    }

    @Test
    void nioredisStartsFromWhatRedisWritesWithACommandBase() throws Exception {
        nioredisStartsFromRedis("no");
    }

    private static void nioredisStartsFromRedis(String preamble) throws Exception {
        ExternalTools.program("redis-server");
        long seed = new Random().nextLong();
        System.out.println("AofCompatibilityIT seed " + seed + " aof-use-rdb-preamble " + preamble);
        Path dir = Files.createTempDirectory("nioredis-aof-from-redis");
        String digest;
        try (RedisServerProcess redis = RedisServerProcess.start("--enable-debug-command", "yes", "--dir",
                dir.toString(), "--appendonly", "yes", "--aof-use-rdb-preamble", preamble);
             RespConnection c = new RespConnection(redis.port())) {
            runWithRewriteInTheMiddle(c, RdbCompatibilityIT.dataset(new Random(seed)));
            c.call("MULTI");
            c.call("INCR", "in-multi");
            c.call("SET", "expiring", "v", "EX", "1000");
            c.call("EXEC");
            digest = c.call(DIGEST).text();
        } // stopped with SIGTERM: Redis writes and fsyncs its AOF buffer first
        String base = "yes".equals(preamble) ? "appendonly.aof.2.base.rdb" : "appendonly.aof.2.base.aof";
        assertThat(Files.exists(dir.resolve("appendonlydir").resolve(base))).isTrue();
        try (TestServer nio = TestServer.start("enable-debug-command", "yes", "dir", dir.toString(),
                "appendonly", "yes", "save", "");
             RespConnection c = new RespConnection(nio.port())) {
            assertThat(c.call(DIGEST).text()).as("seed %d", seed).isEqualTo(digest);
            assertThat(Long.parseLong(c.call("PTTL", "expiring").text())).isBetween(1L, 1_000_000L);
            assertThat(c.call("INFO", "persistence").text()).contains("aof_enabled:1");
            assertThat(nio.logs()).isEmpty(); // no warning: nothing truncated, nothing refused
        }
    }

    /**
     * A single appendonly.aof in dir, as Redis before 7.0 left it, of plain commands or an RDB preamble (from
     * nioredis's SAVE) followed by commands: redis-server 7.0 and nioredis each upgrade a copy, and end with
     * the same files (the old file moved in unchanged as the base, the same manifest) and the same data.
     */
    @Test
    void anOldStyleAofIsUpgradedAsRedisUpgradesIt() throws Exception {
        ExternalTools.program("redis-server");
        List<String[]> commands = RdbCompatibilityIT.dataset(new Random(7));
        StringBuilder plain = new StringBuilder("*2\r\n$6\r\nSELECT\r\n$1\r\n0\r\n");
        for (String[] c : commands.subList(0, Math.min(200, commands.size()))) {
            // No relative expiries: the two servers start at different times (DEBUG DIGEST covers deadlines).
            if (c[0].equalsIgnoreCase("SELECT") || (c[0].equalsIgnoreCase("SET") && c.length == 3)
                    || c[0].equalsIgnoreCase("RPUSH")
                    || c[0].equalsIgnoreCase("HSET") || c[0].equalsIgnoreCase("SADD") || c[0].equalsIgnoreCase("ZADD")) {
                plain.append('*').append(c.length).append("\r\n");
                for (String arg : c) {
                    byte[] b = arg.getBytes(StandardCharsets.ISO_8859_1);
                    plain.append('$').append(b.length).append("\r\n").append(arg).append("\r\n");
                }
            }
        }
        byte[] commandsOnly = plain.toString().getBytes(StandardCharsets.ISO_8859_1);
        Path source = Files.createTempDirectory("nioredis-old-aof-source");
        try (TestServer nio = TestServer.start("dir", source.toString(), "save", "");
             RespConnection c = new RespConnection(nio.port())) {
            c.call("SET", "in-preamble", "1");
            c.call("HSET", "h", "f", "v");
            assertThat(c.call("SAVE").text()).isEqualTo("OK");
        }
        byte[] rdb = Files.readAllBytes(source.resolve("dump.rdb"));
        byte[] preamble = java.util.Arrays.copyOf(rdb, rdb.length + commandsOnly.length);
        System.arraycopy(commandsOnly, 0, preamble, rdb.length, commandsOnly.length);
        for (byte[] old : List.of(commandsOnly, preamble)) {
            Path redisDir = Files.createTempDirectory("redis-old-aof");
            Path nioDir = Files.createTempDirectory("nioredis-old-aof");
            Files.write(redisDir.resolve("appendonly.aof"), old);
            Files.write(nioDir.resolve("appendonly.aof"), old);
            String redisDigest;
            try (RedisServerProcess redis = RedisServerProcess.start("--enable-debug-command", "yes", "--dir",
                    redisDir.toString(), "--appendonly", "yes");
                 RespConnection c = new RespConnection(redis.port())) {
                redisDigest = c.call(DIGEST).text();
            }
            String nioDigest;
            try (TestServer nio = TestServer.start("enable-debug-command", "yes", "dir", nioDir.toString(),
                    "appendonly", "yes", "save", "");
                 RespConnection c = new RespConnection(nio.port())) {
                nioDigest = c.call(DIGEST).text();
                assertThat(nio.logs()).isEmpty();
            }
            assertThat(nioDigest).isEqualTo(redisDigest).isNotEqualTo("0000000000000000000000000000000000000000");
            assertThat(listing(nioDir)).isEqualTo(listing(redisDir)).containsExactly("appendonlydir",
                    "appendonlydir/appendonly.aof", "appendonlydir/appendonly.aof.1.incr.aof",
                    "appendonlydir/appendonly.aof.manifest");
            for (String f : List.of("appendonly.aof", "appendonly.aof.manifest")) {
                assertThat(Files.readAllBytes(nioDir.resolve("appendonlydir").resolve(f))).as(f)
                        .isEqualTo(Files.readAllBytes(redisDir.resolve("appendonlydir").resolve(f)));
            }
            assertThat(Files.readAllBytes(nioDir.resolve("appendonlydir/appendonly.aof"))).isEqualTo(old);
        }
    }

    /** The files and folders under {@code dir}, relative, sorted (a server's own log files aside). */
    private static List<String> listing(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** The first half of the commands, BGREWRITEAOF (waited for), then the rest: a base plus an incr file. */
    private static void runWithRewriteInTheMiddle(RespConnection c, List<String[]> commands) throws Exception {
        int half = commands.size() / 2;
        for (int i = 0; i < half; i++) {
            c.call(commands.get(i));
        }
        assertThat(c.call("BGREWRITEAOF").text()).isEqualTo("Background append only file rewriting started");
        awaitRewrite(c);
        for (int i = half; i < commands.size(); i++) {
            c.call(commands.get(i));
        }
    }

    private static void awaitRewrite(RespConnection c) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (c.call("INFO", "persistence").text().contains("aof_rewrite_in_progress:1")) {
            assertThat(System.nanoTime()).as("rewrite finished in time").isLessThan(deadline);
            Thread.sleep(20); // waiting for the other process's rewrite, not for time to pass
        }
    }
}
