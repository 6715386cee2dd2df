package io.nioredis.command;

import io.nioredis.command.builtin.BuiltinCommands;

import io.nioredis.client.Client;

import io.nioredis.config.Config;
import io.nioredis.store.ManualClock;
import io.nioredis.ServerState;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;

/**
 * As {@link CommandHarness}, but replying in a chosen protocol, for the commands whose RESP3 replies differ
 * (sets, doubles, nulls, nested pairs). Its own server state, so it may share a test with a RESP2 harness.
 */
public final class ProtocolHarness {
    final ManualClock clock = new ManualClock();
    final ServerState state = new ServerState(new Config(), clock);
    final Dispatcher dispatcher = new Dispatcher(BuiltinCommands.table());
    final Client client = new Client(1, state);
    private final RespWriter out = new RespWriter(256);

    public ProtocolHarness(int protocol) {
        out.protocol(protocol);
    }

    public String run(String... args) {
        out.reset();
        dispatcher.execute(client, Request.of(args), out);
        return new String(out.array(), 0, out.size(), StandardCharsets.ISO_8859_1);
    }
}
