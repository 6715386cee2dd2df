package io.nioredis.command.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.client.Client;
import io.nioredis.command.CommandHarness;
import io.nioredis.command.RecordingLink;
import org.junit.jupiter.api.Test;

/** CLIENT PAUSE / UNPAUSE / HELP and CLIENT LIST's memory fields, with Redis 7.0.15's replies. */
class ClientPauseCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final Client other = new Client(2, h.state);

    @Test
    void argumentsAreCheckedAsRedisChecksThem() {
        assertThat(h.run("CLIENT", "PAUSE", "x")).isEqualTo("-ERR timeout is not an integer or out of range\r\n");
        assertThat(h.run("CLIENT", "PAUSE", "-1")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(h.run("CLIENT", "PAUSE", "x", "foo")).isEqualTo("-ERR CLIENT PAUSE mode must be WRITE or ALL\r\n");
        assertThat(h.run("client", "pause", "100", "write", "x")).isEqualTo(
                "-ERR unknown subcommand or wrong number of arguments for 'pause'. Try CLIENT HELP.\r\n");
        assertThat(h.run("CLIENT", "PAUSE")).isEqualTo("-ERR wrong number of arguments for 'client|pause' command\r\n");
        assertThat(h.run("CLIENT", "UNPAUSE", "x"))
                .isEqualTo("-ERR wrong number of arguments for 'client|unpause' command\r\n");
    }

    @Test
    void writePauseHoldsWritesAndMayReplicateCommandsUntilItEnds() {
        assertThat(h.run("CLIENT", "PAUSE", "1000", "WRITE")).isEqualTo("+OK\r\n");
        assertThat(h.runAs(other, "GET", "k")).isEqualTo("$-1\r\n");
        assertThat(other.paused()).isFalse();
        assertThat(h.runAs(other, "SET", "k", "v")).isEmpty();
        assertThat(other.paused()).isTrue();
        assertThat(h.runAs(other, "PUBLISH", "c", "m")).isEqualTo(":0\r\n"); // not may_replicate in 7.0
        assertThat(h.runAs(other, "NOSUCH")).startsWith("-ERR unknown command"); // refused, not held
        assertThat(h.runAs(other, "INCR", "n")).isEmpty();
        assertThat(ClientInfo.line(other)).contains(" flags=b ").contains(" cmd=incr ");
        h.clock.advance(1000);
        assertThat(h.runAs(other, "SET", "k", "v")).isEqualTo("+OK\r\n");
        assertThat(other.paused()).isFalse();
    }

    @Test
    void allPauseHoldsEveryCommandAndUnpauseEndsIt() {
        h.run("CLIENT", "PAUSE", "1000", "WRITE");
        h.run("CLIENT", "PAUSE", "10", "ALL"); // widens to ALL, keeps the later end
        assertThat(h.runAs(other, "PING")).isEmpty();
        h.clock.advance(500);
        assertThat(h.runAs(other, "PING")).isEmpty();
        assertThat(h.runAs(other, "CLIENT", "UNPAUSE")).isEmpty();
        h.state.pause.unpause();
        assertThat(h.runAs(other, "PING")).isEqualTo("+PONG\r\n");
    }

    @Test
    void queuingAWriteInMultiIsHeldDuringAWritePause() {
        h.runAs(other, "MULTI");
        h.run("CLIENT", "PAUSE", "1000", "WRITE");
        assertThat(h.runAs(other, "GET", "k")).isEqualTo("+QUEUED\r\n");
        assertThat(h.runAs(other, "SET", "k", "v")).isEmpty();
        h.run("CLIENT", "UNPAUSE");
        assertThat(h.runAs(other, "SET", "k", "v")).isEqualTo("+QUEUED\r\n");
        h.run("CLIENT", "PAUSE", "1000", "WRITE");
        assertThat(h.runAs(other, "EXEC")).isEmpty();
        h.run("CLIENT", "UNPAUSE");
        assertThat(h.runAs(other, "EXEC")).isEqualTo("*2\r\n$-1\r\n+OK\r\n");
    }

    @Test
    void monitorsAreNeverHeld() {
        h.runAs(other, "MONITOR");
        h.run("CLIENT", "PAUSE", "1000");
        assertThat(h.runAs(other, "PING")).isEqualTo("+PONG\r\n");
    }

    @Test
    void clientListShowsArgumentAndTransactionMemory() {
        h.client.link(new RecordingLink());
        assertThat(h.run("CLIENT", "INFO")).contains(" argv-mem=10 multi-mem=0 ");
        h.run("MULTI");
        h.run("SET", "key", "value");
        // Redis 7.0.15 shows 35: the 11 bytes of the arguments and a pointer of 8 bytes for each of the three.
        assertThat(ClientInfo.line(h.client)).contains(" multi=1 ").contains(" argv-mem=0 multi-mem=35 ");
    }

    @Test
    void helpListsTheSubcommandsThatExist() {
        String help = h.run("CLIENT", "HELP");
        assertThat(help).startsWith("*43\r\n+CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                + "+GETNAME\r\n+    Return the name of the current connection.\r\n+ID\r\n");
        assertThat(help).contains("+PAUSE <timeout> [WRITE|ALL]\r\n"
                + "+    Suspend all, or just write, clients for <timeout> milliseconds.\r\n")
                .endsWith("+HELP\r\n+    Prints this help.\r\n")
                .doesNotContain("TRACKING").doesNotContain("UNBLOCK");
    }
}
