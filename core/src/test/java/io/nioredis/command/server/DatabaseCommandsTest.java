package io.nioredis.command.server;

import io.nioredis.command.CommandHarness;

import io.nioredis.client.Client;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MOVE and SWAPDB; replies as redis-server 7.0.15 gives them. */
class DatabaseCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void moveKeepsTheDeadlineAndRefusesToOverwrite() {
        h.run("SET", "k", "v", "PX", "5000");
        assertThat(h.run("MOVE", "k", "0")).isEqualTo("-ERR source and destination objects are the same\r\n");
        assertThat(h.run("MOVE", "k", "x")).isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("MOVE", "k", "16")).isEqualTo("-ERR DB index is out of range\r\n");
        assertThat(h.run("MOVE", "k", "-1")).isEqualTo("-ERR DB index is out of range\r\n");
        assertThat(h.run("MOVE", "k", "1")).isEqualTo(":1\r\n");
        assertThat(h.run("EXISTS", "k")).isEqualTo(":0\r\n");
        assertThat(h.run("MOVE", "nokey", "1")).isEqualTo(":0\r\n");
        h.run("SELECT", "1");
        assertThat(h.run("GET", "k")).isEqualTo(bulk("v"));
        assertThat(h.run("PTTL", "k")).isEqualTo(":5000\r\n");
        h.run("SELECT", "0");
        h.run("SET", "k", "here");
        assertThat(h.run("MOVE", "k", "1")).isEqualTo(":0\r\n");
        assertThat(h.run("GET", "k")).isEqualTo(bulk("here"));
    }

    @Test
    void swapdbExchangesContentsUnderTheSameNumbers() {
        h.run("SET", "a", "in0");
        h.run("SELECT", "1");
        h.run("SET", "b", "in1", "PX", "1000");
        assertThat(h.run("SWAPDB", "0", "x")).isEqualTo("-ERR invalid second DB index\r\n");
        assertThat(h.run("SWAPDB", "x", "0")).isEqualTo("-ERR invalid first DB index\r\n");
        assertThat(h.run("SWAPDB", "0", "16")).isEqualTo("-ERR DB index is out of range\r\n");
        assertThat(h.run("SWAPDB", "0", "0")).isEqualTo(OK);
        assertThat(h.run("SWAPDB", "0", "1")).isEqualTo(OK);
        assertThat(h.run("GET", "a")).isEqualTo(bulk("in0")); // still selected db 1, which now has db 0's keys
        h.run("SELECT", "0");
        assertThat(h.run("PTTL", "b")).isEqualTo(":1000\r\n");
        h.clock.advance(2000);
        assertThat(h.state.databases.expireSome(h.clock.millis(), 10)).isEqualTo(1);
        assertThat(h.run("DBSIZE")).isEqualTo(":0\r\n");
    }

    @Test
    void swapdbTouchesWatchedKeysThatExistInEither() {
        Client other = new Client(2, h.state);
        h.runAs(other, "SELECT", "1");
        h.runAs(other, "SET", "w", "1");
        h.run("WATCH", "w"); // absent in db 0, present in db 1
        h.runAs(other, "SWAPDB", "0", "1");
        h.run("MULTI");
        assertThat(h.run("EXEC")).isEqualTo("*-1\r\n");
        h.run("WATCH", "nowhere");
        h.runAs(other, "SWAPDB", "0", "1");
        h.run("MULTI");
        assertThat(h.run("EXEC")).isEqualTo("*0\r\n");
    }
}
