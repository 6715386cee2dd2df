package io.nioredis.command.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/** LATENCY with Redis 7.0.15's reply bytes; samples are added straight to the monitor for exact values. */
class LatencyCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void latestHistoryAndReset() {
        assertThat(h.run("LATENCY", "LATEST")).isEqualTo("*0\r\n");
        h.state.diagnostics.latency.add("command", 12, 1000);
        h.state.diagnostics.latency.add("command", 30, 1000); // same second: raises that second's sample
        h.state.diagnostics.latency.add("command", 5, 1001);
        h.state.diagnostics.latency.add("expire-cycle", 2, 1001);
        assertThat(h.run("LATENCY", "LATEST")).isEqualTo("*2\r\n"
                + "*4\r\n$7\r\ncommand\r\n:1001\r\n:5\r\n:30\r\n"
                + "*4\r\n$12\r\nexpire-cycle\r\n:1001\r\n:2\r\n:2\r\n");
        assertThat(h.run("LATENCY", "HISTORY", "command")).isEqualTo("*2\r\n*2\r\n:1000\r\n:30\r\n*2\r\n:1001\r\n:5\r\n");
        assertThat(h.run("LATENCY", "HISTORY", "nosuch")).isEqualTo("*0\r\n");
        assertThat(h.run("LATENCY", "RESET", "COMMAND", "nosuch")).isEqualTo(":1\r\n");
        assertThat(h.run("LATENCY", "RESET")).isEqualTo(":1\r\n");
        assertThat(h.run("LATENCY", "LATEST")).isEqualTo("*0\r\n");
    }

    @Test
    void onlySamplesReachingTheThresholdAreKept() {
        h.run("CONFIG", "SET", "latency-monitor-threshold", "100");
        h.state.diagnostics.sample("expire-cycle", 99_999_999, h.clock);
        assertThat(h.run("LATENCY", "LATEST")).isEqualTo("*0\r\n");
        h.state.diagnostics.sample("expire-cycle", 100_000_000, h.clock);
        assertThat(h.run("LATENCY", "LATEST")).isEqualTo("*1\r\n*4\r\n$12\r\nexpire-cycle\r\n:"
                + h.clock.millis() / 1000 + "\r\n:100\r\n:100\r\n");
    }

    @Test
    void doctorWhenDisabledAndWhenQuiet() {
        assertThat(h.run("LATENCY", "DOCTOR")).isEqualTo(CommandHarness.bulk("I'm sorry, Dave, I can't do that. "
                + "Latency monitoring is disabled in this Redis instance. You may use \"CONFIG SET "
                + "latency-monitor-threshold <milliseconds>.\" in order to enable it. If we weren't in a deep space "
                + "mission I'd suggest to take a look at https://redis.io/topics/latency-monitor.\n"));
        h.run("CONFIG", "SET", "latency-monitor-threshold", "1000");
        assertThat(h.run("LATENCY", "DOCTOR")).contains("Dave, no latency spike was observed")
                .doesNotContain("I'm sorry");
    }

    @Test
    void doctorReportsEventsWithAdvice() {
        h.run("CONFIG", "SET", "latency-monitor-threshold", "10");
        long now = h.clock.millis() / 1000;
        h.state.diagnostics.latency.add("command", 20, now - 3);
        h.state.diagnostics.latency.add("command", 40, now - 1);
        assertThat(h.run("LATENCY", "DOCTOR")).contains("Dave, I have observed latency spikes in this Redis "
                + "instance. You don't mind talking about it, do you Dave?\n\n1. command: 2 latency spikes (average "
                + "30ms, mean deviation 10ms, period 1.50 sec). Worst all time event 40ms.\n\nI have a few advices "
                + "for you:\n\n- Check your Slow Log to understand what are the commands you are running which are "
                + "too slow to execute.");
    }

    @Test
    void errorsAndHelp() {
        assertThat(h.run("LATENCY", "foo")).isEqualTo("-ERR unknown subcommand 'foo'. Try LATENCY HELP.\r\n");
        assertThat(h.run("LATENCY")).isEqualTo("-ERR wrong number of arguments for 'latency' command\r\n");
        assertThat(h.run("LATENCY", "LATEST", "x"))
                .isEqualTo("-ERR wrong number of arguments for 'latency|latest' command\r\n");
        assertThat(h.run("LATENCY", "HELP")).startsWith("*15\r\n+LATENCY <subcommand> [<arg> [value] [opt] ...]. "
                + "Subcommands are:\r\n+DOCTOR\r\n").endsWith("+HISTOGRAM [COMMAND ...]\r\n+    Return a cumulative "
                + "distribution of latencies in the format of a histogram for the specified command names.\r\n"
                + "+    If no commands are specified then all histograms are replied.\r\n+HELP\r\n+    Prints this help.\r\n");
    }

    @Test
    void histogramAndInfoLatencystatsPerCommandAndSubcommand() {
        h.run("SET", "k", "v");
        h.run("CONFIG", "GET", "maxclients");
        String all = h.run("LATENCY", "HISTOGRAM");
        assertThat(all).startsWith("*").contains("$3\r\nset\r\n*4\r\n$5\r\ncalls\r\n:1\r\n$14\r\nhistogram_usec\r\n*2\r\n")
                .contains("$10\r\nconfig|get\r\n");
        assertThat(h.run("LATENCY", "HISTOGRAM", "config", "nosuch")).startsWith("*2\r\n$10\r\nconfig|get\r\n");
        String info = h.run("INFO", "latencystats");
        assertThat(info).contains("# Latencystats\r\nlatency_percentiles_usec_set:p50=")
                .contains("latency_percentiles_usec_config|get:p50=");
        assertThat(h.run("INFO")).doesNotContain("Latencystats");
        assertThat(h.run("INFO", "everything")).contains("# Latencystats");
        h.run("CONFIG", "SET", "latency-tracking-info-percentiles", "50.0 99 0 100 33.333");
        assertThat(h.run("CONFIG", "SET", "latency-tracking-info-percentiles", "101")).contains("latency-tracking-"
                + "info-percentiles parameters should sit between [0.0,100.0]");
        assertThat(h.run("CONFIG", "SET", "latency-tracking-info-percentiles", "abc"))
                .contains("Invalid latency-tracking-info-percentiles parameters");
        assertThat(h.run("INFO", "latencystats")).containsPattern(
                "latency_percentiles_usec_set:p50=\\d+\\.\\d{3},p99=\\d+\\.\\d{3},p0=\\d+\\.\\d{3},p100=\\d+\\.\\d{3},"
                        + "p33.333=\\d+\\.\\d{3}\r\n");
        h.run("CONFIG", "SET", "latency-tracking", "no");
        assertThat(h.run("INFO", "latencystats")).isEqualTo(CommandHarness.bulk("# Latencystats\r\n"));
        h.run("CONFIG", "SET", "latency-tracking", "yes");
        h.run("CONFIG", "RESETSTAT");
        assertThat(h.run("INFO", "latencystats")).doesNotContain("usec_set");
    }
}
