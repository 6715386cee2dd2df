package io.nioredis.command.bitmap;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.EventRecorder;
import org.junit.jupiter.api.Test;

/** What the bit commands announce; expected events as redis-server 7.0.15 publishes them (KEA). */
class BitmapCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void onlyRealChangesAreAnnounced() {
        EventRecorder recorder = new EventRecorder();
        h.client.keyspace().events(recorder);
        h.run("SETBIT", "k", "7", "1");   // created
        h.run("SETBIT", "k", "7", "1");   // same bit: nothing
        h.run("SETBIT", "k", "100", "0"); // grew
        h.run("SETBIT", "k", "100", "0"); // nothing
        h.run("BITFIELD", "b", "SET", "u8", "0", "0");  // created
        h.run("BITFIELD", "b", "SET", "u8", "0", "0");  // same value: nothing
        h.run("BITFIELD", "b", "OVERFLOW", "FAIL", "INCRBY", "u2", "0", "8"); // refused: nothing
        h.run("BITFIELD", "c", "OVERFLOW", "FAIL", "SET", "u2", "100", "8");  // created, but nothing written
        h.run("BITOP", "AND", "d", "k", "b");
        h.run("BITOP", "AND", "d", "missing");
        recorder.events.removeIf(e -> e.startsWith("keymiss ")); // KEA leaves out key misses
        assertThat(recorder.events).containsExactly("setbit k", "setbit k", "setbit b", "set d", "del d");
        assertThat(h.run("EXISTS", "c")).isEqualTo(":1\r\n");
    }
}
