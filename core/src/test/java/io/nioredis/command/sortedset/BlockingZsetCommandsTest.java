package io.nioredis.command.sortedset;

import static io.nioredis.command.BlockingHarness.pushed;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.client.Client;
import io.nioredis.command.BlockingHarness;
import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/** BZPOPMIN, BZPOPMAX, BZMPOP and ZMPOP; expected bytes are redis-server 7.0.15's. */
class BlockingZsetCommandsTest {
    private final BlockingHarness b = new BlockingHarness();
    private final CommandHarness h = b.h;
    private final Client w = b.client(2);

    @Test
    void popAtOnce() {
        h.run("ZADD", "z", "1", "a", "2", "b", "3", "c");
        assertThat(h.run("BZPOPMIN", "nz", "z", "0")).isEqualTo("*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("BZMPOP", "0", "2", "nz", "z", "MAX", "COUNT", "1"))
                .isEqualTo("*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n");
        assertThat(h.run("ZMPOP", "1", "z", "MAX", "COUNT", "5")).isEqualTo("*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(h.run("ZMPOP", "1", "z", "MAX")).isEqualTo("*-1\r\n");
        assertThat(h.run("EXISTS", "z")).isEqualTo(":0\r\n");
    }

    @Test
    void resp3Scores() {
        h.run("HELLO", "3");
        h.run("ZADD", "z", "1", "a", "2", "b");
        assertThat(h.run("BZPOPMIN", "z", "0")).isEqualTo("*3\r\n$1\r\nz\r\n$1\r\na\r\n,1\r\n");
        assertThat(h.run("ZMPOP", "1", "z", "MIN")).isEqualTo("*2\r\n$1\r\nz\r\n*1\r\n*2\r\n$1\r\nb\r\n,2\r\n");
        assertThat(h.run("ZMPOP", "1", "z", "MIN")).isEqualTo("_\r\n");
        w.protocol(3);
        b.run(w, "BZMPOP", "0", "2", "a", "b", "MIN", "COUNT", "5");
        h.run("ZADD", "b", "1.5", "x", "2", "y");
        assertThat(pushed(w)).isEqualTo("*2\r\n$1\r\nb\r\n*2\r\n*2\r\n$1\r\nx\r\n,1.5\r\n*2\r\n$1\r\ny\r\n,2\r\n");
    }

    @Test
    void wrongTypeAndErrors() {
        h.run("SET", "s", "x");
        h.run("ZADD", "z", "1", "a");
        String wrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";
        assertThat(h.run("ZMPOP", "3", "n", "s", "z", "MIN")).isEqualTo(wrongType);
        assertThat(h.run("BZPOPMIN", "n", "z", "s", "0")).isEqualTo("*3\r\n$1\r\nz\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("BZPOPMIN", "n", "s", "0")).isEqualTo(wrongType);
        assertThat(h.run("ZMPOP", "1", "k", "LEFT")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("ZMPOP", "0", "k", "MIN")).isEqualTo("-ERR numkeys should be greater than 0\r\n");
        assertThat(h.run("BZMPOP", "x", "1", "k", "MIN")).isEqualTo("-ERR timeout is not a float or out of range\r\n");
        assertThat(h.run("BZPOPMAX", "k", "-1")).isEqualTo("-ERR timeout is negative\r\n");
    }

    @Test
    void servedWhenASortedSetArrivesButNotAList() {
        b.run(w, "BZPOPMIN", "a", "b", "0");
        h.run("RPUSH", "b", "x");
        assertThat(pushed(w)).isEmpty();
        h.run("DEL", "b");
        h.run("ZADD", "b", "1.5", "x", "2", "y");
        assertThat(pushed(w)).isEqualTo("*3\r\n$1\r\nb\r\n$1\r\nx\r\n$3\r\n1.5\r\n");
        assertThat(b.run(w, "BZPOPMAX", "b", "0")).isEqualTo("*3\r\n$1\r\nb\r\n$1\r\ny\r\n$1\r\n2\r\n");
    }

    @Test
    void bzmpopServedInBlockingOrder() {
        Client w3 = b.client(3);
        b.run(w, "BZMPOP", "0", "1", "q", "MAX", "COUNT", "2");
        b.run(w3, "BZPOPMIN", "q", "0");
        h.run("ZADD", "q", "1", "a", "2", "b", "3", "c");
        assertThat(pushed(w)).isEqualTo("*2\r\n$1\r\nq\r\n*2\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n");
        assertThat(pushed(w3)).isEqualTo("*3\r\n$1\r\nq\r\n$1\r\na\r\n$1\r\n1\r\n");
        assertThat(h.run("EXISTS", "q")).isEqualTo(":0\r\n");
    }

    @Test
    void insideMultiNothingBlocks() {
        h.run("MULTI");
        h.run("BZPOPMIN", "q", "0");
        h.run("BZMPOP", "0", "1", "q", "MIN");
        assertThat(h.run("EXEC")).isEqualTo("*2\r\n*-1\r\n*-1\r\n");
    }
}
