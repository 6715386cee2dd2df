package io.nioredis.command.sortedset;

import io.nioredis.command.CommandHarness;
import io.nioredis.command.ProtocolHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ZscoreCommand replies, each expected value as real Redis 7.0 sends it. */
class ZscoreCommandTest {
    private final CommandHarness h = new CommandHarness();
    private final ProtocolHarness h3 = new ProtocolHarness(3);

    @Test
    void scores() {
        h.run("ZADD", "z", "1", "a", "0.1", "b", "-2.5e-10", "c", "1e20", "d", "123456789012345678", "e", "inf", "f");
        assertThat(h.run("ZSCORE", "z", "a")).isEqualTo("$1\r\n1\r\n");
        assertThat(h.run("ZSCORE", "z", "b")).isEqualTo("$19\r\n0.10000000000000001\r\n");
        assertThat(h.run("ZSCORE", "z", "c")).isEqualTo("$23\r\n-2.5000000000000002e-10\r\n");
        assertThat(h.run("ZSCORE", "z", "d")).isEqualTo("$5\r\n1e+20\r\n");
        assertThat(h.run("ZSCORE", "z", "e")).isEqualTo("$22\r\n1.2345678901234568e+17\r\n");
        assertThat(h.run("ZSCORE", "z", "f")).isEqualTo("$3\r\ninf\r\n");
        assertThat(h.run("ZSCORE", "z", "nope")).isEqualTo("$-1\r\n");
        assertThat(h.run("ZSCORE", "nokey", "a")).isEqualTo("$-1\r\n");
        assertThat(h.run("ZMSCORE", "z", "a", "nope", "b")).isEqualTo("*3\r\n$1\r\n1\r\n$-1\r\n$19\r\n0.10000000000000001\r\n");
        assertThat(h.run("ZMSCORE", "nokey", "a")).isEqualTo("*1\r\n$-1\r\n");
        h.run("SET", "str", "x");
        assertThat(h.run("ZSCORE", "str", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZMSCORE", "str", "a")).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("ZMSCORE", "z")).isEqualTo("-ERR wrong number of arguments for 'zmscore' command\r\n");
    }

    @Test
    void resp3() {
        h3.run("ZADD", "z", "1.5", "a");
        assertThat(h3.run("ZSCORE", "z", "a")).isEqualTo(",1.5\r\n");
        assertThat(h3.run("ZSCORE", "z", "x")).isEqualTo("_\r\n");
        assertThat(h3.run("ZMSCORE", "z", "a", "x")).isEqualTo("*2\r\n,1.5\r\n_\r\n");
    }
}
