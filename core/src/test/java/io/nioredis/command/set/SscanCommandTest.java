package io.nioredis.command.set;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SscanCommand replies, each expected value as real Redis 7.0 sends it. */
class SscanCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void missingKeyAndErrors() {
        h.run("SADD", "s", "a");
        h.run("SET", "str", "x");
        assertThat(h.run("SSCAN", "nokey", "0")).isEqualTo("*2\r\n$1\r\n0\r\n*0\r\n");
        assertThat(h.run("SSCAN", "s", "x")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(h.run("SSCAN", "s", "18446744073709551616")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(h.run("SSCAN", "s", " 0")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(h.run("SSCAN", "s", "0", "COUNT", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("SSCAN", "s", "0", "COUNT", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("SSCAN", "s", "0", "TYPE", "string")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("SSCAN", "s", "0", "MATCH")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("SSCAN", "str", "x")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(h.run("SSCAN", "str", "0", "COUNT", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void oneMember() {
        h.run("SADD", "s", "abc");
        assertThat(h.run("SSCAN", "s", "0")).isEqualTo("*2\r\n$1\r\n0\r\n*1\r\n$3\r\nabc\r\n");
        assertThat(h.run("SSCAN", "s", "", "COUNT", "5")).isEqualTo("*2\r\n$1\r\n0\r\n*1\r\n$3\r\nabc\r\n");
        assertThat(h.run("SSCAN", "s", "0", "MATCH", "a*")).isEqualTo("*2\r\n$1\r\n0\r\n*1\r\n$3\r\nabc\r\n");
        assertThat(h.run("SSCAN", "s", "0", "MATCH", "x*")).isEqualTo("*2\r\n$1\r\n0\r\n*0\r\n");
    }

    @Test
    void everyMemberSeenOnceTheCursorReturnsToZero() {
        java.util.Set<String> expected = new java.util.HashSet<>();
        for (int i = 0; i < 500; i++) {
            h.run("SADD", "big", "e" + i);
            expected.add("e" + i);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = "0";
        int calls = 0;
        do {
            String reply = h.run("SSCAN", "big", cursor, "MATCH", "e*", "COUNT", "25");
            String[] lines = reply.split("\r\n");
            cursor = lines[2];
            for (int i = 5; i < lines.length; i += 2) { // [*2, $n, cursor, *k, $n, member ...]
                seen.add(lines[i]);
            }
            calls++;
        } while (!cursor.equals("0") && calls < 1000);
        assertThat(calls).isGreaterThan(1);
        assertThat(seen).isEqualTo(expected);
    }
}
