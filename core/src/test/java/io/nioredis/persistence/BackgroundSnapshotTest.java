package io.nioredis.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import io.nioredis.rdb.RdbValue;
import io.nioredis.store.Databases;
import io.nioredis.store.Keyspace;
import io.nioredis.store.SipHash;
import io.nioredis.value.ListValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The background snapshot is point-in-time: random writes, deletes, expiries (lazy and active),
 * evictions, RENAME, MOVE, COPY, SWAPDB, FLUSHDB, FLUSHALL and big-value writes run between the steps of
 * its walk, and the file it produces holds exactly the dataset as it was at the cut.
 */
class BackgroundSnapshotTest {
    private static final int DBS = 4;

    @Test
    void theFileHoldsTheDatasetAsItWasAtTheCut() throws Exception {
        long seed = new Random().nextLong();
        System.out.println("BackgroundSnapshotTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 12; round++) {
            oneSnapshot(random, round);
        }
    }

    @Test
    void shutdownAbandonsARunningSaveAndLeavesNoFileBehind() throws Exception {
        CommandHarness h = new CommandHarness();
        for (int i = 0; i < 5000; i++) {
            h.run("SET", "key:" + i, "v");
        }
        h.run("BGSAVE");
        h.state.persistence.snapshotSteps(3);
        assertThat(h.state.persistence.snapshotSerializing()).isTrue();
        h.state.persistence.abortBackgroundSave();
        assertThat(h.run("INFO", "persistence")).contains("rdb_bgsave_in_progress:0", "rdb_saves:0",
                "rdb_last_bgsave_status:ok");
        try (var files = Files.list(Path.of(h.state.config.get("dir")))) {
            assertThat(files).isEmpty();
        }
        h.run("SET", "key:1", "changed"); // the keyspace no longer hooks into the abandoned save
        assertThat(h.run("SAVE")).isEqualTo("+OK\r\n");
    }

    /**
     * A command coming to a big value the walk has not reached does not serialize it on the loop: the value
     * goes to the writer thread and the command is held (the loop serves others) until it is written; then
     * it runs. The image holds the value as it was at the cut.
     */
    @Test
    void aBigValueChangedBeforeTheWalkReachesItGoesToTheWriterWhileTheCommandWaits() throws Exception {
        CommandHarness h = new CommandHarness();
        for (int i = 0; i < 3000; i++) {
            h.run("SET", "key:" + i, "v");
        }
        for (int i = 0; i < 500; i++) { // after the small keys, so the walk reaches them last
            h.run("RPUSH", "biglist", "element-" + i);
            h.run("HSET", "bighash", "field-" + i, "v");
            h.run("ZADD", "bigzset", String.valueOf(i), "member-" + i);
        }
        h.state.persistence.bigValues(4000);
        assertThat(h.run("BGSAVE")).isEqualTo("+Background saving started\r\n");
        h.state.persistence.snapshotSteps(1);
        String[][] changes = {{"RPUSH", "biglist", "new"}, {"HSET", "bighash", "new", "v"},
                {"ZADD", "bigzset", "-1", "new"}};
        String[] replies = {":501\r\n", ":1\r\n", ":1\r\n"};
        for (int c = 0; c < changes.length; c++) {
            String reply = h.run(changes[c]);
            assertThat(reply).isEmpty(); // held, not run: its value is with the writer thread
            assertThat(h.client.paused()).isTrue();
            assertThat(h.state.persistence.bigValuesHandedOverAhead()).isEqualTo(c + 1);
            while (reply.isEmpty()) { // what the loop does with a held client: run it again on a later turn
                Thread.onSpinWait();
                reply = h.run(changes[c]);
            }
            assertThat(reply).isEqualTo(replies[c]);
        }
        assertThat(h.run("SET", "key:2999", "changed")).isEqualTo("+OK\r\n"); // small values are not held
        h.state.persistence.awaitBackgroundSave();
        assertThat(h.run("INFO", "persistence")).contains("rdb_last_bgsave_status:ok");
        CommandHarness image = new CommandHarness();
        image.state.persistence.loadImage(Files.readAllBytes(Path.of(h.state.config.get("dir"), "dump.rdb")));
        assertThat(image.run("LLEN", "biglist")).isEqualTo(":500\r\n");
        assertThat(image.run("HLEN", "bighash")).isEqualTo(":500\r\n");
        assertThat(image.run("ZCARD", "bigzset")).isEqualTo(":500\r\n");
        assertThat(image.run("GET", "key:2999")).isEqualTo("$1\r\nv\r\n");
        assertThat(image.run("DBSIZE")).isEqualTo(":3003\r\n");
        assertThat(h.run("LLEN", "biglist")).isEqualTo(":501\r\n");
    }

    /**
     * An AOF base in command form takes the same path: big values are written as commands by the writer
     * thread, in their place, and one a command comes to is written as it was at the cut.
     */
    @Test
    void aBaseInCommandFormWritesBigValuesOnTheWriterThreadAsTheyWereAtTheCut() throws Exception {
        CommandHarness h = new CommandHarness();
        for (int i = 0; i < 3000; i++) {
            h.run("SET", "key:" + i, "v");
        }
        for (int i = 0; i < 500; i++) {
            h.run("RPUSH", "biglist", "element-" + i);
            h.run("HSET", "bighash", "field-" + i, "v");
            h.run("ZADD", "bigzset", String.valueOf(i), "member-" + i);
        }
        h.state.persistence.bigValues(4000);
        Path dir = Path.of(h.state.config.get("dir"));
        SnapshotRun run = h.state.persistence.startAofBase(dir, "base.aof", "temp-base.aof", 0, true);
        h.state.persistence.snapshotSteps(1);
        String reply = h.run("RPUSH", "biglist", "new");
        assertThat(reply).isEmpty(); // held while the writer thread writes the list's RPUSHes
        while (reply.isEmpty()) {
            Thread.onSpinWait();
            reply = h.run("RPUSH", "biglist", "new");
        }
        assertThat(reply).isEqualTo(":501\r\n");
        run.finish();
        assertThat(run.failure()).isNull();
        String base = Files.readString(dir.resolve("base.aof"), StandardCharsets.ISO_8859_1);
        CommandHarness replayed = new CommandHarness();
        for (List<String> command : CommandFormEncoderTest.parse(base)) {
            replayed.run(command.toArray(String[]::new));
        }
        assertThat(replayed.run("LLEN", "biglist")).isEqualTo(":500\r\n");
        assertThat(replayed.run("LINDEX", "biglist", "-1")).isEqualTo("$11\r\nelement-499\r\n");
        assertThat(replayed.run("HLEN", "bighash")).isEqualTo(":500\r\n");
        assertThat(replayed.run("ZSCORE", "bigzset", "member-499")).isEqualTo("$3\r\n499\r\n");
        assertThat(replayed.run("DBSIZE")).isEqualTo(":3003\r\n");
        assertThat(base).doesNotContain("REDIS").containsOnlyOnce("SELECT");
    }

    private void oneSnapshot(Random random, int round) throws Exception {
        CommandHarness h = new CommandHarness();
        if (round % 2 == 1) {
            h.state.persistence.bigValues(1500); // the aggregates bigWrite grows are written by the writer thread
        }
        int keys = 200 + random.nextInt(3000);
        for (int i = 0; i < keys; i++) {
            h.run("SELECT", String.valueOf(random.nextInt(DBS)));
            if (random.nextInt(40) == 0) {
                bigWrite(h, random, key(random, keys));
            } else {
                write(h, random, keys, true);
            }
        }
        long cutMillis = h.clock.millis();
        List<TreeMap<String, String>> atCut = dataset(h.state.databases, cutMillis);
        assertThat(h.run("BGSAVE")).isEqualTo("+Background saving started\r\n");
        Persistence persistence = h.state.persistence;
        int steps = 0;
        while (persistence.snapshotSerializing()) {
            int changes = random.nextInt(round % 3 == 0 ? 3 : 40);
            for (int i = 0; i < changes; i++) {
                change(h, random, keys);
            }
            persistence.snapshotSteps(1 + random.nextInt(3));
            steps++;
        }
        persistence.awaitBackgroundSave();
        assertThat(h.run("INFO", "persistence")).contains("rdb_last_bgsave_status:ok");
        byte[] file = Files.readAllBytes(Path.of(h.state.config.get("dir"), "dump.rdb"));
        Databases loaded = new Databases(h.state.databases.count(), h.clock, SipHash.PROCESS);
        RdbLoader.load(file, loaded, cutMillis, h.state.config.getLong("set-max-intset-entries"),
                (int) h.state.config.getLong("list-max-listpack-size"));
        assertThat(dataset(loaded, cutMillis)).as("round %d after %d steps", round, steps).isEqualTo(atCut);
    }

    /** One random command that changes the data, or a change the server makes by itself. */
    private static void change(CommandHarness h, Random random, int keys) {
        h.run("SELECT", String.valueOf(random.nextInt(DBS)));
        int op = random.nextInt(100);
        String k = key(random, keys);
        String other = key(random, keys);
        if (op < 40) {
            write(h, random, keys, false);
        } else if (op < 50) {
            h.run(random.nextBoolean() ? "DEL" : "UNLINK", k, other);
        } else if (op < 56) {
            h.run("PEXPIRE", k, String.valueOf(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(5000)));
        } else if (op < 59) {
            h.run("PERSIST", k);
        } else if (op < 63) {
            h.clock.advance(random.nextInt(1000));
            h.run("GET", k); // lazy expiry
        } else if (op < 66) {
            h.clock.advance(random.nextInt(2000));
            h.state.databases.expireSome(h.clock.millis(), 1 + random.nextInt(20)); // active expiry
        } else if (op < 69) {
            Keyspace db = h.state.databases.get(random.nextInt(DBS));
            int slot = db.randomSlot();
            if (slot >= 0) {
                db.evict(slot);
            }
        } else if (op < 74) {
            h.run(random.nextBoolean() ? "RENAME" : "RENAMENX", k, other);
        } else if (op < 78) {
            h.run("MOVE", k, String.valueOf(random.nextInt(DBS)));
        } else if (op < 81) {
            h.run("COPY", k, other, "DB", String.valueOf(random.nextInt(DBS)), "REPLACE");
        } else if (op < 84) {
            h.run("SWAPDB", String.valueOf(random.nextInt(DBS)), String.valueOf(random.nextInt(DBS)));
        } else if (op < 85) {
            h.run("FLUSHDB");
        } else if (op < 86 && random.nextInt(4) == 0) {
            h.run("FLUSHALL");
        } else if (op < 92) {
            bigWrite(h, random, k);
        } else if (op < 95) {
            h.run("LMOVE", k, other, "LEFT", "RIGHT");
        } else if (op < 97) {
            h.run("SUNIONSTORE", other, k, other);
        } else {
            h.run("GETDEL", k);
        }
    }

    private static void bigWrite(CommandHarness h, Random random, String k) {
        List<String> args = new ArrayList<>();
        String[] cmd = {"RPUSH", "SADD", "HSET", "ZADD"};
        String c = cmd[random.nextInt(cmd.length)];
        args.add(c);
        args.add(k);
        for (int i = 0; i < 200; i++) {
            if (c.equals("ZADD")) {
                args.add(String.valueOf(random.nextInt(1000)));
            }
            args.add("m" + random.nextInt(1000));
            if (c.equals("HSET")) {
                args.add("v" + random.nextInt(1000));
            }
        }
        h.run(args.toArray(new String[0]));
    }

    private static void write(CommandHarness h, Random random, int keys, boolean filling) {
        String k = key(random, keys);
        String v = "v" + random.nextInt(1_000_000);
        switch (random.nextInt(filling ? 8 : 11)) {
            case 0, 1 -> h.run("SET", k, v);
            case 2 -> h.run("SET", k, v, "PX", String.valueOf(1 + random.nextInt(5000)));
            case 3 -> h.run("RPUSH", k, v, v + "x");
            case 4 -> h.run("SADD", k, v, String.valueOf(random.nextInt(100)));
            case 5 -> h.run("HSET", k, "f" + random.nextInt(5), v);
            case 6 -> h.run("ZADD", k, String.valueOf(random.nextInt(100)), v);
            case 7 -> h.run("APPEND", k, v);
            case 8 -> h.run("INCR", k);
            case 9 -> h.run("LPOP", k);
            default -> h.run("SREM", k, String.valueOf(random.nextInt(100)));
        }
    }

    private static String key(Random random, int keys) {
        return "key:" + random.nextInt(keys);
    }

    /** Every live key of every database with its value and deadline, in a comparable form. */
    private static List<TreeMap<String, String>> dataset(Databases databases, long now) {
        List<TreeMap<String, String>> dbs = new ArrayList<>();
        for (int i = 0; i < databases.count(); i++) {
            Keyspace db = databases.get(i);
            TreeMap<String, String> keys = new TreeMap<>();
            for (int slot = 0; slot < db.slotLimit(); slot++) {
                if (db.isLive(slot, now)) {
                    Object entry = db.entry(slot);
                    int base = db.stringBase(slot);
                    String value = entry instanceof ListValue l ? describe(l) : describe(KeyspaceValues.toRdb(entry, base));
                    keys.put(text(KeyspaceValues.key(entry, base)), value + " deadline " + db.deadline(slot));
                }
            }
            dbs.add(keys);
        }
        return dbs;
    }

    private static String describe(ListValue list) {
        List<String> elements = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            elements.add(text(list.get(i)));
        }
        return "list " + elements;
    }

    private static String describe(RdbValue value) {
        if (value instanceof RdbValue.StringValue s) {
            return "string " + text(s.bytes());
        }
        if (value instanceof RdbValue.ListValue l) {
            return "list " + l.elements().stream().map(BackgroundSnapshotTest::text).toList();
        }
        if (value instanceof RdbValue.SetValue s) {
            return "set " + s.members().stream().map(BackgroundSnapshotTest::text).sorted().toList();
        }
        if (value instanceof RdbValue.HashValue hv) {
            return "hash " + hv.entries().stream().map(e -> text(e.field()) + "=" + text(e.value())).sorted().toList();
        }
        RdbValue.SortedSetValue z = (RdbValue.SortedSetValue) value;
        return "zset " + z.members().stream()
                .sorted(Comparator.comparingDouble(RdbValue.ScoredMember::score)
                        .thenComparing(m -> text(m.member())))
                .map(m -> text(m.member()) + ":" + m.score()).toList();
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
