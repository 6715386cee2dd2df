package io.nioredis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.RecordingLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SLOWLOG with Redis 7.0.15's reply bytes; durations are made 0 by logging everything and reading ids. */
class SlowlogCommandTest {
    private final CommandHarness h = new CommandHarness();

    @BeforeEach
    void logEverything() {
        h.client.link(new RecordingLink());
        h.run("CONFIG", "SET", "slowlog-log-slower-than", "0");
        h.run("SLOWLOG", "RESET");
    }

    /** The reply with every duration replaced by 0, as durations are real. */
    private String run(String... args) {
        return h.run(args).replaceAll("(\\*6\r\n:\\d+\r\n:\\d+\r\n):\\d+\r\n", "$1:0\r\n");
    }

    @Test
    void getShowsNewestFirstWithAddressAndName() {
        h.run("set", "k", "v");
        h.run("client", "setname", "myname");
        long now = h.clock.millis() / 1000;
        assertThat(run("SLOWLOG", "GET", "2")).isEqualTo("*2\r\n"
                + "*6\r\n:3\r\n:" + now + "\r\n:0\r\n*3\r\n$6\r\nclient\r\n$7\r\nsetname\r\n$6\r\nmyname\r\n"
                + "$15\r\n127.0.0.1:50000\r\n$6\r\nmyname\r\n"
                + "*6\r\n:2\r\n:" + now + "\r\n:0\r\n*3\r\n$3\r\nset\r\n$1\r\nk\r\n$1\r\nv\r\n"
                + "$15\r\n127.0.0.1:50000\r\n$0\r\n\r\n");
    }

    @Test
    void authAndHelloCredentialsAreRedacted() {
        h.run("AUTH", "foo");
        h.run("HELLO", "3", "AUTH", "default", "pw");
        h.run("HELLO", "2");
        String reply = run("SLOWLOG", "GET", "3");
        assertThat(reply).contains("*4\r\n$5\r\nHELLO\r\n$1\r\n3\r\n$4\r\nAUTH\r\n$10\r\n(redacted)\r\n$10\r\n(redacted)\r\n"
                .replace("*4", "*5"));
        assertThat(reply).contains("*2\r\n$4\r\nAUTH\r\n$10\r\n(redacted)\r\n");
        assertThat(reply).doesNotContain("foo").doesNotContain("pw");
    }

    @Test
    void lenResetAndCountArguments() {
        h.run("PING");
        assertThat(h.run("SLOWLOG", "LEN")).isEqualTo(":2\r\n"); // RESET itself and PING
        assertThat(h.run("SLOWLOG", "GET", "-2")).isEqualTo("-ERR count should be greater than or equal to -1\r\n");
        assertThat(h.run("SLOWLOG", "GET", "x")).isEqualTo("-ERR count should be greater than or equal to -1\r\n");
        assertThat(h.run("SLOWLOG", "GET", "1", "2"))
                .isEqualTo("-ERR unknown subcommand or wrong number of arguments for 'GET'. Try SLOWLOG HELP.\r\n");
        // As Redis, commands that failed are logged (6 so far), those refused before running are not
        assertThat(h.run("SLOWLOG", "GET", "-1")).startsWith("*6\r\n");
        assertThat(h.run("SLOWLOG", "GET", "0")).isEqualTo("*0\r\n");
        assertThat(h.run("SLOWLOG", "LEN", "x")).isEqualTo("-ERR wrong number of arguments for 'slowlog|len' command\r\n");
        assertThat(h.run("SLOWLOG", "foo")).isEqualTo("-ERR unknown subcommand 'foo'. Try SLOWLOG HELP.\r\n");
        assertThat(h.run("SLOWLOG", "RESET")).isEqualTo("+OK\r\n");
        assertThat(h.run("SLOWLOG", "LEN")).isEqualTo(":1\r\n");
        h.run("SLOWLOG", "LEN", "x");
        h.run("SLOWLOG", "foo");
        h.run("NOSUCH");
        assertThat(h.run("SLOWLOG", "LEN")).isEqualTo(":2\r\n");
    }

    @Test
    void execIsNotLoggedButTheCommandsItRanAre() {
        h.run("MULTI");
        h.run("SET", "a", "1");
        h.run("EXEC");
        String reply = run("SLOWLOG", "GET");
        assertThat(reply).contains("$3\r\nSET\r\n").contains("$5\r\nMULTI\r\n").doesNotContain("EXEC");
    }

    @Test
    void disabledByNegativeThreshold() {
        h.run("CONFIG", "SET", "slowlog-log-slower-than", "-1");
        h.run("SLOWLOG", "RESET");
        h.run("PING");
        assertThat(h.run("SLOWLOG", "LEN")).isEqualTo(":0\r\n");
        assertThat(h.run("CONFIG", "SET", "slowlog-log-slower-than", "-5")).isEqualTo("-ERR CONFIG SET failed "
                + "(possibly related to argument 'slowlog-log-slower-than') - argument must be between -1 and "
                + "9223372036854775807 inclusive\r\n");
    }

    @Test
    void help() {
        assertThat(h.run("SLOWLOG", "HELP")).isEqualTo("*12\r\n"
                + "+SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:\r\n"
                + "+GET [<count>]\r\n"
                + "+    Return top <count> entries from the slowlog (default: 10, -1 mean all).\r\n"
                + "+    Entries are made of:\r\n"
                + "+    id, timestamp, time in microseconds, arguments array, client IP and port,\r\n"
                + "+    client name\r\n"
                + "+LEN\r\n"
                + "+    Return the length of the slowlog.\r\n"
                + "+RESET\r\n"
                + "+    Reset the slowlog.\r\n"
                + "+HELP\r\n"
                + "+    Prints this help.\r\n");
    }
}
