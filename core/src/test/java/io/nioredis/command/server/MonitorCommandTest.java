package io.nioredis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.client.Client;
import io.nioredis.command.CommandHarness;
import io.nioredis.command.RecordingLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** MONITOR as Redis 7.0.15 behaves, lines compared without their time stamp. */
class MonitorCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final Client monitor = new Client(2, h.state);
    private final RecordingLink monitorLink = new RecordingLink();

    @BeforeEach
    void startMonitor() {
        h.client.link(new RecordingLink());
        monitor.link(monitorLink);
        assertThat(h.runAs(monitor, "MONITOR")).isEqualTo("+OK\r\n");
    }

    private String lines() {
        return monitorLink.take().replaceAll("\\+\\d+\\.\\d{6} ", "+T ");
    }

    @Test
    void showsCommandsWithTheDatabaseAfterThemAndSkipsAdminAndRejected() {
        h.run("SET", "k", "v");
        h.run("SELECT", "2");
        h.run("CONFIG", "GET", "maxclients");
        h.run("NOSUCH", "x");
        h.run("GET");
        h.run("CLIENT", "ID");
        h.run("CLIENT", "LIST");
        assertThat(lines()).isEqualTo("+T [0 127.0.0.1:50000] \"SET\" \"k\" \"v\"\r\n"
                + "+T [2 127.0.0.1:50000] \"SELECT\" \"2\"\r\n"
                + "+T [2 127.0.0.1:50000] \"CLIENT\" \"ID\"\r\n");
    }

    @Test
    void credentialsAreRedacted() {
        h.run("AUTH", "pw");
        h.run("AUTH", "u", "pw");
        h.run("HELLO", "3", "AUTH", "default", "x", "SETNAME", "n");
        assertThat(lines()).isEqualTo("+T [0 127.0.0.1:50000] \"AUTH\" \"(redacted)\"\r\n"
                + "+T [0 127.0.0.1:50000] \"AUTH\" \"(redacted)\" \"(redacted)\"\r\n"
                + "+T [0 127.0.0.1:50000] \"HELLO\" \"3\" \"AUTH\" \"(redacted)\" \"(redacted)\" \"SETNAME\" \"n\"\r\n");
    }

    @Test
    void queuedCommandsAreShownAtExecBeforeExecItself() {
        h.run("MULTI");
        h.run("SET", "a", "1");
        h.run("INCR", "a");
        assertThat(lines()).isEqualTo("+T [0 127.0.0.1:50000] \"MULTI\"\r\n");
        h.run("EXEC");
        assertThat(lines()).isEqualTo("+T [0 127.0.0.1:50000] \"SET\" \"a\" \"1\"\r\n"
                + "+T [0 127.0.0.1:50000] \"INCR\" \"a\"\r\n"
                + "+T [0 127.0.0.1:50000] \"EXEC\"\r\n");
    }

    @Test
    void monitorInsideMultiIsRefusedAtExec() {
        h.run("MULTI");
        assertThat(h.run("MONITOR")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("EXEC")).isEqualTo("*1\r\n-ERR MONITOR isn't allowed for DENY BLOCKING client\r\n");
        assertThat(h.client.monitoring()).isFalse();
    }

    @Test
    void theMonitorMayNotTouchKeysAndSeesItsOwnCommands() {
        assertThat(h.runAs(monitor, "GET", "k")).isEqualTo("-ERR Replica can't interact with the keyspace\r\n");
        assertThat(h.runAs(monitor, "SET", "k", "v")).isEqualTo("-ERR Replica can't interact with the keyspace\r\n");
        assertThat(h.runAs(monitor, "MONITOR")).isEmpty();
        assertThat(h.runAs(monitor, "PING")).isEqualTo("+PONG\r\n");
        assertThat(lines()).isEqualTo("+T [0 127.0.0.1:50000] \"PING\"\r\n");
        assertThat(h.runAs(monitor, "RESET")).isEqualTo("+RESET\r\n");
        monitorLink.take();
        h.run("PING");
        assertThat(monitorLink.take()).isEmpty();
        assertThat(h.runAs(monitor, "GET", "k")).isEqualTo("$-1\r\n");
    }

    @Test
    void aClosedMonitorIsForgotten() {
        monitor.disconnected();
        h.run("PING");
        assertThat(monitorLink.take()).isEmpty();
        assertThat(h.state.diagnostics.monitors.active()).isFalse();
    }
}
