package io.nioredis.command.server;

import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/** MEMORY against Redis 7.0.15's replies where they do not depend on the allocator. */
class MemoryCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void usageParsesOptionsAsRedis() {
        h.run("SET", "a", "1");
        assertThat(h.run("MEMORY", "USAGE", "nokey")).isEqualTo(NIL);
        assertThat(h.run("MEMORY", "USAGE")).isEqualTo(error("ERR wrong number of arguments for 'memory|usage' command"));
        assertThat(h.run("MEMORY", "USAGE", "a", "samples")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("MEMORY", "USAGE", "a", "samples", "x")).isEqualTo(
                error("ERR value is not an integer or out of range"));
        assertThat(h.run("MEMORY", "USAGE", "a", "samples", "-1")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("MEMORY", "USAGE", "a", "foo", "1")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("MEMORY", "USAGE", "a", "SAMPLES", "0")).startsWith(":");
        assertThat(h.run("MEMORY", "USAGE", "a", "samples", "1", "samples", "2")).startsWith(":");
    }

    @Test
    void usageGrowsWithTheValue() {
        h.run("SET", "small", "x");
        h.run("SET", "large", "x".repeat(10_000));
        assertThat(usage("large") - usage("small")).isBetween(9_999L, 10_100L);
        h.run("RPUSH", "l", "a");
        long one = usage("l");
        for (int i = 0; i < 100; i++) {
            h.run("RPUSH", "l", "element-" + i);
        }
        assertThat(usage("l")).isGreaterThan(one + 100 * 10);
    }

    @Test
    void statsAddUp() {
        for (int i = 0; i < 100; i++) {
            h.run("SET", "k" + i, "value" + i);
        }
        h.run("EXPIRE", "k1", "100");
        String stats = h.run("MEMORY", "STATS");
        assertThat(stats).startsWith("*28\r\n$14\r\npeak.allocated\r\n:");
        assertThat(stats).contains("$4\r\ndb.0\r\n*6\r\n$23\r\noverhead.hashtable.main\r\n:");
        assertThat(stats).contains("$10\r\nkeys.count\r\n:100\r\n");
        long total = field(stats, "total.allocated");
        long overhead = field(stats, "overhead.total");
        assertThat(field(stats, "dataset.bytes")).isEqualTo(total - overhead);
        assertThat(field(stats, "peak.allocated")).isGreaterThanOrEqualTo(total);
    }

    @Test
    void doctorAndAllocatorAnswers() {
        assertThat(h.run("MEMORY", "DOCTOR")).isEqualTo(bulk("Hi Sam, this instance is empty or is using very little "
                + "memory, my issues detector can't be used in these conditions. Please, leave for your mission on "
                + "Earth and fill it with some data. The new Sam and I will be back to our programming as soon as I "
                + "finished rebooting.\n"));
        assertThat(h.run("MEMORY", "MALLOC-STATS")).isEqualTo(bulk("Stats not supported for the current allocator"));
        assertThat(h.run("MEMORY", "PURGE")).isEqualTo(OK);
        assertThat(h.run("MEMORY", "foo")).isEqualTo(error("ERR unknown subcommand 'foo'. Try MEMORY HELP."));
        assertThat(h.run("MEMORY", "HELP")).startsWith("*14\r\n+MEMORY <subcommand> [<arg> [value] [opt] ...]. "
                + "Subcommands are:\r\n+DOCTOR\r\n+    Return memory problems reports.\r\n");
    }

    @Test
    void timeIsTheServerClockInSecondsAndMicroseconds() {
        h.clock.set(1_700_000_123_456L);
        assertThat(h.run("TIME")).isEqualTo("*2\r\n$10\r\n1700000123\r\n$6\r\n456000\r\n");
    }

    private long usage(String key) {
        String reply = h.run("MEMORY", "USAGE", key);
        return Long.parseLong(reply.substring(1, reply.length() - 2));
    }

    private static long field(String reply, String name) {
        String marker = "$" + name.length() + "\r\n" + name + "\r\n:";
        int at = reply.indexOf(marker) + marker.length();
        return Long.parseLong(reply.substring(at, reply.indexOf('\r', at)));
    }
}
