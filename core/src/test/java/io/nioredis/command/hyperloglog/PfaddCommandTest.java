package io.nioredis.command.hyperloglog;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * PFADD and PFCOUNT on HLL strings in Redis's own bytes.
 * Expected replies are redis-server 7.0.15's bytes for the same commands.
 */
class PfaddCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void addsAndCounts() {
        assertThat(h.run("PFADD", "h", "a", "b", "c", "d", "e", "f", "g")).isEqualTo(":1\r\n");
        assertThat(h.run("PFCOUNT", "h")).isEqualTo(":7\r\n");
        assertThat(h.run("GET", "h")).isEqualTo("$38\r\nHYLL\u0001\u0000\u0000\u0000\u0007\u0000\u0000\u0000\u0000\u0000\u0000\u0000Fm\u0080V\u000c\u0080D<\u00848\u0080P\u00b1\u0084I\u008c\u0080Bm\u0080BZ\r\n");
        assertThat(h.run("PFADD", "h", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("PFADD", "h")).isEqualTo(":0\r\n");
        assertThat(h.run("PFCOUNT", "h")).isEqualTo(":7\r\n");
        assertThat(h.run("GET", "h")).isEqualTo("$38\r\nHYLL\u0001\u0000\u0000\u0000\u0007\u0000\u0000\u0000\u0000\u0000\u0000\u0000Fm\u0080V\u000c\u0080D<\u00848\u0080P\u00b1\u0084I\u008c\u0080Bm\u0080BZ\r\n");
        assertThat(h.run("PFADD", "h2")).isEqualTo(":1\r\n");
        assertThat(h.run("GET", "h2")).isEqualTo("$18\r\nHYLL\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080\u007f\u00ff\r\n");
        assertThat(h.run("PFCOUNT", "missing")).isEqualTo(":0\r\n");
    }

    @Test
    void countsSeveralKeysAsTheirUnion() {
        h.run("PFADD", "h", "a", "b", "c");
        h.run("PFADD", "h2", "c", "d", "e");
        assertThat(h.run("PFCOUNT", "h", "h2", "missing")).isEqualTo(":5\r\n");
        assertThat(h.run("PFCOUNT", "missing", "missing2")).isEqualTo(":0\r\n");
        assertThat(h.run("GET", "h")).isEqualTo("$27\r\nHYLL\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080`\u00f3\u0080P\u00b1\u0084K\u00fb\u0080BZ\r\n");
    }

    @Test
    void growsFromSparseToDense() {
        assertThat(h.run(withElements(new String[] {"PFADD", "big"}, "e", 3000))).isEqualTo(":1\r\n");
        assertThat(h.run("PFCOUNT", "big")).isEqualTo(":2979\r\n");
        assertThat(h.run("STRLEN", "big")).isEqualTo(":12304\r\n");
        assertThat(h.run("PFADD", "big", "one-more")).isEqualTo(":1\r\n");
        assertThat(h.run("PFCOUNT", "big")).isEqualTo(":2980\r\n");
    }

    @Test
    void sparseLimitIsLive() {
        assertThat(h.run("CONFIG", "SET", "hll-sparse-max-bytes", "100")).isEqualTo("+OK\r\n");
        assertThat(h.run(withElements(new String[] {"PFADD", "small"}, "y", 60))).isEqualTo(":1\r\n");
        assertThat(h.run("STRLEN", "small")).isEqualTo(":12304\r\n");
        assertThat(h.run("PFDEBUG", "ENCODING", "small")).isEqualTo("+dense\r\n");
        assertThat(h.run("CONFIG", "SET", "hll-sparse-max-bytes", "3000")).isEqualTo("+OK\r\n");
    }

    @Test
    void refusesValuesThatAreNotHlls() {
        h.run("SET", "s", "hello");
        assertThat(h.run("PFADD", "s", "a")).isEqualTo("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n");
        assertThat(h.run("PFCOUNT", "s")).isEqualTo("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n");
        assertThat(h.run("PFCOUNT", "missing", "s")).isEqualTo("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n");
        h.run("SET", "fake", "HYLL\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000");
        assertThat(h.run("PFADD", "fake", "a")).isEqualTo("-WRONGTYPE Key is not a valid HyperLogLog string value.\r\n");
        h.run(latin1("SET", "corrupt", "HYLL\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0080\u007f\u0000"));
        assertThat(h.run("PFADD", "corrupt", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("PFCOUNT", "corrupt")).isEqualTo("-INVALIDOBJ Corrupted HLL object detected\r\n");
        assertThat(h.run("PFCOUNT", "corrupt", "missing")).isEqualTo("-INVALIDOBJ Corrupted HLL object detected\r\n");
        h.run("LPUSH", "l", "a");
        assertThat(h.run("PFADD", "l", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("PFCOUNT", "l")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("PFCOUNT", "l", "missing")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void pfcountRewritingTheCacheIsAModification() {
        h.run("PFADD", "h", "a", "b", "c");
        assertThat(h.run("WATCH", "h")).isEqualTo("+OK\r\n");
        assertThat(h.run("PFCOUNT", "h")).isEqualTo(":3\r\n");
        assertThat(h.run("MULTI")).isEqualTo("+OK\r\n");
        assertThat(h.run("PING")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("EXEC")).isEqualTo("*-1\r\n");
        assertThat(h.run("WATCH", "h")).isEqualTo("+OK\r\n");
        assertThat(h.run("PFCOUNT", "h")).isEqualTo(":3\r\n");
        assertThat(h.run("MULTI")).isEqualTo("+OK\r\n");
        assertThat(h.run("PING")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("EXEC")).isEqualTo("*1\r\n+PONG\r\n");
    }

    /** Arguments as single bytes per char, for values with bytes above 127. */
    private static byte[][] latin1(String... args) {
        byte[][] out = new byte[args.length][];
        for (int i = 0; i < args.length; i++) {
            out[i] = args[i].getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        return out;
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
