package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;

import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DEL, EXISTS, EXPIRE family, TTL, PERSIST, TYPE, KEYS, DBSIZE, FLUSH*, SELECT; replies as Redis 7.0. */
class KeyspaceCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void delAndExistsCount() {
        h.run("SET", "a", "1");
        h.run("SET", "b", "2");
        assertThat(h.run("EXISTS", "a", "a", "b", "c")).isEqualTo(integer(3));
        assertThat(h.run("DEL", "a", "c", "a")).isEqualTo(integer(1));
        assertThat(h.run("EXISTS", "a")).isEqualTo(integer(0));
        assertThat(h.run("DBSIZE")).isEqualTo(integer(1));
    }

    @Test
    void expireSetsAndTtlReads() {
        h.run("SET", "k", "v");
        assertThat(h.run("TTL", "k")).isEqualTo(integer(-1));
        assertThat(h.run("TTL", "nokey")).isEqualTo(integer(-2));
        assertThat(h.run("EXPIRE", "k", "100")).isEqualTo(integer(1));
        assertThat(h.run("TTL", "k")).isEqualTo(integer(100));
        h.clock.advance(1499);
        assertThat(h.run("TTL", "k")).isEqualTo(integer(99)); // 98.501 s rounds to 99, as Redis
        assertThat(h.run("PEXPIRE", "k", "5000")).isEqualTo(integer(1));
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(5000));
        assertThat(h.run("EXPIRE", "nokey", "100")).isEqualTo(integer(0));
    }

    @Test
    void expireAtAbsoluteAndInThePastDeletes() {
        h.clock.set(1_800_000_000_000L);
        h.run("SET", "k", "v");
        assertThat(h.run("EXPIREAT", "k", "1800000010")).isEqualTo(integer(1));
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(10_000));
        assertThat(h.run("PEXPIREAT", "k", "1800000000500")).isEqualTo(integer(1));
        assertThat(h.run("PTTL", "k")).isEqualTo(integer(500));
        assertThat(h.run("EXPIRE", "k", "-1")).isEqualTo(integer(1));
        assertThat(h.run("EXISTS", "k")).isEqualTo(integer(0));
        h.run("SET", "k", "v");
        assertThat(h.run("PEXPIREAT", "k", "1")).isEqualTo(integer(1));
        assertThat(h.run("GET", "k")).isEqualTo(NIL);
    }

    @Test
    void expireOptions() {
        h.run("SET", "k", "v");
        assertThat(h.run("EXPIRE", "k", "100", "XX")).isEqualTo(integer(0));
        assertThat(h.run("EXPIRE", "k", "100", "GT")).isEqualTo(integer(0));
        assertThat(h.run("EXPIRE", "k", "100", "LT")).isEqualTo(integer(1));
        assertThat(h.run("EXPIRE", "k", "200", "NX")).isEqualTo(integer(0));
        assertThat(h.run("EXPIRE", "k", "50", "GT")).isEqualTo(integer(0));
        assertThat(h.run("EXPIRE", "k", "200", "gt")).isEqualTo(integer(1));
        assertThat(h.run("EXPIRE", "k", "300", "LT")).isEqualTo(integer(0));
        assertThat(h.run("EXPIRE", "k", "100", "xx", "lt")).isEqualTo(integer(1));
        assertThat(h.run("TTL", "k")).isEqualTo(integer(100));
    }

    @Test
    void expireErrorsAsRedis() {
        h.run("SET", "k", "v");
        assertThat(h.run("EXPIRE", "k", "10", "NX", "XX"))
                .isEqualTo(error("ERR NX and XX, GT or LT options at the same time are not compatible"));
        assertThat(h.run("EXPIRE", "k", "10", "GT", "LT"))
                .isEqualTo(error("ERR GT and LT options at the same time are not compatible"));
        assertThat(h.run("EXPIRE", "k", "10", "foo")).isEqualTo(error("ERR Unsupported option foo"));
        assertThat(h.run("EXPIRE", "k", "x")).isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(h.run("EXPIRE", "k", "9999999999999999"))
                .isEqualTo(error("ERR invalid expire time in 'expire' command"));
        assertThat(h.run("PEXPIRE", "k", "9223372036854775807"))
                .isEqualTo(error("ERR invalid expire time in 'pexpire' command"));
        assertThat(h.run("EXPIRE", "k")).isEqualTo(error("ERR wrong number of arguments for 'expire' command"));
        assertThat(h.run("TTL", "k")).isEqualTo(integer(-1));
    }

    @Test
    void persist() {
        h.run("SET", "k", "v", "EX", "10");
        assertThat(h.run("PERSIST", "k")).isEqualTo(integer(1));
        assertThat(h.run("PERSIST", "k")).isEqualTo(integer(0));
        assertThat(h.run("PERSIST", "nokey")).isEqualTo(integer(0));
        assertThat(h.run("TTL", "k")).isEqualTo(integer(-1));
    }

    @Test
    void typeAndKeys() {
        assertThat(h.run("TYPE", "nokey")).isEqualTo("+none\r\n");
        h.run("SET", "user:1", "a");
        h.run("SET", "user:2", "b");
        h.run("SET", "other", "c");
        assertThat(h.run("TYPE", "user:1")).isEqualTo("+string\r\n");
        String keys = h.run("KEYS", "user:*");
        assertThat(keys).startsWith("*2\r\n").contains(bulk("user:1")).contains(bulk("user:2"));
        assertThat(h.run("KEYS", "*")).startsWith("*3\r\n");
        assertThat(h.run("KEYS", "nothing*")).isEqualTo("*0\r\n");
    }

    @Test
    void expiredKeysAreInvisibleToKeys() {
        h.run("SET", "a", "1", "PX", "10");
        h.run("SET", "b", "1");
        h.clock.advance(10);
        assertThat(h.run("KEYS", "*")).isEqualTo("*1\r\n" + bulk("b"));
    }

    @Test
    void selectIsolatesDatabasesAndFlushdbOnlyTheSelectedOne() {
        h.run("SET", "k", "zero");
        assertThat(h.run("SELECT", "1")).isEqualTo(OK);
        assertThat(h.run("GET", "k")).isEqualTo(NIL);
        h.run("SET", "k", "one");
        assertThat(h.run("FLUSHDB")).isEqualTo(OK);
        assertThat(h.run("SELECT", "0")).isEqualTo(OK);
        assertThat(h.run("GET", "k")).isEqualTo(bulk("zero"));
        assertThat(h.run("SELECT", "16")).isEqualTo(error("ERR DB index is out of range"));
        assertThat(h.run("SELECT", "-1")).isEqualTo(error("ERR DB index is out of range"));
        assertThat(h.run("SELECT", "x")).isEqualTo(error("ERR value is not an integer or out of range"));
        h.run("SELECT", "2");
        h.run("SET", "k", "two");
        assertThat(h.run("FLUSHALL", "ASYNC")).isEqualTo(OK);
        assertThat(h.run("DBSIZE")).isEqualTo(integer(0));
        h.run("SELECT", "0");
        assertThat(h.run("DBSIZE")).isEqualTo(integer(0));
        assertThat(h.run("FLUSHALL", "foo")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("FLUSHDB", "sync", "x")).isEqualTo(error("ERR syntax error"));
    }
}
