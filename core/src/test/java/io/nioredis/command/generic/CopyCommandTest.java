package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;

import io.nioredis.store.KeyedValue;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CopyCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void copiesValueAndTtl() {
        h.run("SET", "x", "1", "PX", "3000");
        assertThat(h.run("COPY", "x", "y")).isEqualTo(integer(1));
        assertThat(h.run("COPY", "x", "y")).isEqualTo(integer(0));
        assertThat(h.run("GET", "y")).isEqualTo(bulk("1"));
        assertThat(h.run("PTTL", "y")).isEqualTo(integer(3000));
        h.run("SET", "x", "2");
        assertThat(h.run("COPY", "x", "y", "REPLACE")).isEqualTo(integer(1));
        assertThat(h.run("GET", "y")).isEqualTo(bulk("2"));
        assertThat(h.run("PTTL", "y")).isEqualTo(integer(-1));
        assertThat(h.run("COPY", "none", "y")).isEqualTo(integer(0));
    }

    @Test
    void toAnotherDatabase() {
        h.run("SET", "t", "v", "EX", "1000");
        assertThat(h.run("COPY", "t", "t", "DB", "2")).isEqualTo(integer(1));
        assertThat(h.run("SELECT", "2")).isEqualTo(OK);
        assertThat(h.run("GET", "t")).isEqualTo(bulk("v"));
        assertThat(h.run("TTL", "t")).isEqualTo(integer(1000));
    }

    @Test
    void aggregatesCopyThemselves() {
        h.run("RPUSH", "l", "a", "b");
        h.run("HSET", "h", "f", "v");
        h.run("SADD", "s", "a");
        h.run("ZADD", "z", "1", "a");
        for (String key : new String[] {"l", "h", "s", "z"}) {
            assertThat(h.run("COPY", key, key + "2")).isEqualTo(integer(1));
            Object original = entry(key);
            KeyedValue copy = (KeyedValue) entry(key + "2");
            assertThat(copy).isNotSameAs(original).isInstanceOf(original.getClass());
            assertThat(copy.key()).isEqualTo((key + "2").getBytes());
        }
        h.run("RPUSH", "l", "c");
        h.run("HSET", "h", "g", "w");
        h.run("SADD", "s", "b");
        h.run("ZADD", "z", "2", "b");
        assertThat(h.run("LRANGE", "l2", "0", "-1")).isEqualTo("*2\r\n" + bulk("a") + bulk("b"));
        assertThat(h.run("HLEN", "h2")).isEqualTo(integer(1));
        assertThat(h.run("SCARD", "s2")).isEqualTo(integer(1));
        assertThat(h.run("ZCARD", "z2")).isEqualTo(integer(1));
    }

    @Test
    void errors() {
        h.run("SET", "x", "1");
        String same = error("ERR source and destination objects are the same");
        assertThat(h.run("COPY", "x", "x")).isEqualTo(same);
        assertThat(h.run("COPY", "x", "x", "DB", "0")).isEqualTo(same);
        assertThat(h.run("COPY", "none", "none")).isEqualTo(same);
        assertThat(h.run("COPY", "x", "x", "DB", "16")).isEqualTo(error("ERR DB index is out of range"));
        assertThat(h.run("COPY", "x", "x", "DB", "-1")).isEqualTo(error("ERR DB index is out of range"));
        assertThat(h.run("COPY", "x", "x", "DB", "abc"))
                .isEqualTo(error("ERR value is not an integer or out of range"));
        assertThat(h.run("COPY", "x", "x", "DB")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("COPY", "x", "x", "REPLACE", "DB", "1", "foo")).isEqualTo(error("ERR syntax error"));
    }

    private Object entry(String key) {
        byte[] k = key.getBytes();
        return h.client.keyspace().entry(h.client.keyspace().lookup(k, 0, k.length));
    }
}
