package io.nioredis.command.generic;

import io.nioredis.command.CommandHarness;

import io.nioredis.command.AggregateStub;

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
        AggregateStub list = AggregateStub.addTo(h, "l", "a", "b");
        assertThat(h.run("COPY", "l", "m")).isEqualTo(integer(1));
        int slot = h.client.keyspace().lookup("m".getBytes(), 0, 1);
        AggregateStub copy = (AggregateStub) h.client.keyspace().entry(slot);
        assertThat(copy).isNotSameAs(list);
        assertThat(copy.elements).containsExactly("a", "b");
        assertThat(copy.key()).isEqualTo("m".getBytes());
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
}
