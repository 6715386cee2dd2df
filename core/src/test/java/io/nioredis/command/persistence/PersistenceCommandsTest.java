package io.nioredis.command.persistence;

import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** SAVE, BGSAVE, LASTSAVE, INFO persistence and MISCONF, with Redis 7.0.15's replies. */
class PersistenceCommandsTest {
    private final CommandHarness h = new CommandHarness();

    private String info() {
        return h.run("INFO", "persistence");
    }

    @Test
    void bgsaveWritesTheFileAndReportsInInfo() {
        h.run("SET", "k", "v");
        assertThat(info()).contains("rdb_changes_since_last_save:1\r\n", "rdb_saves:0\r\n");
        assertThat(h.run("BGSAVE")).isEqualTo("+Background saving started\r\n");
        h.state.persistence.awaitBackgroundSave();
        assertThat(Path.of(h.state.config.get("dir"), "dump.rdb")).exists();
        assertThat(info()).contains("rdb_changes_since_last_save:0\r\n", "rdb_bgsave_in_progress:0\r\n",
                "rdb_last_bgsave_status:ok\r\n", "rdb_last_bgsave_time_sec:0\r\n", "rdb_saves:1\r\n");
        assertThat(h.run("BGSAVE", "SCHEDULE")).isEqualTo("+Background saving started\r\n");
        assertThat(h.run("BGSAVE")).isEqualTo(error("ERR Background save already in progress"));
        assertThat(h.run("SAVE")).isEqualTo(error("ERR Background save already in progress"));
        h.state.persistence.awaitBackgroundSave();
        assertThat(h.run("BGSAVE", "NOW")).isEqualTo(error("ERR syntax error"));
    }

    @Test
    void aFailedBgsaveRefusesWritesAndPingUntilSavePointsGo() throws Exception {
        Files.delete(Path.of(h.state.config.get("dir")));
        assertThat(h.run("SAVE")).isEqualTo(error("ERR"));
        assertThat(h.run("BGSAVE")).isEqualTo("+Background saving started\r\n");
        h.state.persistence.awaitBackgroundSave();
        assertThat(info()).contains("rdb_last_bgsave_status:err\r\n");
        String misconf = error("MISCONF Redis is configured to save RDB snapshots, but it's currently unable to"
                + " persist to disk. Commands that may modify the data set are disabled, because this instance is"
                + " configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error"
                + " option). Please check the Redis logs for details about the RDB error.");
        assertThat(h.run("SET", "k", "v")).isEqualTo(misconf);
        assertThat(h.run("PING")).isEqualTo(misconf);
        assertThat(h.run("GET", "k")).isEqualTo("$-1\r\n");
        assertThat(h.run("CONFIG", "SET", "stop-writes-on-bgsave-error", "no")).isEqualTo("+OK\r\n");
        assertThat(h.run("SET", "k", "v")).isEqualTo("+OK\r\n");
        h.run("CONFIG", "SET", "stop-writes-on-bgsave-error", "yes");
        assertThat(h.run("SET", "k", "v")).isEqualTo(misconf);
        h.run("CONFIG", "SET", "save", "");
        assertThat(h.run("SET", "k", "v")).isEqualTo("+OK\r\n");
    }

    @Test
    void savePointsStartABackgroundSave() {
        h.run("CONFIG", "SET", "save", "10 2");
        h.run("SET", "a", "1");
        h.clock.advance(11_000);
        h.state.cron(h.clock.millis());
        assertThat(h.state.persistence.backgroundSaveInProgress()).isFalse(); // one change is not enough
        h.run("SET", "b", "1");
        h.state.cron(h.clock.millis());
        assertThat(h.state.persistence.backgroundSaveInProgress()).isTrue();
        h.state.persistence.awaitBackgroundSave();
        assertThat(h.run("LASTSAVE")).isEqualTo(":" + h.clock.millis() / 1000 + "\r\n");
    }
}
