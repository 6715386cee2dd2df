package io.nioredis.command.hyperloglog;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.EventRecorder;
import org.junit.jupiter.api.Test;

/** What the HyperLogLog commands announce; expected events as redis-server 7.0.15 publishes them (KEA). */
class HyperLogLogCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void pfaddAndPfmergeAnnouncePfadd() {
        EventRecorder recorder = new EventRecorder();
        h.client.keyspace().events(recorder);
        h.run("PFADD", "h", "a");
        h.run("PFADD", "h", "a"); // no register grew
        h.run("PFADD", "h2");     // created empty
        h.run("PFCOUNT", "h");    // rewrites the cache: watchers see it, subscribers do not
        h.run("PFMERGE", "h3", "h");
        h.run("PFDEBUG", "TODENSE", "h");
        recorder.events.removeIf(e -> e.startsWith("keymiss ")); // KEA leaves out key misses
        assertThat(recorder.events).containsExactly("pfadd h", "pfadd h2", "pfadd h3");
    }

    @Test
    void selfTestPasses() {
        assertThat(h.run("PFSELFTEST")).isEqualTo("+OK\r\n");
    }
}
