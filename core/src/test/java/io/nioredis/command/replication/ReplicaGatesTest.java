package io.nioredis.command.replication;

import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a replica's clients get: Redis 7.0's READONLY, MASTERDOWN and LOADING gates, by command flags. */
class ReplicaGatesTest {
    @TempDir
    Path dir;

    private final CommandHarness h = new CommandHarness();

    @Test
    void writesAreReadOnlyAndStaleReadsFollowTheSetting() {
        h.run("SET", "k", "v");
        assertThat(h.run("REPLICAOF", "127.0.0.1", "1")).isEqualTo(CommandHarness.OK); // no socket: stays down
        assertThat(h.run("SET", "k", "w")).isEqualTo(error("READONLY You can't write against a read only replica."));
        assertThat(h.run("GET", "k")).isEqualTo(CommandHarness.bulk("v"));
        h.state.config.set("replica-serve-stale-data", "no");
        assertThat(h.run("GET", "k")).isEqualTo(
                error("MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'."));
        assertThat(h.run("ROLE")).startsWith("*5\r\n$5\r\nslave\r\n"); // flagged stale
        h.state.config.set("replica-read-only", "no");
        h.state.config.set("replica-serve-stale-data", "yes");
        assertThat(h.run("SET", "k", "w")).isEqualTo(CommandHarness.OK);
        assertThat(h.run("REPLICAOF", "NO", "ONE")).isEqualTo(CommandHarness.OK);
        assertThat(h.run("ROLE")).startsWith("*3\r\n$6\r\nmaster\r\n");
    }

    @Test
    void whileTheMastersSnapshotLoadsOtherClientsAreServedWithLoading() throws Exception {
        CommandHarness master = new CommandHarness();
        for (int i = 0; i < 5000; i++) {
            master.run("SET", "key:" + i, "v" + i);
        }
        Path file = dir.resolve("dump.rdb");
        Files.write(file, master.state.persistence.snapshotBytes());
        h.run("SET", "old", "1");
        h.run("REPLICAOF", "127.0.0.1", "1");
        List<String> replies = new ArrayList<>();
        h.state.loading = true;
        assertThat(h.state.persistence.loadFromMaster(file, () -> {
            replies.add(h.run("GET", "old"));
            replies.add(h.run("PING"));
        })).isTrue();
        h.state.loading = false;
        assertThat(replies).hasSize(2 * (5000 / 1024)); // the loop is given a turn every 1024 keys
        assertThat(replies.get(0)).isEqualTo(error("LOADING Redis is loading the dataset in memory"));
        assertThat(h.run("GET", "key:4999")).isEqualTo(CommandHarness.bulk("v4999"));
        assertThat(h.run("INFO", "persistence")).contains("loading:0");
    }
}
