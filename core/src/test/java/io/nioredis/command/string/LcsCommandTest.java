package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** LCS replies as real Redis 7.0 sends them, matches listed from the end of the strings. */
class LcsCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void subsequenceLengthAndMatches() {
        h.run("set", "k1", "ohmytext");
        h.run("set", "k2", "mynewtext");
        assertThat(h.run("lcs", "k1", "k2")).isEqualTo("$6\r\nmytext\r\n");
        assertThat(h.run("lcs", "k1", "k2", "len")).isEqualTo(":6\r\n");
        assertThat(h.run("lcs", "k1", "k2", "idx")).isEqualTo("*4\r\n$7\r\nmatches\r\n*2\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n$3\r\nlen\r\n:6\r\n");
        assertThat(h.run("lcs", "k1", "k2", "idx", "minmatchlen", "4")).isEqualTo("*4\r\n$7\r\nmatches\r\n*1\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n$3\r\nlen\r\n:6\r\n");
        assertThat(h.run("lcs", "k1", "k2", "idx", "withmatchlen")).isEqualTo("*4\r\n$7\r\nmatches\r\n*2\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n*3\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n:2\r\n$3\r\nlen\r\n:6\r\n");
        assertThat(h.run("lcs", "k1", "k2", "idx", "minmatchlen", "4", "withmatchlen")).isEqualTo("*4\r\n$7\r\nmatches\r\n*1\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n$3\r\nlen\r\n:6\r\n");
        assertThat(h.run("lcs", "k1", "k2", "minmatchlen", "-5", "IDX")).isEqualTo("*4\r\n$7\r\nmatches\r\n*2\r\n*2\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n*2\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n$3\r\nlen\r\n:6\r\n");
    }

    @Test
    void missingKeysAreEmpty() {
        h.run("set", "k1", "abc");
        assertThat(h.run("lcs", "k1", "missing")).isEqualTo("$0\r\n\r\n");
        assertThat(h.run("lcs", "missing", "missing2", "idx")).isEqualTo("*4\r\n$7\r\nmatches\r\n*0\r\n$3\r\nlen\r\n:0\r\n");
        assertThat(h.run("lcs", "missing", "k1", "len")).isEqualTo(":0\r\n");
    }

    @Test
    void matchesListedFromTheEnd() {
        h.run("set", "a", "ABCBDAB");
        h.run("set", "b", "BDCABA");
        assertThat(h.run("lcs", "a", "b")).isEqualTo("$4\r\nBDAB\r\n");
        assertThat(h.run("lcs", "a", "b", "idx", "withmatchlen")).isEqualTo("*4\r\n$7\r\nmatches\r\n*2\r\n*3\r\n*2\r\n:5\r\n:6\r\n*2\r\n:3\r\n:4\r\n:2\r\n*3\r\n*2\r\n:3\r\n:4\r\n*2\r\n:0\r\n:1\r\n:2\r\n$3\r\nlen\r\n:4\r\n");
        h.run("set", "c", "x\u0000y\u0000z");
        h.run("set", "d", "y\u0000z");
        assertThat(h.run("lcs", "c", "d", "idx")).isEqualTo("*4\r\n$7\r\nmatches\r\n*1\r\n*2\r\n*2\r\n:2\r\n:4\r\n*2\r\n:0\r\n:2\r\n$3\r\nlen\r\n:3\r\n");
    }

    @Test
    void errors() {
        h.run("set", "k1", "a");
        h.run("rpush", "l", "x");
        assertThat(h.run("lcs", "k1", "l")).isEqualTo("-ERR The specified keys must contain string values\r\n");
        assertThat(h.run("lcs", "l", "missing")).isEqualTo("-ERR The specified keys must contain string values\r\n");
        assertThat(h.run("lcs", "k1", "k1", "idx", "len")).isEqualTo("-ERR If you want both the length and indexes, please just use IDX.\r\n");
        assertThat(h.run("lcs", "k1", "k1", "minmatchlen", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("lcs", "k1", "k1", "minmatchlen")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("lcs", "k1", "k1", "foo")).isEqualTo("-ERR syntax error\r\n");
    }

    @Test
    void resp3MapForIdx() {
        h3.run("hello", "3");
        h3.run("set", "k1", "ohmytext");
        h3.run("set", "k2", "mynewtext");
        assertThat(h3.run("lcs", "k1", "k2", "idx", "minmatchlen", "2", "withmatchlen")).isEqualTo("%2\r\n$7\r\nmatches\r\n*2\r\n*3\r\n*2\r\n:4\r\n:7\r\n*2\r\n:5\r\n:8\r\n:4\r\n*3\r\n*2\r\n:2\r\n:3\r\n*2\r\n:0\r\n:1\r\n:2\r\n$3\r\nlen\r\n:6\r\n");
    }

}
