package io.nioredis.command.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.EventRecorder;
import org.junit.jupiter.api.Test;

/** Keyspace events, memory accounting and COPY of streams. */
class StreamEventsTest {
    private final CommandHarness h = new CommandHarness();

    /** The events Redis 7.0.15 published (notify-keyspace-events KEA) for the same commands, in order. */
    @Test
    void eventsAsRedisSendsThem() {
        EventRecorder recorder = new EventRecorder();
        h.client.keyspace().events(recorder);
        String[][] commands = {
                {"XADD", "s", "1-1", "f", "v"}, {"XADD", "s", "MAXLEN", "1", "2-1", "f", "v"},
                {"XADD", "s", "MAXLEN", "5", "3-1", "f", "v"}, {"XDEL", "s", "3-1"}, {"XDEL", "s", "9-9"},
                {"XTRIM", "s", "MAXLEN", "0"}, {"XTRIM", "s", "MAXLEN", "0"}, {"XGROUP", "CREATE", "s", "g", "0"},
                {"XGROUP", "CREATE", "t", "g", "0", "MKSTREAM"}, {"XGROUP", "SETID", "s", "g", "0"},
                {"XGROUP", "CREATECONSUMER", "s", "g", "c"}, {"XGROUP", "DELCONSUMER", "s", "g", "c"},
                {"XADD", "s", "5-1", "f", "v"}, {"XREADGROUP", "GROUP", "g", "c2", "STREAMS", "s", ">"},
                {"XCLAIM", "s", "g", "c3", "0", "5-1"}, {"XAUTOCLAIM", "s", "g", "c4", "0", "0"},
                {"XACK", "s", "g", "5-1"}, {"XSETID", "s", "9-9"}, {"XGROUP", "DESTROY", "s", "g"}};
        for (String[] c : commands) h.run(c);
        assertThat(recorder.events).containsExactly("xadd s", "xadd s", "xtrim s", "xadd s", "xdel s", "xtrim s",
                "xgroup-create s", "xgroup-create t", "xgroup-setid s", "xgroup-createconsumer s",
                "xgroup-delconsumer s", "xadd s", "xgroup-createconsumer s", "xgroup-createconsumer s",
                "xgroup-createconsumer s", "xsetid s", "xgroup-destroy s");
    }

    @Test
    void memoryFollowsAddsAndTrims() {
        h.run("XADD", "s", "1-0", "f1", "v0", "f2", "abc");
        long base = h.client.keyspace().memoryUsage();
        for (int i = 1; i <= 1000; i++) h.run("XADD", "s", i + "-1", "f1", "v" + i, "f2", "abc");
        long full = h.client.keyspace().memoryUsage();
        assertThat(full - base).isGreaterThan(1000 * 8L);
        h.run("XTRIM", "s", "MAXLEN", "0");
        // the node index keeps its capacity, the nodes themselves are gone
        assertThat(h.client.keyspace().memoryUsage() - base).isLessThan(2000);
    }

    @Test
    void copyIsDeepAndKeepsGroups() {
        h.run("XADD", "s", "1-1", "f", "v");
        h.run("XADD", "s", "2-1", "f", "w");
        h.run("XGROUP", "CREATE", "s", "g", "0");
        h.run("XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", "s", ">");
        assertThat(h.run("COPY", "s", "d")).isEqualTo(":1\r\n");
        h.run("XADD", "s", "3-1", "f", "x");
        h.run("XACK", "s", "g", "1-1");
        assertThat(h.run("XLEN", "d")).isEqualTo(":2\r\n");
        assertThat(h.run("XRANGE", "d", "-", "+")).isEqualTo(
                "*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nf\r\n$1\r\nw\r\n");
        assertThat(h.run("XPENDING", "d", "g")).isEqualTo("*4\r\n:1\r\n$3\r\n1-1\r\n$3\r\n1-1\r\n*1\r\n*2\r\n$1\r\nc\r\n$1\r\n1\r\n");
        assertThat(h.run("XADD", "d", "2-1", "f", "v")).startsWith("-ERR The ID specified in XADD is equal or smaller");
        assertThat(h.run("TYPE", "d")).isEqualTo("+stream\r\n");
    }
}
