package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZscanCommand replies, each expected value as real Redis 7.0 sends it. */
class ZscanCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void smallSetWholeInScoreOrder() {
        h.run("ZADD", "z", "3", "c", "1", "a", "0.1", "b", "123456789012345678", "e", "-0", "m", "1e20", "f");
        assertThat(h.run("ZSCAN", "z", "0")).isEqualTo("*2\r\n$1\r\n0\r\n*12\r\n$1\r\nm\r\n$1\r\n0\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\ne\r\n$18\r\n123456789012345680\r\n$1\r\nf\r\n$5\r\n1e+20\r\n");
        assertThat(h.run("ZSCAN", "z", "0", "MATCH", "[a-c]")).isEqualTo("*2\r\n$1\r\n0\r\n*6\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("ZSCAN", "z", "0", "COUNT", "1")).isEqualTo("*2\r\n$1\r\n0\r\n*12\r\n$1\r\nm\r\n$1\r\n0\r\n$1\r\nb\r\n$19\r\n0.10000000000000001\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\ne\r\n$18\r\n123456789012345680\r\n$1\r\nf\r\n$5\r\n1e+20\r\n");
    }

    @Test
    void errors() {
        h.run("ZADD", "z", "1", "a");
        h.run("SET", "str", "x");
        assertThat(h.run("ZSCAN", "nokey", "0")).isEqualTo("*2\r\n$1\r\n0\r\n*0\r\n");
        assertThat(h.run("ZSCAN", "z", "x")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(h.run("ZSCAN", "z", "0", "COUNT", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("ZSCAN", "z", "0", "COUNT", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("ZSCAN", "str", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZSCAN", "str", "x")).isEqualTo("-ERR invalid cursor\r\n");
    }

    @Test
    void resp3ScoresStayBulk() {
        h3.run("ZADD", "z", "1.5", "a");
        assertThat(h3.run("ZSCAN", "z", "0")).isEqualTo("*2\r\n$1\r\n0\r\n*2\r\n$1\r\na\r\n$3\r\n1.5\r\n");
    }

    @Test
    void largeSetIsScannedWithCursorUntilZero() {
        // Past 128 members Redis leaves the listpack and ZSCAN pages through its dict, as here.
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < 300; i++) {
            h.run("ZADD", "big", Integer.toString(i), "m" + i);
            expected.add("m" + i + "=" + i);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = "0";
        int calls = 0;
        do {
            String reply = h.run("ZSCAN", "big", cursor, "COUNT", "20");
            String[] lines = reply.split("\r\n");
            cursor = lines[2];
            for (int i = 5; i + 2 < lines.length; i += 4) { // [*2, $n, cursor, *k, $n, member, $n, score ...]
                seen.add(lines[i] + "=" + lines[i + 2]);
            }
            calls++;
        } while (!cursor.equals("0") && calls < 1000);
        assertThat(calls).isGreaterThan(1);
        assertThat(seen).isEqualTo(expected);
    }
}
