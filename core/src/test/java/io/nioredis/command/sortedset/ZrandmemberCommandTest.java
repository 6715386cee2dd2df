package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZRANDMEMBER replies that do not depend on chance, as real Redis 7.0 sends them. */
class ZrandmemberCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void wholeSetFromTheTop() {
        h.run("zadd", "za", "1", "a", "2", "b", "3", "c");
        assertThat(h.run("zrandmember", "za", "3")).isEqualTo("*3\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n");
        assertThat(h.run("zrandmember", "za", "5", "withscores")).isEqualTo("*6\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("zrandmember", "za", "0")).isEqualTo("*0\r\n");
        assertThat(h.run("zrandmember", "missing")).isEqualTo("$-1\r\n");
        assertThat(h.run("zrandmember", "missing", "3")).isEqualTo("*0\r\n");
        assertThat(h.run("zrandmember", "missing", "3", "withscores")).isEqualTo("*0\r\n");
    }

    @Test
    void argumentErrors() {
        h.run("zadd", "za", "1", "a");
        h.run("set", "str", "x");
        assertThat(h.run("zrandmember", "za", "3", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zrandmember", "za", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("zrandmember", "za", "1", "withscores", "x")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zrandmember", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("zrandmember", "str", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("zrandmember", "za", "9223372036854775807", "withscores")).isEqualTo("-ERR value is out of range\r\n");
        assertThat(h.run("zrandmember", "za", "4611686018427387904", "withscores")).isEqualTo("-ERR value is out of range\r\n");
        assertThat(h.run("zrandmember", "za", "-9223372036854775808")).isEqualTo("-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n");
    }

    @Test
    void repetitionWithNegativeCount() {
        h.run("zadd", "za", "7", "only");
        assertThat(h.run("zrandmember", "za", "-3")).isEqualTo("*3\r\n$4\r\nonly\r\n$4\r\nonly\r\n$4\r\nonly\r\n");
        assertThat(h.run("zrandmember", "za", "-2", "withscores")).isEqualTo("*4\r\n$4\r\nonly\r\n$1\r\n7\r\n$4\r\nonly\r\n$1\r\n7\r\n");
        assertThat(h.run("zrandmember", "za")).isEqualTo("$4\r\nonly\r\n");
        assertThat(h.run("zrandmember", "za", "1", "withscores")).isEqualTo("*2\r\n$4\r\nonly\r\n$1\r\n7\r\n");
    }


    @Test
    void fewerThanTheSetAreDistinctMembers() {
        for (int i = 0; i < 50; i++) {
            h.run("zadd", "za", Integer.toString(i), "m" + i);
        }
        for (int round = 0; round < 20; round++) {
            String reply = h.run("zrandmember", "za", "10", "withscores");
            assertThat(reply).startsWith("*20\r\n");
            java.util.Set<String> members = new java.util.HashSet<>();
            String[] lines = reply.split("\r\n");
            for (int i = 2; i < lines.length; i += 4) {
                members.add(lines[i]);
                int score = Integer.parseInt(lines[i + 2]);
                assertThat(lines[i]).isEqualTo("m" + score);
            }
            assertThat(members).hasSize(10);
        }
    }
}
