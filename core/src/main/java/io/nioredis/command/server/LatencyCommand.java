package io.nioredis.command.server;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import io.nioredis.command.Help;
import io.nioredis.diagnostics.Diagnostics;
import io.nioredis.diagnostics.HugePages;
import io.nioredis.diagnostics.LatencyDoctor;
import io.nioredis.diagnostics.LatencyHistogram;
import io.nioredis.diagnostics.LatencyMonitor;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.resp.Verbatim;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LATENCY LATEST | HISTORY event | RESET [event ...] | DOCTOR | HISTOGRAM [command ...] | HELP, as Redis
 * 7.0's latencyCommand. GRAPH (an ASCII sparkline) is not there yet, and so is not offered.
 */
final class LatencyCommand {
    private static final CommandFactory IMPLEMENTATIONS = LatencyCommand::implementation;

    private LatencyCommand() {}

    static CommandSpec create() {
        return Group.SERVER.command("latency", -2, 0)
                .since("2.8.13")
                .complexity("Depends on subcommand.")
                .summary("Inspect the latency monitor")
                .subcommand(Group.SERVER.command("latest", 2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.8.13")
                        .complexity("O(1)")
                        .summary("Report the latest latency spike of every event")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("history", 3, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.8.13")
                        .complexity("O(1)")
                        .summary("Report the latency spikes of one event over time")
                        .args("event")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("reset", -2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.8.13")
                        .complexity("O(1)")
                        .summary("Forget recorded latency spikes")
                        .args("[event...]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("doctor", 2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("2.8.13")
                        .complexity("O(1)")
                        .summary("Explain the recorded latency spikes in words")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("histogram", -2, ADMIN | NOSCRIPT | LOADING | STALE)
                        .since("7.0.0")
                        .complexity("O(N) where N is the number of commands with latency information being retrieved.")
                        .summary("Report the latency distribution of commands")
                        .args("[command...]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.SERVER.command("help", 2, LOADING | STALE)
                        .since("2.8.13")
                        .complexity("O(1)")
                        .summary("List the LATENCY subcommands")
                        .runs(IMPLEMENTATIONS))
                .container();
    }

    private static void latest(Client client, Request request, RespWriter out) {
        Map<String, LatencyMonitor.Series> events = client.server().diagnostics.latency.events();
        out.arrayHeader(events.size());
        for (Map.Entry<String, LatencyMonitor.Series> e : events.entrySet()) {
            out.arrayHeader(4);
            out.bulk(e.getKey());
            out.integer(e.getValue().lastTime());
            out.integer(e.getValue().lastLatency());
            out.integer(e.getValue().max());
        }
    }

    private static void history(Client client, Request request, RespWriter out) {
        LatencyMonitor.Series ts = client.server().diagnostics.latency.series(request.string(2));
        List<long[]> samples = ts == null ? List.of() : ts.samples();
        out.arrayHeader(samples.size());
        for (long[] s : samples) {
            out.arrayHeader(2);
            out.integer(s[0]);
            out.integer(s[1]);
        }
    }

    private static void reset(Client client, Request request, RespWriter out) {
        LatencyMonitor latency = client.server().diagnostics.latency;
        if (request.argc() == 2) {
            out.integer(latency.reset(null));
            return;
        }
        int resets = 0;
        for (int i = 2; i < request.argc(); i++) {
            resets += latency.reset(request.string(i));
        }
        out.integer(resets);
    }

    private static void doctor(Client client, Request request, RespWriter out) {
        LatencyDoctor.Settings settings = new LatencyDoctor.Settings(
                client.server().config.getLong("slowlog-log-slower-than"), client.server().config.getLong("hz"),
                HugePages.anonymousBytes() > 0);
        Verbatim.text(out, LatencyDoctor.report(client.server().diagnostics.latency, settings,
                client.server().clock.millis() / 1000));
    }

    /** A map of command to {calls, histogram_usec: {microseconds: cumulative count}}, as fillCommandCDF. */
    private static void histogram(Client client, Request request, RespWriter out) {
        Diagnostics d = client.server().diagnostics;
        List<Map.Entry<String, LatencyHistogram>> found = new ArrayList<>();
        if (request.argc() == 2) {
            found.addAll(d.histograms(null).entrySet());
        } else {
            for (int i = 2; i < request.argc(); i++) {
                found.addAll(d.histograms(request.string(i)).entrySet());
            }
        }
        out.mapHeader(found.size());
        for (Map.Entry<String, LatencyHistogram> e : found) {
            out.bulk(e.getKey());
            out.mapHeader(2);
            out.bulk("calls");
            out.integer(e.getValue().totalCount());
            out.bulk("histogram_usec");
            List<long[]> points = e.getValue().cumulativeDistribution();
            out.mapHeader(points.size());
            for (long[] p : points) {
                out.integer(p[0]);
                out.integer(p[1]);
            }
        }
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "latency|latest" -> LatencyCommand::latest;
            case "latency|history" -> LatencyCommand::history;
            case "latency|reset" -> LatencyCommand::reset;
            case "latency|doctor" -> LatencyCommand::doctor;
            case "latency|histogram" -> LatencyCommand::histogram;
            case "latency|help" -> (c, r, out) -> Help.reply(out, "LATENCY",
                    "DOCTOR",
                    "    Return a human readable latency analysis report.",
                    "HISTORY <event>",
                    "    Return time-latency samples for the <event> class.",
                    "LATEST",
                    "    Return the latest latency samples for all events.",
                    "RESET [<event> ...]",
                    "    Reset latency data of one or more <event> classes.",
                    "    (default: reset all data for all event classes)",
                    "HISTOGRAM [COMMAND ...]",
                    "    Return a cumulative distribution of latencies in the format of a histogram for"
                            + " the specified command names.",
                    "    If no commands are specified then all histograms are replied.");
            default -> throw new IllegalArgumentException(name);
        };
    }
}
