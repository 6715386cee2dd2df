package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;

import io.nioredis.value.ListValue;

import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static io.nioredis.command.CommandHarness.error;
import static io.nioredis.command.CommandHarness.integer;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenameCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void renameKeepsTheTtlAndOverwrites() {
        h.run("SET", "a", "1", "PX", "5000");
        h.run("SET", "b", "2");
        assertThat(h.run("RENAME", "a", "c")).isEqualTo(OK);
        assertThat(h.run("PTTL", "c")).isEqualTo(integer(5000));
        assertThat(h.run("EXISTS", "a")).isEqualTo(integer(0));
        assertThat(h.run("RENAME", "c", "b")).isEqualTo(OK);
        assertThat(h.run("GET", "b")).isEqualTo(bulk("1"));
        assertThat(h.run("PTTL", "b")).isEqualTo(integer(5000));
        assertThat(h.run("DBSIZE")).isEqualTo(integer(1));
        h.clock.advance(5000);
        assertThat(h.run("GET", "b")).isEqualTo(NIL);
    }

    @Test
    void renamenxRefusesAnExistingTarget() {
        h.run("SET", "a", "1");
        h.run("SET", "b", "2");
        assertThat(h.run("RENAMENX", "a", "b")).isEqualTo(integer(0));
        assertThat(h.run("RENAMENX", "a", "d")).isEqualTo(integer(1));
        assertThat(h.run("GET", "d")).isEqualTo(bulk("1"));
    }

    @Test
    void sameKeyAndMissingKey() {
        h.run("SET", "c", "1");
        assertThat(h.run("RENAME", "c", "c")).isEqualTo(OK);
        assertThat(h.run("RENAMENX", "c", "c")).isEqualTo(integer(0));
        assertThat(h.run("RENAME", "none", "none")).isEqualTo(error("ERR no such key"));
        assertThat(h.run("RENAMENX", "none", "x")).isEqualTo(error("ERR no such key"));
    }

    @Test
    void aggregatesMoveWithoutCopying() {
        h.run("RPUSH", "l", "x", "y");
        ListValue list = (ListValue) h.client.keyspace().entry(h.client.keyspace().lookup("l".getBytes(), 0, 1));
        assertThat(h.run("RENAME", "l", "m")).isEqualTo(OK);
        int slot = h.client.keyspace().lookup("m".getBytes(), 0, 1);
        assertThat(h.client.keyspace().entry(slot)).isSameAs(list);
        assertThat(list.key()).isEqualTo("m".getBytes());
        assertThat(h.run("TYPE", "m")).isEqualTo("+list\r\n");
        assertThat(h.run("TYPE", "l")).isEqualTo("+none\r\n");
    }
}
