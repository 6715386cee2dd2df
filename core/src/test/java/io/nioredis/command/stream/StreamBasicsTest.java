package io.nioredis.command.stream;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated from a session with Redis 7.0.15: every expected reply is the bytes Redis sent. */
class StreamBasicsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void addAndRange() {
        assertThat(h.run("XADD", "s", "1-1", "a", "1", "b", "2")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(h.run("XADD", "s", "1-2", "a", "3", "b", "4")).isEqualTo("$3\r\n1-2\r\n");
        assertThat(h.run("XADD", "s", "2-*", "c", "x")).isEqualTo("$3\r\n2-0\r\n");
        assertThat(h.run("XADD", "s", "2-*", "c", "y")).isEqualTo("$3\r\n2-1\r\n");
        assertThat(h.run("XADD", "s", "5", "f", "v")).isEqualTo("$3\r\n5-0\r\n");
        assertThat(h.run("XADD", "s", "1-1", "f", "v")).isEqualTo("-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n");
        assertThat(h.run("XADD", "s", "0-0", "f", "v")).isEqualTo("-ERR The ID specified in XADD must be greater than 0-0\r\n");
        assertThat(h.run("XADD", "s", "0", "f", "v")).isEqualTo("-ERR The ID specified in XADD must be greater than 0-0\r\n");
        assertThat(h.run("XADD", "t", "0-0", "f", "v")).isEqualTo("-ERR The ID specified in XADD must be greater than 0-0\r\n");
        assertThat(h.run("EXISTS", "t")).isEqualTo(":0\r\n");
        assertThat(h.run("XADD", "s", "6-1", "f")).isEqualTo("-ERR wrong number of arguments for 'xadd' command\r\n");
        assertThat(h.run("XADD", "s", "6-1")).isEqualTo("-ERR wrong number of arguments for 'xadd' command\r\n");
        assertThat(h.run("XADD", "s", "abc", "f", "v")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XADD", "s", "6-1", "f", "v", "g")).isEqualTo("-ERR wrong number of arguments for 'xadd' command\r\n");
        assertThat(h.run("XLEN", "s")).isEqualTo(":5\r\n");
        assertThat(h.run("XLEN", "missing")).isEqualTo(":0\r\n");
        assertThat(h.run("TYPE", "s")).isEqualTo("+stream\r\n");
        assertThat(h.run("OBJECT", "ENCODING", "s")).isEqualTo("$6\r\nstream\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+")).isEqualTo("*5\r\n*2\r\n$3\r\n1-1\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n1-2\r\n*4\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n4\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nc\r\n$1\r\nx\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nc\r\n$1\r\ny\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(h.run("XRANGE", "s", "1", "1")).isEqualTo("*2\r\n*2\r\n$3\r\n1-1\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n1-2\r\n*4\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n4\r\n");
        assertThat(h.run("XRANGE", "s", "(1-1", "+")).isEqualTo("*4\r\n*2\r\n$3\r\n1-2\r\n*4\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n4\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nc\r\n$1\r\nx\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nc\r\n$1\r\ny\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(h.run("XRANGE", "s", "-", "(2-1")).isEqualTo("*3\r\n*2\r\n$3\r\n1-1\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n1-2\r\n*4\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n4\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nc\r\n$1\r\nx\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+", "COUNT", "2")).isEqualTo("*2\r\n*2\r\n$3\r\n1-1\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n*2\r\n$3\r\n1-2\r\n*4\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n4\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+", "COUNT", "0")).isEqualTo("*-1\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+", "COUNT", "-3")).isEqualTo("*-1\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+", "COUNT")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+", "LIMIT", "2")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+", "COUNT", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("XRANGE", "s", "(+", "+")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XRANGE", "s", "-", "(-")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XRANGE", "s", "(", "+")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XRANGE", "s", "x", "+")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XRANGE", "s", "3", "2")).isEqualTo("*0\r\n");
        assertThat(h.run("XRANGE", "missing", "-", "+")).isEqualTo("*0\r\n");
        assertThat(h.run("XREVRANGE", "s", "+", "-")).isEqualTo("*5\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nc\r\n$1\r\ny\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nc\r\n$1\r\nx\r\n*2\r\n$3\r\n1-2\r\n*4\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n4\r\n*2\r\n$3\r\n1-1\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(h.run("XREVRANGE", "s", "+", "-", "COUNT", "1")).isEqualTo("*1\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(h.run("XREVRANGE", "s", "(5", "(1-1")).isEqualTo("*4\r\n*2\r\n$3\r\n5-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nc\r\n$1\r\ny\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nc\r\n$1\r\nx\r\n*2\r\n$3\r\n1-2\r\n*4\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n4\r\n");
        assertThat(h.run("XREVRANGE", "s", "-", "+")).isEqualTo("*0\r\n");
        assertThat(h.run("XRANGE", "s", "18446744073709551615", "+")).isEqualTo("*0\r\n");
        assertThat(h.run("XRANGE", "s", "18446744073709551616", "+")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XRANGE", "s", "-1", "+")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("SET", "str", "v")).isEqualTo("+OK\r\n");
        assertThat(h.run("XRANGE", "str", "-", "+")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("XLEN", "str")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("XADD", "str", "*", "f", "v")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

    @Test
    void noMkStreamAndTrim() {
        assertThat(h.run("XADD", "s", "NOMKSTREAM", "1-1", "f", "v")).isEqualTo("$-1\r\n");
        assertThat(h.run("EXISTS", "s")).isEqualTo(":0\r\n");
        assertThat(h.run("XADD", "s", "1-1", "f", "v")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(h.run("XADD", "s", "NOMKSTREAM", "2-1", "f", "v")).isEqualTo("$3\r\n2-1\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "2", "3-1", "f", "v")).isEqualTo("$3\r\n3-1\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "=", "1", "4-1", "f", "v")).isEqualTo("$3\r\n4-1\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+")).isEqualTo("*1\r\n*2\r\n$3\r\n4-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "~", "1", "5-1", "f", "v")).isEqualTo("$3\r\n5-1\r\n");
        assertThat(h.run("XLEN", "s")).isEqualTo(":2\r\n");
        assertThat(h.run("XADD", "s", "MINID", "5", "6-1", "f", "v")).isEqualTo("$3\r\n6-1\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+")).isEqualTo("*2\r\n*2\r\n$3\r\n5-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n6-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "-1", "7-1", "f", "v")).isEqualTo("-ERR The MAXLEN argument must be >= 0.\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "x", "7-1", "f", "v")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "1", "MINID", "1", "7-1", "f", "v")).isEqualTo("-ERR syntax error, MAXLEN and MINID options at the same time are not compatible\r\n");
        assertThat(h.run("XADD", "s", "LIMIT", "5", "7-1", "f", "v")).isEqualTo("-ERR syntax error, LIMIT cannot be used without specifying a trimming strategy\r\n");
        assertThat(h.run("XADD", "s", "LIMIT", "0", "7-1", "f", "v")).isEqualTo("-ERR syntax error, LIMIT cannot be used without the special ~ option\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "1", "LIMIT", "5", "8-1", "f", "v")).isEqualTo("-ERR syntax error, LIMIT cannot be used without the special ~ option\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "~", "1", "LIMIT", "5", "9-1", "f", "v")).isEqualTo("$3\r\n9-1\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "~", "1", "LIMIT", "-5", "9-1", "f", "v")).isEqualTo("-ERR The LIMIT argument must be >= 0.\r\n");
        assertThat(h.run("XADD", "s", "MINID", "x", "9-1", "f", "v")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XADD", "s", "MINID", "~", "9", "LIMIT", "0", "10-1", "f", "v")).isEqualTo("$4\r\n10-1\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN")).isEqualTo("-ERR wrong number of arguments for 'xadd' command\r\n");
        assertThat(h.run("XADD", "s", "MAXLEN", "5")).isEqualTo("-ERR wrong number of arguments for 'xadd' command\r\n");
        assertThat(h.run("XADD", "s", "NOMKSTREAM")).isEqualTo("-ERR wrong number of arguments for 'xadd' command\r\n");
        assertThat(h.run("XLEN", "s")).isEqualTo(":4\r\n");
        assertThat(h.run("XTRIM", "s", "MAXLEN", "1")).isEqualTo(":3\r\n");
        assertThat(h.run("XTRIM", "s", "MAXLEN", "0")).isEqualTo(":1\r\n");
        assertThat(h.run("XLEN", "s")).isEqualTo(":0\r\n");
        assertThat(h.run("EXISTS", "s")).isEqualTo(":1\r\n");
        assertThat(h.run("XTRIM", "s")).isEqualTo("-ERR wrong number of arguments for 'xtrim' command\r\n");
        assertThat(h.run("XTRIM", "s", "FOO", "1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("XTRIM", "s", "LIMIT", "5")).isEqualTo("-ERR syntax error, LIMIT cannot be used without specifying a trimming strategy\r\n");
        assertThat(h.run("XTRIM", "missing", "MAXLEN", "0")).isEqualTo(":0\r\n");
        assertThat(h.run("XTRIM", "missing", "FOO")).isEqualTo("-ERR wrong number of arguments for 'xtrim' command\r\n");
        assertThat(h.run("XTRIM", "s", "MINID", "~", "0")).isEqualTo(":0\r\n");
        assertThat(h.run("XTRIM", "s", "MAXLEN", "1", "LIMIT", "2")).isEqualTo("-ERR syntax error, LIMIT cannot be used without the special ~ option\r\n");
    }

    @Test
    void deleting() {
        assertThat(h.run("XADD", "s", "1-1", "f", "v")).isEqualTo("$3\r\n1-1\r\n");
        assertThat(h.run("XADD", "s", "2-1", "f", "v")).isEqualTo("$3\r\n2-1\r\n");
        assertThat(h.run("XADD", "s", "3-1", "f", "v")).isEqualTo("$3\r\n3-1\r\n");
        assertThat(h.run("XDEL", "s", "2-1", "9-9")).isEqualTo(":1\r\n");
        assertThat(h.run("XDEL", "s", "2-1")).isEqualTo(":0\r\n");
        assertThat(h.run("XDEL", "s", "1-1", "x")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("XRANGE", "s", "-", "+")).isEqualTo("*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(h.run("XDEL", "missing", "1-1")).isEqualTo(":0\r\n");
        assertThat(h.run("XDEL", "s", "1", "3")).isEqualTo(":0\r\n");
        assertThat(h.run("XLEN", "s")).isEqualTo(":2\r\n");
        assertThat(h.run("EXISTS", "s")).isEqualTo(":1\r\n");
        assertThat(h.run("XADD", "s", "2-1", "f", "v")).isEqualTo("-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n");
        assertThat(h.run("XADD", "s", "4-1", "f", "v")).isEqualTo("$3\r\n4-1\r\n");
        assertThat(h.run("XDEL", "s", "+")).isEqualTo("-ERR Invalid stream ID specified as stream command argument\r\n");
        assertThat(h.run("SET", "str", "v")).isEqualTo("+OK\r\n");
        assertThat(h.run("XDEL", "str", "1-1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("XTRIM", "str", "MAXLEN", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
    }

}
