package io.nioredis.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.command.CommandHarness;
import io.nioredis.rdb.RdbFileReader;
import io.nioredis.rdb.RdbFormatException;
import io.nioredis.store.Databases;
import io.nioredis.store.ManualClock;
import io.nioredis.value.ListValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whole RDB files: every type in every encoding written from a keyspace, read back into another, compared
 * with DEBUG DIGEST; TTLs and databases kept; corrupt and truncated files refused without touching the data.
 */
class RdbRoundTripTest {
    private final CommandHarness source = new CommandHarness();

    RdbRoundTripTest() {
        source.state.config.set("enable-debug-command", "yes");
    }

    private void fill(long seed) {
        System.out.println("seed " + seed);
        SplittableRandom r = new SplittableRandom(seed);
        source.run("SET", "str", "hello");
        source.run("SET", "int", "12345");
        source.run("SET", "big", "x".repeat(100_000));
        source.run("SET", "lzf", "abcabcabcabcabcabcabcabcabcabcabcabc");
        source.run("RPUSH", "list", "a", "b", "1", "-7");
        source.run("SADD", "intset", "1", "2", "300000", "-5");
        source.run("SADD", "set", "a", "b", "c");
        source.run("HSET", "hash", "f", "v", "g", "w");
        source.run("ZADD", "zset", "1.5", "a", "-2", "b", "inf", "c");
        for (int i = 0; i < 1000; i++) {
            source.run("RPUSH", "biglist", Integer.toString(r.nextInt()));
            source.run("SADD", "bigset", "m" + r.nextInt(100_000));
            source.run("HSET", "bighash", "f" + i, "v".repeat(r.nextInt(100)));
            source.run("ZADD", "bigzset", Double.toString(r.nextDouble() * 1000), "m" + i);
        }
        for (int i = 1; i <= 300; i++) {
            source.run("XADD", "stream", i + "-" + r.nextInt(5), "f", Integer.toString(r.nextInt()), "g", "v");
        }
        source.run("XDEL", "stream", "7-0", "7-1", "7-2", "7-3", "7-4");
        source.run("XGROUP", "CREATE", "stream", "grp", "0");
        source.run("XREADGROUP", "GROUP", "grp", "alice", "COUNT", "20", "STREAMS", "stream", ">");
        source.run("SET", "ttl", "v", "PX", "100000");
        source.run("SELECT", "3");
        source.run("SET", "in3", "x");
        source.run(new byte[][] {"SET".getBytes(), {0, (byte) 0xff, 10, 13}, {1, 2, 3}});
        source.run("SELECT", "0");
    }

    @Test
    void everyTypeRoundTripsThroughAFile() throws Exception {
        fill(new SplittableRandom().nextLong());
        String digest = source.run("DEBUG", "DIGEST");
        assertThat(source.run("SAVE")).isEqualTo("+OK\r\n");
        byte[] file = Files.readAllBytes(Path.of(source.state.config.get("dir"), "dump.rdb"));
        assertThat(new String(file, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("REDIS0010");

        CommandHarness target = new CommandHarness();
        target.state.config.set("enable-debug-command", "yes");
        target.clock.set(source.clock.millis());
        target.state.config.set("dir", source.state.config.get("dir"));
        assertThat(target.state.persistence.load()).isTrue();
        assertThat(target.run("DEBUG", "DIGEST")).isEqualTo(digest);
        assertThat(target.run("PTTL", "ttl")).isEqualTo(":100000\r\n");
        assertThat(target.run("DBSIZE")).isEqualTo(source.run("DBSIZE"));
        assertThat(target.state.persistence.lastLoadKeysLoaded()).isEqualTo(17);
        assertThat(target.run("XINFO", "STREAM", "stream", "FULL")).isEqualTo(source.run("XINFO", "STREAM", "stream", "FULL"));
    }

    @Test
    void expiredKeysAreDroppedAtLoad() throws Exception {
        source.run("SET", "gone", "v", "PX", "10");
        source.run("SET", "kept", "v");
        source.run("SAVE");
        CommandHarness target = new CommandHarness();
        target.clock.set(source.clock.millis() + 1000);
        target.state.config.set("dir", source.state.config.get("dir"));
        target.state.persistence.load();
        assertThat(target.run("DBSIZE")).isEqualTo(":1\r\n");
        assertThat(target.state.persistence.lastLoadKeysExpired()).isEqualTo(1);
    }

    @Test
    void everyTruncationAndEveryFlippedByteIsRefusedWithoutTouchingTheData() throws Exception {
        fill(7);
        source.run("SAVE");
        Path dump = Path.of(source.state.config.get("dir"), "dump.rdb");
        byte[] file = Files.readAllBytes(dump);
        for (int cut = 0; cut < file.length; cut += Math.max(1, file.length / 300)) {
            byte[] truncated = Arrays.copyOf(file, cut);
            assertThatThrownBy(() -> RdbFileReader.read(truncated, noop())).as("cut at " + cut)
                    .isInstanceOf(RdbFormatException.class);
        }
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 200; i++) {
            byte[] flipped = file.clone();
            flipped[9 + r.nextInt(file.length - 17)] ^= (byte) (1 + r.nextInt(255));
            assertThatThrownBy(() -> RdbFileReader.read(flipped, noop())).isInstanceOf(RdbFormatException.class);
        }
        // A corrupt file leaves the live data as it was.
        CommandHarness target = new CommandHarness();
        target.run("SET", "mine", "1");
        Path dir = Path.of(target.state.config.get("dir"));
        Files.write(dir.resolve("dump.rdb"), Arrays.copyOf(file, file.length - 20));
        assertThatThrownBy(() -> target.state.persistence.load()).isInstanceOf(Persistence.LoadFailure.class);
        assertThat(target.run("GET", "mine")).isEqualTo("$1\r\n1\r\n");
        assertThat(target.run("DBSIZE")).isEqualTo(":1\r\n");
    }

    @Test
    void aFileWithoutChecksumIsLoaded() throws Exception {
        source.state.config.set("rdbchecksum", "no");
        source.run("SET", "k", "v");
        source.run("SAVE");
        byte[] file = Files.readAllBytes(Path.of(source.state.config.get("dir"), "dump.rdb"));
        assertThat(Arrays.copyOfRange(file, file.length - 8, file.length)).containsOnly(0);
        Databases staging = new Databases(16, new ManualClock(), io.nioredis.store.SipHash.PROCESS);
        assertThat(RdbLoader.load(file, staging, 0, 512, ListValue.DEFAULT_FILL).keysLoaded).isEqualTo(1);
    }

    @Test
    void saveCountersAndLastsave() {
        source.clock.set(5_000_000L);
        source.run("SET", "a", "1");
        source.run("SET", "b", "1");
        assertThat(source.state.persistence.changesSinceLastSave()).isEqualTo(2);
        source.run("SAVE");
        assertThat(source.state.persistence.changesSinceLastSave()).isZero();
        assertThat(source.run("LASTSAVE")).isEqualTo(":5000\r\n");
        assertThat(source.state.persistence.saves()).isEqualTo(1);
    }

    private static RdbFileReader.Visitor noop() {
        return new RdbFileReader.Visitor() {
            @Override
            public void aux(byte[] key, byte[] value) {}

            @Override
            public void resizeDb(int db, long keys, long keysWithExpiry) {}

            @Override
            public void entry(int db, byte[] key, io.nioredis.rdb.RdbValue value, long expireAtMillis) {}
        };
    }
}
