package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZRANGESTORE (ZrangeCommand in its store form) in every ZRANGE form, replies as real Redis 7.0 sends them. */
class ZrangestoreTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void rangestoreEveryForm() {
        h.run("zadd", "za", "1", "a", "2", "b", "3", "c", "4", "d");
        h.run("set", "dst", "str");
        assertThat(h.run("zrangestore", "dst", "za", "0", "-1")).isEqualTo(":4\r\n");
        assertThat(h.run("type", "dst")).isEqualTo("+zset\r\n");
        assertThat(h.run("zrange", "dst", "0", "-1", "withscores")).isEqualTo("*8\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "(1", "+inf", "byscore", "limit", "1", "2")).isEqualTo(":2\r\n");
        assertThat(h.run("zrange", "dst", "0", "-1", "withscores")).isEqualTo("*4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "[b", "+", "bylex", "limit", "0", "1")).isEqualTo(":1\r\n");
        assertThat(h.run("zrange", "dst", "0", "-1", "withscores")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "3", "1", "byscore", "rev")).isEqualTo(":3\r\n");
        assertThat(h.run("zrange", "dst", "0", "-1", "withscores")).isEqualTo("*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "0", "1", "rev")).isEqualTo(":2\r\n");
        assertThat(h.run("zrange", "dst", "0", "-1", "withscores")).isEqualTo("*4\r\n$1\r\nc\r\n$1\r\n3\r\n$1\r\nd\r\n$1\r\n4\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "5", "6")).isEqualTo(":0\r\n");
        assertThat(h.run("exists", "dst")).isEqualTo(":0\r\n");
    }

    @Test
    void rangestoreErrors() {
        h.run("zadd", "za", "1", "a");
        h.run("set", "str", "x");
        assertThat(h.run("zrangestore", "dst", "za", "0", "-1", "withscores")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "0", "-1", "limit", "0", "1")).isEqualTo("-ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "0", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "x", "1", "byscore")).isEqualTo("-ERR min or max is not a float\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "x", "1", "bylex")).isEqualTo("-ERR min or max not valid string range item\r\n");
        assertThat(h.run("zrangestore", "dst", "str", "0", "-1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("zrangestore", "dst", "missing", "0", "-1")).isEqualTo(":0\r\n");
        assertThat(h.run("zrangestore", "dst", "za", "0")).isEqualTo("-ERR wrong number of arguments for 'zrangestore' command\r\n");
    }

}
