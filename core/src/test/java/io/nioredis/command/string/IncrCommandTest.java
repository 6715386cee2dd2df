package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;


import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class IncrCommandTest {
    private static final String NOT_INTEGER = error("ERR value is not an integer or out of range");
    private final CommandHarness h = new CommandHarness();

    @Test
    void countsUpAndDown() {
        h.run("SET", "n", "10");
        assertThat(h.run("INCR", "n")).isEqualTo(integer(11));
        assertThat(h.run("INCRBY", "n", "90")).isEqualTo(integer(101));
        assertThat(h.run("DECR", "n")).isEqualTo(integer(100));
        assertThat(h.run("DECRBY", "n", "1000")).isEqualTo(integer(-900));
        assertThat(h.run("GET", "n")).isEqualTo(bulk("-900"));
    }

    @Test
    void missingKeyCountsFromZero() {
        assertThat(h.run("INCR", "a")).isEqualTo(integer(1));
        assertThat(h.run("DECR", "b")).isEqualTo(integer(-1));
        assertThat(h.run("INCRBY", "c", "-5")).isEqualTo(integer(-5));
        assertThat(h.run("GET", "c")).isEqualTo(bulk("-5"));
    }

    @Test
    void refusesWhatIsNotAStrictInteger() {
        for (String v : new String[] {"abc", " 1", "01", "+1", "", "1.0", "9223372036854775808"}) {
            h.run("SET", "s", v);
            assertThat(h.run("INCR", "s")).as(v).isEqualTo(NOT_INTEGER);
            assertThat(h.run("GET", "s")).isEqualTo(bulk(v));
        }
        assertThat(h.run("INCRBY", "n", "x")).isEqualTo(NOT_INTEGER);
        assertThat(h.run("EXISTS", "n")).isEqualTo(integer(0));
    }

    @Test
    void overflowIsAnErrorAndChangesNothing() {
        h.run("SET", "m", "9223372036854775807");
        assertThat(h.run("INCR", "m")).isEqualTo(error("ERR increment or decrement would overflow"));
        h.run("SET", "m", "-9223372036854775808");
        assertThat(h.run("DECR", "m")).isEqualTo(error("ERR increment or decrement would overflow"));
        assertThat(h.run("GET", "m")).isEqualTo(bulk("-9223372036854775808"));
        assertThat(h.run("DECRBY", "m", "-9223372036854775808")).isEqualTo(error("ERR decrement would overflow"));
        assertThat(h.run("INCRBY", "z", "-9223372036854775808")).isEqualTo(integer(Long.MIN_VALUE));
    }

    @Test
    void keepsTheTtlAndWorksInPlaceAcrossDigitCounts() {
        h.run("SET", "n", "9", "PX", "5000");
        long before = place("n");
        assertThat(h.run("INCR", "n")).isEqualTo(integer(10));
        assertThat(place("n")).as("a digit more, the same chunk").isEqualTo(before);
        h.run("SET", "n", "99999", "KEEPTTL"); // 1 + 1 + 1 + 5 bytes: a full 8-byte chunk
        long full = place("n");
        assertThat(h.run("INCR", "n")).isEqualTo(integer(100000));
        long after = place("n");
        assertThat(after).as("outgrew its chunk").isNotEqualTo(full);
        assertThat(h.run("INCR", "n")).isEqualTo(integer(100001));
        assertThat(place("n")).isEqualTo(after);
        assertThat(h.run("PTTL", "n")).isEqualTo(integer(5000));
        assertThat(h.run("DECRBY", "n", "100011")).isEqualTo(integer(-10));
        assertThat(h.run("GET", "n")).isEqualTo(bulk("-10"));
    }

    /** Where the key's string entry is: its array's identity and its base. */
    private long place(String key) {
        int slot = slot(key);
        return (long) System.identityHashCode(h.client.keyspace().stringArray(slot)) << 32
                | h.client.keyspace().stringBase(slot);
    }

    @Test
    void wrongType() {
        h.run("RPUSH", "l", "a");
        assertThat(h.run("INCR", "l"))
                .isEqualTo(error("WRONGTYPE Operation against a key holding the wrong kind of value"));
        assertThat(h.run("SET", "k", "1")).isEqualTo(OK);
    }

    @Test
    void countingWithinTheSameNumberOfDigitsAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        h.run("SET", "n", "1000000");
        // A call the OS happens to stall for 10 ms is rightly slow-logged, and that entry is allocated.
        h.run("CONFIG", "SET", "slowlog-log-slower-than", "-1");
        Request incr = Request.of("INCR", "n");
        Request incrby = Request.of("INCRBY", "n", "1");
        RespWriter out = new RespWriter(256);
        for (int i = 0; i < 200_000; i++) { // long enough for C2 to compile the path, whose escape analysis the test relies on
            out.reset();
            h.dispatcher.execute(h.client, i % 2 == 0 ? incr : incrby, out);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            out.reset();
            h.dispatcher.execute(h.client, i % 2 == 0 ? incr : incrby, out);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(h.run("GET", "n")).isEqualTo(bulk("1300000"));
        assertThat(allocated).as("bytes allocated by 100000 INCR/INCRBY").isLessThan(1024);
    }

    private int slot(String key) {
        return h.client.keyspace().lookup(key.getBytes(), 0, key.length());
    }
}
