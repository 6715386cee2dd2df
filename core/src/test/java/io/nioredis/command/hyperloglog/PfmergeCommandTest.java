package io.nioredis.command.hyperloglog;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * PFMERGE and PFDEBUG.
 * Expected replies are redis-server 7.0.15's bytes for the same commands.
 */
class PfmergeCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void mergesIntoTheDestination() {
        h.run("PFADD", "a", "1", "2", "3");
        h.run("PFADD", "b", "3", "4", "5", "6");
        assertThat(h.run("PFMERGE", "dest", "a", "b", "missing")).isEqualTo("+OK\r\n");
        assertThat(h.run("PFCOUNT", "dest")).isEqualTo(":6\r\n");
        assertThat(h.run("GET", "dest")).isEqualTo("$36\r\nHYLL\u0001\u0000\u0000\u0000\u0006\u0000\u0000\u0000\u0000\u0000\u0000\u0000A\u00ee\u0084H#\u0080SQ\u0080Mt\u0080Q,\u008c@\u00cf\u0084C\"\r\n");
        assertThat(h.run("PFMERGE", "a", "b")).isEqualTo("+OK\r\n");
        assertThat(h.run("PFCOUNT", "a")).isEqualTo(":6\r\n");
        assertThat(h.run("PFMERGE", "only")).isEqualTo("+OK\r\n");
        assertThat(h.run("GET", "only")).isEqualTo("$18\r\nHYLL\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080\u007f\u00ff\r\n");
    }

    @Test
    void staysSparseUnlessASourceIsDense() {
        h.run(withElements(new String[] {"PFADD", "big"}, "e", 3000));
        h.run("PFADD", "small", "x", "y");
        assertThat(h.run("PFMERGE", "m1", "small")).isEqualTo("+OK\r\n");
        assertThat(h.run("PFDEBUG", "ENCODING", "m1")).isEqualTo("+sparse\r\n");
        assertThat(h.run("PFMERGE", "m2", "small", "big")).isEqualTo("+OK\r\n");
        assertThat(h.run("PFDEBUG", "ENCODING", "m2")).isEqualTo("+dense\r\n");
        assertThat(h.run("PFCOUNT", "m2")).isEqualTo(":2982\r\n");
    }

    @Test
    void refusals() {
        h.run("SET", "s", "hello");
        assertThat(h.run("PFMERGE", "s", "a")).isEqualTo("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n");
        assertThat(h.run("PFMERGE", "d", "s")).isEqualTo("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n");
        assertThat(h.run("EXISTS", "d")).isEqualTo(":0\r\n");
        h.run("LPUSH", "l", "x");
        assertThat(h.run("PFMERGE", "d", "l")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void debugViews() {
        h.run("PFADD", "h", "a", "b", "c");
        assertThat(h.run("PFDEBUG", "ENCODING", "h")).isEqualTo("+sparse\r\n");
        assertThat(h.run("PFDEBUG", "DECODE", "h")).isEqualTo("$44\r\nZ:8436 v:1,1 Z:4274 v:2,1 Z:3068 v:1,1 Z:603\r\n");
        assertThat(h.run("PFDEBUG", "TODENSE", "h")).isEqualTo(":1\r\n");
        assertThat(h.run("PFDEBUG", "TODENSE", "h")).isEqualTo(":0\r\n");
        assertThat(h.run("PFDEBUG", "ENCODING", "h")).isEqualTo("+dense\r\n");
        assertThat(h.run("PFDEBUG", "DECODE", "h")).isEqualTo("-ERR HLL encoding is not sparse\r\n");
        assertThat(h.run("PFCOUNT", "h")).isEqualTo(":3\r\n");
        assertThat(h.run("PFDEBUG", "FOO", "h")).isEqualTo("-ERR Unknown PFDEBUG subcommand 'FOO'\r\n");
        assertThat(h.run("PFDEBUG", "FOO", "missing")).isEqualTo("-ERR The specified key does not exist\r\n");
        assertThat(h.run("PFDEBUG", "ENCODING", "missing")).isEqualTo("-ERR The specified key does not exist\r\n");
        h.run("SET", "s", "hello");
        assertThat(h.run("PFDEBUG", "ENCODING", "s")).isEqualTo("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n");
    }

    /** The command followed by elements prefix0, prefix1, ... prefix(count - 1). */
    private static String[] withElements(String[] command, String prefix, int count) {
        String[] out = java.util.Arrays.copyOf(command, command.length + count);
        for (int i = 0; i < count; i++) {
            out[command.length + i] = prefix + i;
        }
        return out;
    }
}
