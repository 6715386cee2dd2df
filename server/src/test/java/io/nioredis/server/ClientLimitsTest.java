package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.store.Clock;
import io.nioredis.config.Config;
import io.nioredis.ServerState;
import io.nioredis.command.builtin.BuiltinCommands;
import io.nioredis.client.Client;
import io.nioredis.command.Dispatcher;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import org.junit.jupiter.api.Test;

class ClientLimitsTest {
    private final Config config = new Config();
    private final ServerState state = new ServerState(config, Clock.SYSTEM);

    private Connection connection() {
        return new Connection(null, null, new Client(1, state));
    }

    @Test
    void followsConfigSet() {
        ClientLimits limits = new ClientLimits(config, 100_000);
        assertThat(limits.maxClients).isEqualTo(10_000);
        assertThat(limits.queryBufferLimit).isEqualTo(1L << 30);
        assertThat(limits.idleTimeoutMillis).isZero();
        assertThat(limits.protectedMode).isTrue();
        config.set("maxclients", "7");
        config.set("timeout", "30");
        config.set("client-query-buffer-limit", "2mb");
        config.set("protected-mode", "no");
        config.set("proto-max-bulk-len", "1mb");
        assertThat(limits.maxClients).isEqualTo(7);
        assertThat(limits.idleTimeoutMillis).isEqualTo(30_000);
        assertThat(limits.queryBufferLimit).isEqualTo(2L << 20);
        assertThat(limits.protectedMode).isFalse();
        assertThat(limits.maxBulkLength).isEqualTo(1L << 20);
    }

    @Test
    void maxClientsIsBoundedByTheOpenFileLimit() {
        ClientLimits limits = new ClientLimits(config, 1024);
        assertThat(limits.maxClients).isEqualTo(1024 - ClientLimits.RESERVED_FDS);
    }

    @Test
    void hardLimitClosesAtOnceAndTheBuiltInCapAppliesWhenOff() {
        ClientLimits limits = new ClientLimits(config, 100_000);
        Connection conn = connection();
        // As Redis's checkClientOutputBufferLimits, reaching the hard limit is enough.
        assertThat(limits.outputExceeded(conn, ClientLimits.OUTPUT_CAP - 1, 1000)).isFalse();
        assertThat(limits.outputExceeded(conn, ClientLimits.OUTPUT_CAP, 1000)).isTrue();
        config.set("client-output-buffer-limit", "normal 1mb 0 0");
        assertThat(limits.outputExceeded(conn, (1L << 20) - 1, 1000)).isFalse();
        assertThat(limits.outputExceeded(conn, 1L << 20, 1000)).isTrue();
    }

    @Test
    void softLimitClosesOnlyAfterStayingOverItLongerThanTheSeconds() {
        ClientLimits limits = new ClientLimits(config, 100_000);
        config.set("client-output-buffer-limit", "normal 0 1000 10");
        Connection conn = connection();
        long t0 = 1_700_000_000_000L;
        assertThat(limits.outputExceeded(conn, 2000, t0)).isFalse(); // first time over: timer starts
        assertThat(limits.outputExceeded(conn, 2000, t0 + 10_000)).isFalse();
        assertThat(limits.outputExceeded(conn, 500, t0 + 10_500)).isFalse(); // back under: timer stops
        assertThat(limits.outputExceeded(conn, 2000, t0 + 11_000)).isFalse();
        assertThat(limits.outputExceeded(conn, 2000, t0 + 20_000)).isFalse();
        assertThat(limits.outputExceeded(conn, 2000, t0 + 21_001)).isTrue();
    }

    @Test
    void subscribedClientsGetThePubsubClass() {
        ClientLimits limits = new ClientLimits(config, 100_000);
        config.set("client-output-buffer-limit", "normal 1mb 0 0 pubsub 2mb 0 0");
        Connection conn = connection();
        assertThat(limits.outputExceeded(conn, 1L << 20, 1000)).isTrue();
        new Dispatcher(BuiltinCommands.table()).execute(conn.client, Request.of("SUBSCRIBE", "news"), new RespWriter());
        assertThat(limits.outputExceeded(conn, 1L << 20, 1000)).isFalse();
        assertThat(limits.outputExceeded(conn, 2L << 20, 1000)).isTrue();
    }
}
