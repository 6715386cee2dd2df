package io.nioredis.command.hash;

import io.nioredis.command.CommandHarness;

import io.nioredis.command.EventRecorder;

import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The hash commands; expected replies are the bytes Redis 7.0 sends for the same commands. Small hashes
 * reply in insertion order as Redis's listpack does; large ones are checked without relying on order.
 */
class HashCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void hsetHgetAndInsertionOrderOfSmallHashes() {
        assertThat(h.run("HSET", "h", "a", "1", "b", "2")).isEqualTo(":2\r\n");
        assertThat(h.run("HSET", "h", "a", "3", "c", "4")).isEqualTo(":1\r\n");
        assertThat(h.run("HGET", "h", "a")).isEqualTo("$1\r\n3\r\n");
        assertThat(h.run("HGET", "h", "nope")).isEqualTo("$-1\r\n");
        assertThat(h.run("HGET", "missing", "a")).isEqualTo("$-1\r\n");
        assertThat(h.run("HGETALL", "h")).isEqualTo("*6\r\n$1\r\na\r\n$1\r\n3\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n4\r\n");
        assertThat(h.run("HKEYS", "h")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("HVALS", "h")).isEqualTo("*3\r\n$1\r\n3\r\n$1\r\n2\r\n$1\r\n4\r\n");
        assertThat(h.run("HLEN", "h")).isEqualTo(":3\r\n");
        assertThat(h.run("TYPE", "h")).isEqualTo("+hash\r\n");
        assertThat(h.run("HGETALL", "missing")).isEqualTo("*0\r\n");
        assertThat(h.run("HKEYS", "missing")).isEqualTo("*0\r\n");
        assertThat(h.run("HVALS", "missing")).isEqualTo("*0\r\n");
        assertThat(h.run("HLEN", "missing")).isEqualTo(":0\r\n");
    }

    @Test
    void hsetArityAndHmset() {
        assertThat(h.run("HSET", "h", "a")).isEqualTo("-ERR wrong number of arguments for 'hset' command\r\n");
        assertThat(h.run("HSET", "h", "a", "1", "b")).isEqualTo("-ERR wrong number of arguments for 'hset' command\r\n");
        assertThat(h.run("HMSET", "h", "a")).isEqualTo("-ERR wrong number of arguments for 'hmset' command\r\n");
        assertThat(h.run("HMSET", "h", "a", "1", "b", "2")).isEqualTo("+OK\r\n");
        assertThat(h.run("HMSET", "h", "a", "1", "b")).isEqualTo("-ERR wrong number of arguments for 'hmset' command\r\n");
        assertThat(h.run("HGETALL", "h")).isEqualTo("*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n");
    }

    @Test
    void hsetnx() {
        assertThat(h.run("HSETNX", "h", "a", "1")).isEqualTo(":1\r\n");
        assertThat(h.run("HSETNX", "h", "a", "2")).isEqualTo(":0\r\n");
        assertThat(h.run("HGET", "h", "a")).isEqualTo("$1\r\n1\r\n");
        assertThat(h.run("HSETNX", "h", "b", "3")).isEqualTo(":1\r\n");
        assertThat(h.run("HGETALL", "h")).isEqualTo("*4\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n3\r\n");
    }

    @Test
    void hmgetHexistsHstrlen() {
        assertThat(h.run("HSET", "h", "a", "1", "b", "hello")).isEqualTo(":2\r\n");
        assertThat(h.run("HMGET", "h", "a", "nope", "b")).isEqualTo("*3\r\n$1\r\n1\r\n$-1\r\n$5\r\nhello\r\n");
        assertThat(h.run("HMGET", "missing", "a", "b")).isEqualTo("*2\r\n$-1\r\n$-1\r\n");
        assertThat(h.run("HEXISTS", "h", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("HEXISTS", "h", "nope")).isEqualTo(":0\r\n");
        assertThat(h.run("HEXISTS", "missing", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("HSTRLEN", "h", "b")).isEqualTo(":5\r\n");
        assertThat(h.run("HSTRLEN", "h", "nope")).isEqualTo(":0\r\n");
        assertThat(h.run("HSTRLEN", "missing", "a")).isEqualTo(":0\r\n");
    }

    @Test
    void hdelDeletesTheEmptyHash() {
        assertThat(h.run("HSET", "h", "a", "1", "b", "2", "c", "3")).isEqualTo(":3\r\n");
        assertThat(h.run("HDEL", "h", "a", "x", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("HGETALL", "h")).isEqualTo("*4\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("HDEL", "h", "b", "c")).isEqualTo(":2\r\n");
        assertThat(h.run("EXISTS", "h")).isEqualTo(":0\r\n");
        assertThat(h.run("HDEL", "missing", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("HDEL", "h", "a")).isEqualTo(":0\r\n");
    }

    @Test
    void wrongTypeEverywhere() {
        assertThat(h.run("SET", "s", "x")).isEqualTo("+OK\r\n");
        assertThat(h.run("HSET", "s", "a", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HMSET", "s", "a", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HSETNX", "s", "a", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HGET", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HMGET", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HDEL", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HLEN", "s")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HEXISTS", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HSTRLEN", "s", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HGETALL", "s")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HKEYS", "s")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HVALS", "s")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HINCRBY", "s", "a", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HINCRBYFLOAT", "s", "a", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HRANDFIELD", "s")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HRANDFIELD", "s", "1")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("HSCAN", "s", "0")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("RPUSH", "l", "a")).isEqualTo(":1\r\n");
        assertThat(h.run("HGET", "l", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("GET", "s")).isEqualTo("$1\r\nx\r\n");
    }

    @Test
    void hincrby() {
        assertThat(h.run("HINCRBY", "h", "n", "5")).isEqualTo(":5\r\n");
        assertThat(h.run("HINCRBY", "h", "n", "-7")).isEqualTo(":-2\r\n");
        assertThat(h.run("HINCRBY", "h", "n", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("HSET", "h", "s", "str", "max", "9223372036854775807", "min", "-9223372036854775808", "sp", " 1", "plus", "+1", "zero", "00")).isEqualTo(":6\r\n");
        assertThat(h.run("HINCRBY", "h", "s", "1")).isEqualTo("-ERR hash value is not an integer\r\n");
        assertThat(h.run("HINCRBY", "h", "sp", "1")).isEqualTo("-ERR hash value is not an integer\r\n");
        assertThat(h.run("HINCRBY", "h", "plus", "1")).isEqualTo("-ERR hash value is not an integer\r\n");
        assertThat(h.run("HINCRBY", "h", "zero", "1")).isEqualTo("-ERR hash value is not an integer\r\n");
        assertThat(h.run("HINCRBY", "h", "max", "1")).isEqualTo("-ERR increment or decrement would overflow\r\n");
        assertThat(h.run("HINCRBY", "h", "max", "0")).isEqualTo(":9223372036854775807\r\n");
        assertThat(h.run("HINCRBY", "h", "min", "-1")).isEqualTo("-ERR increment or decrement would overflow\r\n");
        assertThat(h.run("HINCRBY", "h", "min", "9223372036854775807")).isEqualTo(":-1\r\n");
        assertThat(h.run("HINCRBY", "h", "n", "9223372036854775808")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("HGETALL", "h")).isEqualTo("*14\r\n$1\r\nn\r\n$2\r\n-2\r\n$1\r\ns\r\n$3\r\nstr\r\n$3\r\nmax\r\n$19\r\n9223372036854775807\r\n$3\r\nmin\r\n$2\r\n-1\r\n$2\r\nsp\r\n$2\r\n 1\r\n$4\r\nplus\r\n$2\r\n+1\r\n$4\r\nzero\r\n$2\r\n00\r\n");
    }

    @Test
    void hincrbyfloatUsesLongDoublePrecision() {
        assertThat(h.run("HINCRBYFLOAT", "h", "f", "0.1")).isEqualTo("$3\r\n0.1\r\n");
        assertThat(h.run("HSET", "h", "g", "10.5")).isEqualTo(":1\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "g", "0.1")).isEqualTo("$4\r\n10.6\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "r", "1.1")).isEqualTo("$3\r\n1.1\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "r", "2.2")).isEqualTo("$3\r\n3.3\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "r", "-3.3")).isEqualTo("$1\r\n0\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "x", "10000000000.1")).isEqualTo("$29\r\n10000000000.09999999962747097\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "z", "1.5e-5")).isEqualTo("$8\r\n0.000015\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "y", "-0.0")).isEqualTo("$1\r\n0\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "e", "1.5E3")).isEqualTo("$4\r\n1500\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "d", ".5")).isEqualTo("$3\r\n0.5\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "d", "5.")).isEqualTo("$3\r\n5.5\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "p", "+1.5")).isEqualTo("$3\r\n1.5\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "hex", "0x10")).isEqualTo("$2\r\n16\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "hex", "0x1.8p1")).isEqualTo("$2\r\n19\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "tiny", "3.0e-4000")).isEqualTo("$1\r\n0\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "big", "1e19")).isEqualTo("$20\r\n10000000000000000000\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "big", "0.5")).isEqualTo("$20\r\n10000000000000000000\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "r", "123456789.123456789")).isEqualTo("$27\r\n123456789.12345678899873747\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "r", "0.0000000000000000001")).isEqualTo("$27\r\n123456789.12345678899873747\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "n", "9223372036854775807")).isEqualTo("$19\r\n9223372036854775807\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "n", "1")).isEqualTo("$19\r\n9223372036854775808\r\n");
    }

    @Test
    void hincrbyfloatErrors() {
        assertThat(h.run("HSET", "h", "s", "str", "i", "inf", "sp", " 1", "huge", "1e4932")).isEqualTo(":4\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "s", "1")).isEqualTo("-ERR hash value is not a float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "sp", "1")).isEqualTo("-ERR hash value is not a float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "abc")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", " 1")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "1 ")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "1e")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", ".")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "0x")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "nan")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "inf")).isEqualTo("-ERR value is NaN or Infinity\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "-Infinity")).isEqualTo("-ERR value is NaN or Infinity\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "1e5000")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "a", "1e-5000")).isEqualTo("-ERR value is not a valid float\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "i", "1")).isEqualTo("-ERR increment would produce NaN or Infinity\r\n");
        assertThat(h.run("HINCRBYFLOAT", "h", "huge", "1e4932")).isEqualTo("-ERR increment would produce NaN or Infinity\r\n");
        assertThat(h.run("HEXISTS", "h", "a")).isEqualTo(":0\r\n");
        assertThat(h.run("HGET", "h", "huge")).isEqualTo("$6\r\n1e4932\r\n");
    }

    @Test
    void hrandfieldArguments() {
        assertThat(h.run("HSET", "h", "a", "1", "b", "2", "c", "3")).isEqualTo(":3\r\n");
        assertThat(h.run("HRANDFIELD", "h", "abc")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("HRANDFIELD", "h", "-9223372036854775808")).isEqualTo("-ERR value is out of range, value must between -9223372036854775807 and 9223372036854775807\r\n");
        assertThat(h.run("HRANDFIELD", "h", "9223372036854775807", "WITHVALUES")).isEqualTo("-ERR value is out of range\r\n");
        assertThat(h.run("HRANDFIELD", "h", "-4611686018427387904", "WITHVALUES")).isEqualTo("-ERR value is out of range\r\n");
        assertThat(h.run("HRANDFIELD", "h", "1", "foo")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("HRANDFIELD", "h", "1", "WITHVALUES", "x")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("HRANDFIELD", "h", "0")).isEqualTo("*0\r\n");
        assertThat(h.run("HRANDFIELD", "h", "0", "WITHVALUES")).isEqualTo("*0\r\n");
        assertThat(h.run("HRANDFIELD", "h", "3")).isEqualTo("*3\r\n$1\r\na\r\n$1\r\nb\r\n$1\r\nc\r\n");
        assertThat(h.run("HRANDFIELD", "h", "100", "WITHVALUES")).isEqualTo("*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("HRANDFIELD", "missing")).isEqualTo("$-1\r\n");
        assertThat(h.run("HRANDFIELD", "missing", "5")).isEqualTo("*0\r\n");
        assertThat(h.run("HRANDFIELD", "missing", "-5", "WITHVALUES")).isEqualTo("*0\r\n");
    }

    @Test
    void hscanOfSmallHash() {
        assertThat(h.run("HSET", "h", "a", "1", "b", "2", "ab", "3")).isEqualTo(":3\r\n");
        assertThat(h.run("HSCAN", "h", "0")).isEqualTo("*2\r\n$1\r\n0\r\n*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$2\r\nab\r\n$1\r\n3\r\n");
        assertThat(h.run("HSCAN", "h", "7")).isEqualTo("*2\r\n$1\r\n0\r\n*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$2\r\nab\r\n$1\r\n3\r\n");
        assertThat(h.run("HSCAN", "h", "0", "MATCH", "a*")).isEqualTo("*2\r\n$1\r\n0\r\n*4\r\n$1\r\na\r\n$1\r\n1\r\n$2\r\nab\r\n$1\r\n3\r\n");
        assertThat(h.run("HSCAN", "h", "0", "COUNT", "1", "MATCH", "*")).isEqualTo("*2\r\n$1\r\n0\r\n*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$2\r\nab\r\n$1\r\n3\r\n");
        assertThat(h.run("HSCAN", "h", "abc")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(h.run("HSCAN", "h", "-1")).isEqualTo("*2\r\n$1\r\n0\r\n*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$2\r\nab\r\n$1\r\n3\r\n");
        assertThat(h.run("HSCAN", "h", "")).isEqualTo("*2\r\n$1\r\n0\r\n*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$2\r\nab\r\n$1\r\n3\r\n");
        assertThat(h.run("HSCAN", "h", "+0")).isEqualTo("*2\r\n$1\r\n0\r\n*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$2\r\nab\r\n$1\r\n3\r\n");
        assertThat(h.run("HSCAN", "h", "-")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(h.run("HSCAN", "h", "18446744073709551615")).isEqualTo("*2\r\n$1\r\n0\r\n*6\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n$2\r\nab\r\n$1\r\n3\r\n");
        assertThat(h.run("HSCAN", "h", "18446744073709551616")).isEqualTo("-ERR invalid cursor\r\n");
        assertThat(h.run("HSCAN", "h", "0", "COUNT", "0")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("HSCAN", "h", "0", "COUNT", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("HSCAN", "h", "0", "FOO")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("HSCAN", "h", "0", "MATCH")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("HSCAN", "missing", "0")).isEqualTo("*2\r\n$1\r\n0\r\n*0\r\n");
        assertThat(h.run("HSCAN", "missing", "0", "FOO")).isEqualTo("*2\r\n$1\r\n0\r\n*0\r\n");
        assertThat(h.run("HSCAN", "missing", "x")).isEqualTo("-ERR invalid cursor\r\n");
    }

    @Test
    void emptyFieldsAndValues() {
        assertThat(h.run("HSET", "h", "", "")).isEqualTo(":1\r\n");
        assertThat(h.run("HGET", "h", "")).isEqualTo("$0\r\n\r\n");
        assertThat(h.run("HGETALL", "h")).isEqualTo("*2\r\n$0\r\n\r\n$0\r\n\r\n");
        assertThat(h.run("HSTRLEN", "h", "")).isEqualTo(":0\r\n");
        assertThat(h.run("HEXISTS", "h", "")).isEqualTo(":1\r\n");
        assertThat(h.run("HDEL", "h", "")).isEqualTo(":1\r\n");
        assertThat(h.run("EXISTS", "h")).isEqualTo(":0\r\n");
    }

    @Test
    void binaryFieldsAndValues() {
        byte[] field = {0, '\r', '\n', (byte) 0xff};
        byte[] value = {'\n', 0};
        assertThat(h.run(new byte[][] {"HSET".getBytes(), "h".getBytes(), field, value})).isEqualTo(integer(1));
        assertThat(h.run(new byte[][] {"HGET".getBytes(), "h".getBytes(), field})).isEqualTo(bulk("\n\u0000"));
        assertThat(h.run("HKEYS", "h")).isEqualTo("*1\r\n" + bulk("\u0000\r\n\u00ff"));
    }

    @Test
    void expiryAppliesToHashes() {
        h.run("HSET", "h", "f", "v");
        h.run("PEXPIRE", "h", "100");
        h.run("HSET", "h", "g", "w");
        assertThat(h.run("PTTL", "h")).isEqualTo(integer(100));
        h.clock.advance(100);
        assertThat(h.run("HGET", "h", "f")).isEqualTo(CommandHarness.NIL);
        assertThat(h.run("HLEN", "h")).isEqualTo(integer(0));
        assertThat(h.run("EXISTS", "h")).isEqualTo(integer(0));
    }

    @Test
    void largeHashKeepsEveryFieldAndScansThemAll() {
        for (int i = 0; i < 1000; i++) {
            h.run("HSET", "h", "field:" + i, Integer.toString(i));
        }
        assertThat(h.run("HLEN", "h")).isEqualTo(integer(1000));
        assertThat(h.run("HGET", "h", "field:777")).isEqualTo(bulk("777"));
        assertThat(h.run("HINCRBY", "h", "field:777", "3")).isEqualTo(integer(780));
        assertThat(h.run("HDEL", "h", "field:0", "field:1", "nope")).isEqualTo(integer(2));
        Set<String> seen = new HashSet<>();
        String cursor = "0";
        int calls = 0;
        do {
            String reply = h.run("HSCAN", "h", cursor, "COUNT", "50");
            String[] lines = reply.split("\r\n");
            cursor = lines[2];
            int n = Integer.parseInt(lines[3].substring(1));
            for (int i = 0; i < n; i += 2) {
                seen.add(lines[5 + 2 * i]);
            }
            calls++;
        } while (!cursor.equals("0"));
        assertThat(seen).hasSize(998).contains("field:2", "field:999").doesNotContain("field:0");
        assertThat(calls).isGreaterThan(1);
        String all = h.run("HGETALL", "h");
        assertThat(all).startsWith("*1996\r\n").contains(bulk("field:777") + bulk("780"));
    }

    @Test
    void longValueConvertsAndStillWorks() {
        String longValue = "x".repeat(65);
        h.run("HSET", "h", "a", "1", "b", "2");
        assertThat(h.run("HSET", "h", "c", longValue)).isEqualTo(integer(1));
        assertThat(h.run("HGET", "h", "c")).isEqualTo(bulk(longValue));
        assertThat(h.run("HMGET", "h", "a", "b")).isEqualTo("*2\r\n" + bulk("1") + bulk("2"));
        assertThat(h.run("HDEL", "h", "a", "b", "c")).isEqualTo(integer(3));
        assertThat(h.run("EXISTS", "h")).isEqualTo(integer(0));
    }

    @Test
    void hrandfieldWithPositiveCountGivesDistinctFieldsAndNegativeMayRepeat() {
        for (int i = 0; i < 200; i++) {
            h.run("HSET", "h", "f" + i, "v" + i);
        }
        String reply = h.run("HRANDFIELD", "h", "50", "WITHVALUES");
        String[] lines = reply.split("\r\n");
        assertThat(lines[0]).isEqualTo("*100");
        Set<String> fields = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String field = lines[2 + 4 * i];
            assertThat(lines[4 + 4 * i]).isEqualTo("v" + field.substring(1));
            fields.add(field);
        }
        assertThat(fields).hasSize(50);
        assertThat(h.run("HRANDFIELD", "h", "-500")).startsWith("*500\r\n");
        assertThat(h.run("HRANDFIELD", "h")).startsWith("$");
    }

    @Test
    void memoryIsAccountedAndReturnedWhenTheHashGoes() {
        h.run("SET", "other", "x");
        long baseline = h.client.keyspace().memoryUsage();
        for (int i = 0; i < 600; i++) { // past hash-max-listpack-entries, so the large encoding is counted
            h.run("HSET", "h", "f" + i, "value " + i);
        }
        assertThat(h.client.keyspace().memoryUsage()).isGreaterThan(baseline + 600 * 16);
        h.run("HINCRBY", "h", "n", "5");
        h.run("HINCRBYFLOAT", "h", "x", "1.5");
        h.run("HSETNX", "h", "y", "z");
        h.run("HDEL", "h", "f1", "f2");
        h.run("DEL", "h");
        assertThat(h.client.keyspace().memoryUsage()).isEqualTo(baseline);
    }

    /** RESP3 shapes, as Redis 7.0 sends them after HELLO 3. */
    @Test
    void resp3Replies() {
        h.run("HSET", "h", "a", "1", "b", "2");
        assertThat(resp3("HGETALL", "h")).isEqualTo("%2\r\n$1\r\na\r\n$1\r\n1\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(resp3("HGETALL", "missing")).isEqualTo("%0\r\n");
        assertThat(resp3("HGET", "missing", "a")).isEqualTo("_\r\n");
        assertThat(resp3("HMGET", "missing", "a")).isEqualTo("*1\r\n_\r\n");
        assertThat(resp3("HRANDFIELD", "missing")).isEqualTo("_\r\n");
        assertThat(resp3("HRANDFIELD", "h", "3", "WITHVALUES"))
                .isEqualTo("*2\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(resp3("HRANDFIELD", "h", "-3", "WITHVALUES")).startsWith("*3\r\n*2\r\n$1\r\n");
        assertThat(resp3("HRANDFIELD", "h", "1")).matches("\\*1\r\n\\$1\r\n[ab]\r\n");
        assertThat(resp3("LPOP", "missing", "2")).isEqualTo("_\r\n");
        assertThat(resp3("LPOP", "missing")).isEqualTo("_\r\n");
        assertThat(resp3("LMOVE", "missing", "x", "LEFT", "RIGHT")).isEqualTo("_\r\n");
    }

    private String resp3(String... args) {
        RespWriter out = new RespWriter(256);
        out.protocol(3);
        h.dispatcher.execute(h.client, Request.of(args), out);
        return new String(out.array(), 0, out.size(), StandardCharsets.ISO_8859_1);
    }

    /** The events Redis 7.0 publishes (notify-keyspace-events KEA) for the same commands, in order. */
    @Test
    void keyspaceEventsAsRedisSendsThem() {
        EventRecorder recorder = new EventRecorder();
        h.client.keyspace().events(recorder);
        h.run("HSET", "h", "a", "1");
        h.run("HMSET", "h", "b", "2");
        h.run("HSETNX", "h", "a", "1");
        h.run("HSETNX", "h", "c", "1");
        h.run("HINCRBY", "h", "n", "1");
        h.run("HINCRBYFLOAT", "h", "f", "1");
        h.run("HDEL", "h", "zz");
        h.run("HDEL", "h", "a", "b", "c", "n", "f");
        assertThat(recorder.events).containsExactly("hset h", "hset h", "hset h", "hincrby h", "hincrbyfloat h",
                "hdel h", "del h");
    }
}
