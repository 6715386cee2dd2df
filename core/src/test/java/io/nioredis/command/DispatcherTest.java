package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** The dispatcher's normal path stays allocation-free with the connection features in place. */
class DispatcherTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void getAndSetAllocateNothingInBothProtocols() {
        Request set = Request.of("SET", "key", "value");
        Request hit = Request.of("GET", "key");
        Request miss = Request.of("GET", "missing");
        RespWriter out = new RespWriter(1024);
        for (int protocol = 2; protocol <= 3; protocol++) {
            h.client.protocol(protocol);
            out.protocol(protocol);
            run(set, hit, miss, out, 50_000); // warm up: class loading, JIT, map growth
            long bytes = allocated(() -> run(set, hit, miss, out, 100_000));
            assertThat(bytes / 300_000.0).as("bytes per command, RESP%d", protocol).isLessThan(1.0);
        }
    }

    /**
     * While a background snapshot's cut is installed every command's keys are found, to see whether the
     * snapshot's writer holds one: without garbage, which under a write load brought young collections into
     * the save.
     */
    @Test
    void whileASnapshotRunsFindingEachCommandsKeysAllocatesNothing() {
        for (int i = 0; i < 20_000; i++) {
            h.run("SET", "key:" + i, "v");
        }
        assertThat(h.run("BGSAVE")).isEqualTo("+Background saving started\r\n");
        h.state.persistence.snapshotSteps(1);
        assertThat(h.state.persistence.snapshotCutInstalled()).isTrue();
        Request mset = Request.of("MSET", "key", "value", "other", "value", "third", "value");
        Request hit = Request.of("GET", "key");
        Request miss = Request.of("GET", "missing");
        RespWriter out = new RespWriter(1024);
        run(mset, hit, miss, out, 50_000);
        long bytes = allocated(() -> run(mset, hit, miss, out, 100_000));
        assertThat(h.state.persistence.snapshotCutInstalled()).isTrue();
        assertThat(bytes / 300_000.0).as("bytes per command").isLessThan(1.0);
        h.state.persistence.awaitBackgroundSave();
        assertThat(h.run("INFO", "persistence")).contains("rdb_last_bgsave_status:ok");
    }

    private void run(Request set, Request hit, Request miss, RespWriter out, int n) {
        for (int i = 0; i < n; i++) {
            out.reset();
            h.dispatcher.execute(h.client, set, out);
            h.dispatcher.execute(h.client, hit, out);
            h.dispatcher.execute(h.client, miss, out);
        }
    }

    private static long allocated(Runnable r) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(id);
        r.run();
        return mx.getThreadAllocatedBytes(id) - before;
    }
}
