package io.nioredis.command.server;

import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SHUTDOWN's options and replies as Redis 7.0.15's, with a final save that succeeds or fails. */
class ShutdownCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final List<String> logged = new ArrayList<>();

    ShutdownCommandTest() {
        h.state.log = (level, message) -> logged.add(message);
    }

    @Test
    void optionsParseAsRedis() {
        for (String[] bad : new String[][] {{"SHUTDOWN", "BAR"}, {"SHUTDOWN", "SAVE", "NOSAVE"},
            {"SHUTDOWN", "ABORT", "NOW"}, {"SHUTDOWN", "ABORT", "NOSAVE"}, {"SHUTDOWN", "FORCE", "ABORT"}}) {
            assertThat(h.run(bad)).as(String.join(" ", bad)).isEqualTo(error("ERR syntax error"));
        }
        assertThat(h.run("SHUTDOWN", "ABORT")).isEqualTo(error("ERR No shutdown in progress."));
        assertThat(h.state.shutdownRequested).isFalse();
    }

    /** A directory that vanished after it was configured: every save fails to open its temporary file. */
    private void makeSavesFail() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(h.state.config.get("dir"));
        java.nio.file.Files.delete(dir);
    }

    @Test
    void saveWritesTheSnapshotThenExits() {
        h.run("SET", "k", "v");
        assertThat(h.run("SHUTDOWN")).isEmpty();
        assertThat(h.state.shutdownRequested).isTrue();
        assertThat(java.nio.file.Path.of(h.state.config.get("dir"), "dump.rdb")).exists();
        assertThat(logged).contains("Saving the final RDB snapshot before exiting.", "DB saved on disk");
    }

    @Test
    void saveFailsAsAFailedSaveDoesInRedis() throws Exception {
        makeSavesFail();
        assertThat(h.run("SHUTDOWN", "SAVE")).isEqualTo(error("ERR Errors trying to SHUTDOWN. Check logs."));
        assertThat(h.run("shutdown", "now", "save")).isEqualTo(error("ERR Errors trying to SHUTDOWN. Check logs."));
        assertThat(h.state.shutdownRequested).isFalse();
        assertThat(h.client.closeAfterReply()).isFalse();
        assertThat(logged).contains("Error trying to save the DB, can't exit.",
                "Errors trying to shut down the server. Check the logs for more information.");
    }

    @Test
    void saveWithForceExitsAnyway() throws Exception {
        makeSavesFail();
        assertThat(h.run("SHUTDOWN", "SAVE", "FORCE")).isEmpty();
        assertThat(h.state.shutdownRequested).isTrue();
        assertThat(logged).contains("Error trying to save the DB. Exit anyway.");
    }

    @Test
    void plainAndNosaveShutDownWithoutAReply() {
        assertThat(h.run("SHUTDOWN")).isEmpty();
        assertThat(h.state.shutdownRequested).isTrue();
        assertThat(h.client.closeAfterReply()).isTrue();
        CommandHarness other = new CommandHarness();
        assertThat(other.run("SHUTDOWN", "NOSAVE", "NOW", "NOW", "FORCE")).isEmpty();
        assertThat(other.state.shutdownRequested).isTrue();
    }
}
