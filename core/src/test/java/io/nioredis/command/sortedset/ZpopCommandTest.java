package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZpopCommand replies, each expected value as real Redis 7.0 sends it. */
class ZpopCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void popsLowestAndHighest() {
        h.run("ZADD", "z", "1", "a", "2", "b", "3", "c", "4", "d");
        assertThat(h.run("ZPOPMIN", "z")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("ZPOPMAX", "z")).isEqualTo("*2\r\n$1\r\nd\r\n$1\r\n4\r\n");
        assertThat(h.run("ZPOPMIN", "z", "0")).isEqualTo("*0\r\n");
        assertThat(h.run("ZPOPMIN", "z", "5")).isEqualTo("*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("EXISTS", "z")).isEqualTo(":0\r\n");
        assertThat(h.run("ZPOPMIN", "z")).isEqualTo("*0\r\n");
        assertThat(h.run("ZPOPMIN", "z", "3")).isEqualTo("*0\r\n");
    }

    @Test
    void errors() {
        h.run("ZADD", "z", "1", "a");
        assertThat(h.run("ZPOPMIN", "z", "-1")).isEqualTo("-ERR value is out of range, must be positive\r\n");
        assertThat(h.run("ZPOPMIN", "z", "x")).isEqualTo("-ERR value is out of range, must be positive\r\n");
        assertThat(h.run("ZPOPMIN", "z", "1", "2")).isEqualTo("-ERR syntax error\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("ZPOPMIN", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZPOPMIN", "str", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZPOPMAX", "nokey", "-1")).isEqualTo("-ERR value is out of range, must be positive\r\n");
    }

    @Test
    void resp3() {
        h3.run("ZADD", "z", "1", "a", "2", "b", "3", "c");
        assertThat(h3.run("ZPOPMIN", "z")).isEqualTo("*2\r\n$1\r\na\r\n,1\r\n");
        assertThat(h3.run("ZPOPMIN", "z", "1")).isEqualTo("*1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
        assertThat(h3.run("ZPOPMAX", "z", "5")).isEqualTo("*1\r\n*2\r\n$1\r\nc\r\n,3\r\n");
        assertThat(h3.run("ZPOPMIN", "nokey")).isEqualTo("*0\r\n");
    }
}
