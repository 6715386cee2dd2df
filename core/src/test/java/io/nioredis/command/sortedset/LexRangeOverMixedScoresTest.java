package io.nioredis.command.sortedset;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * Lex ranges over members whose scores differ are undefined in Redis's documentation, but a small sorted
 * set (a listpack in Redis) answers them by scanning from the head or the tail, and clients see that. The
 * expected replies are redis-server 7.0.15's for the same commands.
 */
class LexRangeOverMixedScoresTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void reverseRangeStartsFromTheTailsFirstMemberWithinTheMaximum() {
        h.run("ZADD", "z1", "LT", "1", "d", "-1", "1", "3", "10");
        assertThat(h.run("ZRANGE", "z1", "[c", "[1", "BYLEX", "REV"))
                .isEqualTo("*3\r\n$2\r\n10\r\n$1\r\nd\r\n$1\r\n1\r\n");
    }

    @Test
    void limitAppliesAfterTheScan() {
        h.run("ZADD", "z2", "-1", "d");
        h.run("ZADD", "z2", "NX", "0", "c", "-2", "1", "0", "-1");
        assertThat(h.run("ZRANGE", "z2", "[a", "-", "BYLEX", "REV", "LIMIT", "2", "-1"))
                .isEqualTo("*1\r\n$1\r\n1\r\n");
    }

    @Test
    void countAndRemoveWalkFromTheHead() {
        h.run("ZINCRBY", "z0", "5e-324", "d");
        h.run("ZINCRBY", "z0", "0x10", "a");
        h.run("ZINCRBY", "z0", "-2.5", "2");
        assertThat(h.run("ZRANGE", "z0", "[a", "[1", "BYLEX", "REV"))
                .isEqualTo("*3\r\n$1\r\na\r\n$1\r\nd\r\n$1\r\n2\r\n");
        assertThat(h.run("ZLEXCOUNT", "z0", "[1", "[a")).isEqualTo(":1\r\n");
        assertThat(h.run("ZRANGEBYLEX", "z0", "[1", "[a")).isEqualTo("*1\r\n$1\r\n2\r\n");
        assertThat(h.run("ZREMRANGEBYLEX", "z0", "[1", "[a")).isEqualTo(":1\r\n");
        assertThat(h.run("ZRANGE", "z0", "0", "-1")).isEqualTo("*2\r\n$1\r\nd\r\n$1\r\na\r\n");
    }
}
