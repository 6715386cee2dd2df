package io.nioredis.command.list;

import io.nioredis.command.CommandHarness;

import io.nioredis.command.EventRecorder;

import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The list commands; expected replies are the bytes Redis 7.0 sends for the same commands. */
class ListCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void pushAndRange() {
        assertThat(h.run("RPUSH", "l", "a", "b", "c")).isEqualTo(":3\r\n");
        assertThat(h.run("LPUSH", "l", "z", "y")).isEqualTo(":5\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*5\r\n$1\r\ny\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("LLEN", "l")).isEqualTo(":5\r\n");
        assertThat(h.run("TYPE", "l")).isEqualTo("+list\r\n");
        assertThat(h.run("LRANGE", "l", "-100", "100")).isEqualTo("*5\r\n$1\r\ny\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("LRANGE", "l", "5", "2")).isEqualTo("*0\r\n");
        assertThat(h.run("LRANGE", "l", "-3", "-1")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("LRANGE", "l", "10", "20")).isEqualTo("*0\r\n");
        assertThat(h.run("LRANGE", "l", "9223372036854775807", "-9223372036854775808")).isEqualTo("*0\r\n");
        assertThat(h.run("LRANGE", "l", "-9223372036854775808", "9223372036854775807")).isEqualTo("*5\r\n$1\r\ny\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("LRANGE", "l", "a", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("LRANGE", "missing", "0", "-1")).isEqualTo("*0\r\n");
        assertThat(h.run("LLEN", "missing")).isEqualTo(":0\r\n");
    }

    @Test
    void pushxOnlyWhenTheListExists() {
        assertThat(h.run("LPUSHX", "l", "a", "b")).isEqualTo(":0\r\n");
        assertThat(h.run("RPUSHX", "l", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("EXISTS", "l")).isEqualTo(":0\r\n");
        assertThat(h.run("RPUSH", "l", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("LPUSHX", "l", "b", "c")).isEqualTo(":3\r\n");
        assertThat(h.run("RPUSHX", "l", "d", "e")).isEqualTo(":5\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*5\r\n$1\r\nc\r\n$1\r\nb\r\n$1\r\na\r\n$1\r\nd\r\n$1\r\ne\r\n");
    }

    @Test
    void popWithoutAndWithCount() {
        assertThat(h.run("RPUSH", "l", "a", "b", "c", "d", "e")).isEqualTo(":5\r\n");
        assertThat(h.run("LPOP", "l")).isEqualTo("$1\r\na\r\n");
        assertThat(h.run("RPOP", "l")).isEqualTo("$1\r\ne\r\n");
        assertThat(h.run("LPOP", "l", "0")).isEqualTo("*0\r\n");
        assertThat(h.run("LPOP", "l", "2")).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("RPOP", "l", "5")).isEqualTo("*1\r\n$1\r\nd\r\n");
        assertThat(h.run("EXISTS", "l")).isEqualTo(":0\r\n");
        assertThat(h.run("LPOP", "l")).isEqualTo("$-1\r\n");
        assertThat(h.run("LPOP", "l", "0")).isEqualTo("*-1\r\n");
        assertThat(h.run("LPOP", "l", "2")).isEqualTo("*-1\r\n");
        assertThat(h.run("RPOP", "l")).isEqualTo("$-1\r\n");
    }

    @Test
    void popCountErrors() {
        assertThat(h.run("RPUSH", "l", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("LPOP", "l", "-1")).isEqualTo("-ERR value is out of range, must be positive\r\n");
        assertThat(h.run("LPOP", "l", "abc")).isEqualTo("-ERR value is out of range, must be positive\r\n");
        assertThat(h.run("RPOP", "l", "1", "2")).isEqualTo("-ERR wrong number of arguments for 'rpop' command\r\n");
        assertThat(h.run("LLEN", "l")).isEqualTo(":1\r\n");
    }

    @Test
    void wrongTypeEverywhere() {
        assertThat(h.run("SET", "s", "x")).isEqualTo("+OK\r\n");
        assertThat(h.run("LPUSH", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("RPUSHX", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LPOP", "s")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("RPOP", "s", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LLEN", "s")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LRANGE", "s", "0", "-1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LINDEX", "s", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LSET", "s", "0", "x")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LREM", "s", "0", "x")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LTRIM", "s", "0", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LINSERT", "s", "BEFORE", "a", "b")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LPOS", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LMOVE", "s", "d", "LEFT", "LEFT")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("RPOPLPUSH", "s", "d")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("RPUSH", "l", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("LMOVE", "l", "s", "LEFT", "LEFT")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LLEN", "l")).isEqualTo(":1\r\n");
        assertThat(h.run("GET", "s")).isEqualTo("$1\r\nx\r\n");
    }

    @Test
    void lindexWithNegativeAndOutOfRangeIndexes() {
        assertThat(h.run("RPUSH", "l", "a", "b", "c")).isEqualTo(":3\r\n");
        assertThat(h.run("LINDEX", "l", "0")).isEqualTo("$1\r\na\r\n");
        assertThat(h.run("LINDEX", "l", "-1")).isEqualTo("$1\r\nc\r\n");
        assertThat(h.run("LINDEX", "l", "-3")).isEqualTo("$1\r\na\r\n");
        assertThat(h.run("LINDEX", "l", "-4")).isEqualTo("$-1\r\n");
        assertThat(h.run("LINDEX", "l", "3")).isEqualTo("$-1\r\n");
        assertThat(h.run("LINDEX", "l", "9223372036854775807")).isEqualTo("$-1\r\n");
        assertThat(h.run("LINDEX", "l", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("LINDEX", "missing", "x")).isEqualTo("$-1\r\n");
    }

    @Test
    void lset() {
        assertThat(h.run("LSET", "missing", "x", "v")).isEqualTo("-ERR no such key\r\n");
        assertThat(h.run("RPUSH", "l", "a", "b", "c")).isEqualTo(":3\r\n");
        assertThat(h.run("LSET", "l", "0", "x")).isEqualTo("+OK\r\n");
        assertThat(h.run("LSET", "l", "-1", "z")).isEqualTo("+OK\r\n");
        assertThat(h.run("LSET", "l", "3", "w")).isEqualTo("-ERR index out of range\r\n");
        assertThat(h.run("LSET", "l", "-4", "w")).isEqualTo("-ERR index out of range\r\n");
        assertThat(h.run("LSET", "l", "i", "w")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*3\r\n$1\r\nx\r\n$1\r\nb\r\n$1\r\nz\r\n");
    }

    @Test
    void lremFromHeadTailAndAll() {
        assertThat(h.run("RPUSH", "l", "1", "2", "3", "1", "2", "3", "1", "2", "3", "1")).isEqualTo(":10\r\n");
        assertThat(h.run("LREM", "l", "2", "1")).isEqualTo(":2\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*8\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n1\r\n");
        assertThat(h.run("LREM", "l", "-1", "3")).isEqualTo(":1\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*7\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n1\r\n");
        assertThat(h.run("LREM", "l", "0", "2")).isEqualTo(":3\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*4\r\n$1\r\n3\r\n$1\r\n3\r\n$1\r\n1\r\n$1\r\n1\r\n");
        assertThat(h.run("LREM", "l", "0", "nothing")).isEqualTo(":0\r\n");
        assertThat(h.run("LREM", "l", "-9223372036854775808", "1")).isEqualTo(":2\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*2\r\n$1\r\n3\r\n$1\r\n3\r\n");
        assertThat(h.run("LREM", "l", "x", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("LREM", "missing", "0", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("LREM", "l", "0", "3")).isEqualTo(":2\r\n");
        assertThat(h.run("EXISTS", "l")).isEqualTo(":0\r\n");
    }

    @Test
    void ltrim() {
        assertThat(h.run("RPUSH", "l", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10")).isEqualTo(":10\r\n");
        assertThat(h.run("LTRIM", "l", "1", "-2")).isEqualTo("+OK\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*8\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n$1\r\n5\r\n$1\r\n6\r\n$1\r\n7\r\n$1\r\n8\r\n$1\r\n9\r\n");
        assertThat(h.run("LTRIM", "l", "-3", "100")).isEqualTo("+OK\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*3\r\n$1\r\n7\r\n$1\r\n8\r\n$1\r\n9\r\n");
        assertThat(h.run("LTRIM", "l", "2", "1")).isEqualTo("+OK\r\n");
        assertThat(h.run("EXISTS", "l")).isEqualTo(":0\r\n");
        assertThat(h.run("LTRIM", "missing", "0", "1")).isEqualTo("+OK\r\n");
        assertThat(h.run("LTRIM", "missing", "a", "1")).isEqualTo("-ERR value is not an integer or out of range\r\n");
    }

    @Test
    void linsert() {
        assertThat(h.run("RPUSH", "l", "a", "b", "c")).isEqualTo(":3\r\n");
        assertThat(h.run("LINSERT", "l", "BEFORE", "b", "x")).isEqualTo(":4\r\n");
        assertThat(h.run("LINSERT", "l", "after", "c", "y")).isEqualTo(":5\r\n");
        assertThat(h.run("LINSERT", "l", "AFTER", "nope", "z")).isEqualTo(":-1\r\n");
        assertThat(h.run("LINSERT", "l", "middle", "b", "z")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("LINSERT", "missing", "BEFORE", "a", "b")).isEqualTo(":0\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*5\r\n$1\r\na\r\n$1\r\nx\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\ny\r\n");
    }

    @Test
    void lpos() {
        assertThat(h.run("RPUSH", "l", "1", "2", "3", "1", "2", "3", "1", "2", "3", "1")).isEqualTo(":10\r\n");
        assertThat(h.run("LPOS", "l", "1")).isEqualTo(":0\r\n");
        assertThat(h.run("LPOS", "l", "1", "RANK", "2")).isEqualTo(":3\r\n");
        assertThat(h.run("LPOS", "l", "1", "RANK", "-1")).isEqualTo(":9\r\n");
        assertThat(h.run("LPOS", "l", "1", "RANK", "-2", "COUNT", "0")).isEqualTo("*3\r\n:6\r\n:3\r\n:0\r\n");
        assertThat(h.run("LPOS", "l", "1", "COUNT", "0")).isEqualTo("*4\r\n:0\r\n:3\r\n:6\r\n:9\r\n");
        assertThat(h.run("LPOS", "l", "1", "COUNT", "2", "RANK", "2")).isEqualTo("*2\r\n:3\r\n:6\r\n");
        assertThat(h.run("LPOS", "l", "1", "COUNT", "0", "MAXLEN", "4")).isEqualTo("*2\r\n:0\r\n:3\r\n");
        assertThat(h.run("LPOS", "l", "1", "RANK", "-1", "MAXLEN", "3")).isEqualTo(":9\r\n");
        assertThat(h.run("LPOS", "l", "1", "RANK", "-1", "MAXLEN", "1", "COUNT", "0")).isEqualTo("*1\r\n:9\r\n");
        assertThat(h.run("LPOS", "l", "9")).isEqualTo("$-1\r\n");
        assertThat(h.run("LPOS", "l", "9", "COUNT", "1")).isEqualTo("*0\r\n");
        assertThat(h.run("LPOS", "l", "1", "RANK", "-9223372036854775808")).isEqualTo(":9\r\n");
        assertThat(h.run("LPOS", "missing", "1")).isEqualTo("$-1\r\n");
        assertThat(h.run("LPOS", "missing", "1", "COUNT", "0")).isEqualTo("*0\r\n");
    }

    @Test
    void lposErrors() {
        assertThat(h.run("RPUSH", "l", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("LPOS", "l", "a", "RANK", "0")).isEqualTo("-ERR RANK can't be zero: use 1 to start from the first match, 2 from the second ... or use negative to start from the end of the list\r\n");
        assertThat(h.run("LPOS", "l", "a", "RANK", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("LPOS", "l", "a", "COUNT", "-1")).isEqualTo("-ERR COUNT can't be negative\r\n");
        assertThat(h.run("LPOS", "l", "a", "COUNT", "x")).isEqualTo("-ERR COUNT can't be negative\r\n");
        assertThat(h.run("LPOS", "l", "a", "MAXLEN", "-1")).isEqualTo("-ERR MAXLEN can't be negative\r\n");
        assertThat(h.run("LPOS", "l", "a", "COUNT")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("LPOS", "l", "a", "FOO", "1")).isEqualTo("-ERR syntax error\r\n");
    }

    @Test
    void lmoveAndRpoplpush() {
        assertThat(h.run("RPUSH", "l", "a", "b", "c", "d")).isEqualTo(":4\r\n");
        assertThat(h.run("LMOVE", "l", "l", "LEFT", "RIGHT")).isEqualTo("$1\r\na\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n$1\r\na\r\n");
        assertThat(h.run("RPOPLPUSH", "l", "l")).isEqualTo("$1\r\na\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*4\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\nd\r\n");
        assertThat(h.run("LMOVE", "l", "dst", "RIGHT", "left")).isEqualTo("$1\r\nd\r\n");
        assertThat(h.run("LMOVE", "l", "dst", "LeFt", "LEFT")).isEqualTo("$1\r\na\r\n");
        assertThat(h.run("LMOVE", "l", "dst", "UP", "LEFT")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("LRANGE", "dst", "0", "-1")).isEqualTo("*2\r\n$1\r\na\r\n$1\r\nd\r\n");
        assertThat(h.run("RPOPLPUSH", "l", "dst")).isEqualTo("$1\r\nc\r\n");
        assertThat(h.run("RPOPLPUSH", "l", "dst")).isEqualTo("$1\r\nb\r\n");
        assertThat(h.run("EXISTS", "l")).isEqualTo(":0\r\n");
        assertThat(h.run("RPOPLPUSH", "l", "dst")).isEqualTo("$-1\r\n");
        assertThat(h.run("LMOVE", "l", "dst", "LEFT", "LEFT")).isEqualTo("$-1\r\n");
        assertThat(h.run("LRANGE", "dst", "0", "-1")).isEqualTo("*4\r\n$1\r\nb\r\n$1\r\nc\r\n$1\r\na\r\n$1\r\nd\r\n");
        assertThat(h.run("RPUSH", "one", "x")).isEqualTo(":1\r\n");
        assertThat(h.run("LMOVE", "one", "one", "LEFT", "LEFT")).isEqualTo("$1\r\nx\r\n");
        assertThat(h.run("LRANGE", "one", "0", "-1")).isEqualTo("*1\r\n$1\r\nx\r\n");
    }

    @Test
    void emptyStringsAndBinary() {
        assertThat(h.run("RPUSH", "l", "", "a  b", "")).isEqualTo(":3\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*3\r\n$0\r\n\r\n$4\r\na  b\r\n$0\r\n\r\n");
        assertThat(h.run("LPOS", "l", "", "COUNT", "0")).isEqualTo("*2\r\n:0\r\n:2\r\n");
        assertThat(h.run("LREM", "l", "0", "")).isEqualTo(":2\r\n");
        assertThat(h.run("LRANGE", "l", "0", "-1")).isEqualTo("*1\r\n$4\r\na  b\r\n");
    }

    @Test
    void binaryElements() {
        byte[] element = {0, '\r', '\n', (byte) 0xff};
        assertThat(h.run(new byte[][] {"RPUSH".getBytes(), "l".getBytes(), element})).isEqualTo(integer(1));
        assertThat(h.run("LINDEX", "l", "0")).isEqualTo(bulk("\u0000\r\n\u00ff"));
        assertThat(h.run(new byte[][] {"LPOS".getBytes(), "l".getBytes(), element})).isEqualTo(integer(0));
    }

    @Test
    void expiryAppliesToLists() {
        h.run("RPUSH", "l", "a", "b");
        assertThat(h.run("PEXPIRE", "l", "100")).isEqualTo(integer(1));
        h.clock.advance(99);
        assertThat(h.run("LLEN", "l")).isEqualTo(integer(2));
        h.clock.advance(1);
        assertThat(h.run("LLEN", "l")).isEqualTo(integer(0));
        assertThat(h.run("TYPE", "l")).isEqualTo("+none\r\n");
        assertThat(h.run("RPUSH", "l", "c")).isEqualTo(integer(1));
        assertThat(h.run("PTTL", "l")).isEqualTo(integer(-1));
    }

    @Test
    void pushKeepsTheDeadlineAndPopToEmptyDropsIt() {
        h.run("RPUSH", "l", "a");
        h.run("PEXPIRE", "l", "1000");
        h.run("RPUSH", "l", "b");
        assertThat(h.run("PTTL", "l")).isEqualTo(integer(1000));
        h.run("RPOP", "l", "2");
        h.run("RPUSH", "l", "c");
        assertThat(h.run("PTTL", "l")).isEqualTo(integer(-1));
    }

    @Test
    void memoryIsAccountedAndReturnedWhenTheListGoes() {
        h.run("SET", "other", "x");
        long baseline = h.client.keyspace().memoryUsage();
        for (int i = 0; i < 1000; i++) {
            h.run("RPUSH", "l", "element-" + i);
        }
        long full = h.client.keyspace().memoryUsage();
        assertThat(full - baseline).isGreaterThan(1000 * 11); // packed: 9 to 11 bytes of text plus 2 each
        h.run("LSET", "l", "3", "a much longer element than before");
        h.run("LINSERT", "l", "BEFORE", "element-5", "inserted");
        h.run("LREM", "l", "0", "element-7");
        h.run("LTRIM", "l", "1", "-2");
        h.run("LMOVE", "l", "l2", "LEFT", "RIGHT");
        h.run("LPOP", "l", "100");
        h.run("DEL", "l", "l2");
        assertThat(h.client.keyspace().memoryUsage()).isEqualTo(baseline);
    }

    @Test
    void lrangeOfALongListAfterWrapping() {
        for (int i = 0; i < 600; i++) {
            h.run("LPUSH", "l", Integer.toString(i));
        }
        h.run("RPOP", "l", "50");
        for (int i = 600; i < 650; i++) {
            h.run("LPUSH", "l", Integer.toString(i));
        }
        StringBuilder expected = new StringBuilder("*100\r\n");
        for (int i = 649; i > 549; i--) {
            expected.append(bulk(Integer.toString(i)));
        }
        assertThat(h.run("LRANGE", "l", "0", "99")).isEqualTo(expected.toString());
        assertThat(h.run("LINDEX", "l", "-1")).isEqualTo(bulk("50"));
    }

    /** The events Redis 7.0 publishes (notify-keyspace-events KEA) for the same commands, in order. */
    @Test
    void keyspaceEventsAsRedisSendsThem() {
        EventRecorder recorder = new EventRecorder();
        h.client.keyspace().events(recorder);
        h.run("RPUSH", "src", "a", "b");
        h.run("LMOVE", "src", "dst", "LEFT", "RIGHT");
        h.run("RPOPLPUSH", "src", "dst");
        h.run("LPOP", "dst", "0");
        h.run("LTRIM", "dst", "0", "0");
        h.run("LTRIM", "dst", "5", "6");
        h.run("RPUSH", "l", "a", "a");
        h.run("LREM", "l", "0", "b");
        h.run("LREM", "l", "0", "a");
        h.run("RPUSH", "l", "a");
        h.run("LSET", "l", "0", "b");
        h.run("LINSERT", "l", "BEFORE", "b", "c");
        h.run("LINSERT", "l", "BEFORE", "zz", "c");
        h.run("LPUSHX", "l", "x");
        h.run("RPOP", "l", "5");
        assertThat(recorder.events).containsExactly("rpush src", "rpush dst", "lpop src", "lpush dst", "rpop src",
                "del src", "ltrim dst", "ltrim dst", "del dst", "rpush l", "lrem l", "del l", "rpush l", "lset l",
                "linsert l", "lpush l", "rpop l", "del l");
    }
}
