package io.nioredis.command;

import static io.nioredis.command.CommandFlags.ADMIN;
import static io.nioredis.command.CommandFlags.FAST;
import static io.nioredis.command.CommandFlags.SKIP_MONITOR;
import static io.nioredis.command.CommandFlags.SKIP_SLOWLOG;

import io.nioredis.ServerState;
import io.nioredis.client.Client;
import io.nioredis.diagnostics.Diagnostics;
import io.nioredis.diagnostics.LatencyHistogram;
import io.nioredis.resp.Request;

/**
 * What a finished call leaves for the server's observers, as the end of Redis 7.0's call(): a SLOWLOG
 * entry, a "command" or "fast-command" latency sample, a sample in the command's latency histogram and a
 * MONITOR line, each from the one duration the dispatcher measured. The flags are the subcommand's for a
 * container (CLIENT ID is shown to monitors, CLIENT LIST, being admin, is not). Nothing is allocated unless
 * something is logged.
 */
final class CallObservers {
    private CallObservers() {}

    static void record(Client client, CommandSpec spec, Request request, long micros) {
        CommandSpec real = effective(spec, request);
        if (real == null) {
            client.clearRedactedArgs();
            return;
        }
        ServerState server = client.server();
        Diagnostics d = server.diagnostics;
        if (!real.has(SKIP_SLOWLOG) && d.slowlog.wants(micros)) {
            d.slowlog.add(request, client.redactedArgs(), micros, server.clock.millis() / 1000,
                    client.link().address(), client.name());
        }
        long millis = micros / 1000;
        if (d.latency.reaches(millis)) {
            d.latency.add(real.has(FAST) ? "fast-command" : "command", millis, server.clock.millis() / 1000);
        }
        if (d.latencyTracking) {
            LatencyHistogram h = real.latencyHistogram;
            if (h == null) {
                h = real.latencyHistogram = d.histogram(real.fullName);
            }
            h.record(micros * 1000); // Redis keeps microseconds, recorded as nanoseconds
        }
        if (d.monitors.active() && !real.has(SKIP_MONITOR | ADMIN)) {
            d.monitors.feed(server.clock.micros(), client.db(), client.link().address(), request,
                    client.redactedArgs());
        }
        client.clearRedactedArgs();
    }

    /**
     * The subcommand a container ran (CONFIG GET), else the command itself; null when the container
     * refused an unknown subcommand or a wrong number of arguments, which Redis rejects before the call.
     */
    private static CommandSpec effective(CommandSpec spec, Request request) {
        if (spec.subcommands.isEmpty() || request.argc() < 2) {
            return spec; // a plain command, or COMMAND alone
        }
        CommandSpec sub = spec.subcommand(request.array(), request.offset(1), request.length(1));
        return sub != null && sub.arityAccepts(request.argc()) ? sub : null;
    }
}
