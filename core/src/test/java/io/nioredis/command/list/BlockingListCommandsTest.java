package io.nioredis.command.list;

import static io.nioredis.command.BlockingHarness.pushed;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.client.Client;
import io.nioredis.command.BlockingHarness;
import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * BLPOP, BRPOP, BLMPOP, LMPOP, BLMOVE and BRPOPLPUSH, at once, blocked and served, timed out and in MULTI;
 * expected bytes are redis-server 7.0.15's for the same sequences.
 */
class BlockingListCommandsTest {
    private final BlockingHarness b = new BlockingHarness();
    private final CommandHarness h = b.h;
    private final Client w = b.client(2);
    private final Client w3 = b.client(3);

    @Test
    void popAtOnceFromTheFirstListSkippingMissingKeys() {
        h.run("RPUSH", "l", "1", "2", "3");
        assertThat(h.run("BLPOP", "missing", "l", "0")).isEqualTo("*2\r\n$1\r\nl\r\n$1\r\n1\r\n");
        assertThat(h.run("BRPOP", "l", "0")).isEqualTo("*2\r\n$1\r\nl\r\n$1\r\n3\r\n");
        assertThat(h.run("BLMPOP", "0", "1", "l", "LEFT")).isEqualTo("*2\r\n$1\r\nl\r\n*1\r\n$1\r\n2\r\n");
        assertThat(h.run("EXISTS", "l")).isEqualTo(":0\r\n");
        assertThat(h.state.blocking.blockedClients()).isZero();
    }

    @Test
    void wrongTypeIsAnsweredBeforeLaterLists() {
        h.run("SET", "s", "x");
        h.run("RPUSH", "l", "1");
        String wrongType = "-WRONGTYPE Operation against a key holding the wrong kind of value\r\n";
        assertThat(h.run("BLPOP", "n", "s", "l", "0")).isEqualTo(wrongType);
        assertThat(h.run("LMPOP", "3", "n", "s", "l", "LEFT")).isEqualTo(wrongType);
        assertThat(h.run("LMPOP", "3", "n", "l", "s", "LEFT")).isEqualTo("*2\r\n$1\r\nl\r\n*1\r\n$1\r\n1\r\n");
        assertThat(h.run("BLMOVE", "s", "x", "LEFT", "LEFT", "0")).isEqualTo(wrongType);
    }

    @Test
    void lmpop() {
        h.run("RPUSH", "l", "1", "2", "3");
        assertThat(h.run("LMPOP", "1", "l", "RIGHT", "COUNT", "2")).isEqualTo("*2\r\n$1\r\nl\r\n*2\r\n$1\r\n3\r\n$1\r\n2\r\n");
        assertThat(h.run("LMPOP", "2", "x", "l", "left", "count", "9")).isEqualTo("*2\r\n$1\r\nl\r\n*1\r\n$1\r\n1\r\n");
        assertThat(h.run("LMPOP", "1", "l", "RIGHT")).isEqualTo("*-1\r\n");
        h.run("HELLO", "3");
        assertThat(h.run("LMPOP", "1", "l", "RIGHT")).isEqualTo("_\r\n");
    }

    @Test
    void argumentErrorsInRedisOrder() {
        assertThat(h.run("BLMPOP", "0", "0", "k", "LEFT")).isEqualTo("-ERR numkeys should be greater than 0\r\n");
        assertThat(h.run("BLMPOP", "0", "x", "k", "LEFT")).isEqualTo("-ERR numkeys should be greater than 0\r\n");
        assertThat(h.run("BLMPOP", "0", "-5", "k", "LEFT")).isEqualTo("-ERR numkeys should be greater than 0\r\n");
        assertThat(h.run("BLMPOP", "0", "2", "k", "LEFT")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BLMPOP", "0", "1", "k", "UP")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BLMPOP", "0", "1", "k", "LEFT", "COUNT", "0")).isEqualTo("-ERR count should be greater than 0\r\n");
        assertThat(h.run("BLMPOP", "0", "1", "k", "LEFT", "COUNT", "x")).isEqualTo("-ERR count should be greater than 0\r\n");
        assertThat(h.run("BLMPOP", "0", "1", "k", "LEFT", "COUNT")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BLMPOP", "0", "1", "k", "LEFT", "COUNT", "1", "COUNT", "2")).isEqualTo("-ERR syntax error\r\n");
        // The timeout is read after the rest.
        assertThat(h.run("BLMPOP", "-1", "1", "k", "LEFT", "COUNT", "0")).isEqualTo("-ERR count should be greater than 0\r\n");
        assertThat(h.run("BLMPOP", "-1", "1", "k", "LEFT")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(h.run("BLMPOP", "x", "1", "k", "LEFT")).isEqualTo("-ERR timeout is not a float or out of range\r\n");
        assertThat(h.run("LMPOP", "9223372036854775807", "k", "LEFT")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("LMPOP", "1", "k", "LEFT", "count", "-1")).isEqualTo("-ERR count should be greater than 0\r\n");
        assertThat(h.run("BLMOVE", "a", "b", "UP", "LEFT", "-1")).isEqualTo("-ERR syntax error\r\n");
        assertThat(h.run("BLMOVE", "a", "b", "LEFT", "LEFT", "-1")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(h.run("BRPOPLPUSH", "a", "b", "x")).isEqualTo("-ERR timeout is not a float or out of range\r\n");
        assertThat(h.run("BLPOP", "k", "abc")).isEqualTo("-ERR timeout is not a float or out of range\r\n");
        assertThat(h.state.blocking.blockedClients()).isZero();
    }

    @Test
    void servedInBlockingOrderWithTheKeyThatGotData() {
        assertThat(b.run(w, "BLPOP", "a", "b", "0")).isEmpty();
        assertThat(b.run(w3, "BRPOP", "b", "0")).isEmpty();
        assertThat(h.state.blocking.blockedClients()).isEqualTo(2);
        assertThat(w.isBlocked()).isTrue();
        assertThat(h.run("RPUSH", "b", "x", "y", "z")).isEqualTo(":3\r\n");
        assertThat(pushed(w)).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nx\r\n");
        assertThat(pushed(w3)).isEqualTo("*2\r\n$1\r\nb\r\n$1\r\nz\r\n");
        assertThat(h.run("LRANGE", "b", "0", "-1")).isEqualTo("*1\r\n$1\r\ny\r\n");
        assertThat(w.isBlocked()).isFalse();
        assertThat(h.state.blocking.blockedClients()).isZero();
    }

    @Test
    void blmpopServedWithCount() {
        b.run(w, "BLMPOP", "0", "2", "a", "b", "RIGHT", "COUNT", "5");
        h.run("RPUSH", "b", "x", "y");
        assertThat(pushed(w)).isEqualTo("*2\r\n$1\r\nb\r\n*2\r\n$1\r\ny\r\n$1\r\nx\r\n");
        assertThat(h.run("EXISTS", "b")).isEqualTo(":0\r\n");
    }

    @Test
    void blmoveChainsToAClientBlockedOnItsDestination() {
        b.run(w, "BLMOVE", "c1", "c2", "LEFT", "RIGHT", "0");
        b.run(w3, "BLPOP", "c2", "0");
        assertThat(h.run("RPUSH", "c1", "x", "y")).isEqualTo(":2\r\n");
        assertThat(pushed(w)).isEqualTo("$1\r\nx\r\n");
        assertThat(pushed(w3)).isEqualTo("*2\r\n$2\r\nc2\r\n$1\r\nx\r\n");
        assertThat(h.run("LRANGE", "c1", "0", "-1")).isEqualTo("*1\r\n$1\r\ny\r\n");
        assertThat(h.run("EXISTS", "c2")).isEqualTo(":0\r\n");
    }

    @Test
    void blmoveRotatesOntoItself() {
        b.run(w, "BLMOVE", "c3", "c3", "LEFT", "RIGHT", "0");
        h.run("RPUSH", "c3", "x", "y");
        assertThat(pushed(w)).isEqualTo("$1\r\nx\r\n");
        assertThat(h.run("LRANGE", "c3", "0", "-1")).isEqualTo("*2\r\n$1\r\ny\r\n$1\r\nx\r\n");
    }

    @Test
    void blmoveToADestinationOfAnotherTypeAnswersWrongTypeAndPopsNothing() {
        b.run(w, "BLMOVE", "a", "d", "RIGHT", "LEFT", "0");
        h.run("SET", "d", "str");
        h.run("RPUSH", "a", "x", "y");
        assertThat(pushed(w)).isEqualTo("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n");
        assertThat(h.run("LRANGE", "a", "0", "-1")).isEqualTo("*2\r\n$1\r\nx\r\n$1\r\ny\r\n");
        assertThat(w.isBlocked()).isFalse();
        // As INFO commandstats in Redis 7.0: counted when it ran, failed when it was answered.
        assertThat(h.dispatcher.table().lookupFullName("blmove").calls).isEqualTo(1);
        assertThat(h.dispatcher.table().lookupFullName("blmove").failedCalls).isEqualTo(1);
        assertThat(h.state.errors.byPrefix().get("WRONGTYPE")[0]).isEqualTo(1);
    }

    @Test
    void timeoutsComeFromTheDeadlinesWithANullArray() {
        b.run(w, "BRPOPLPUSH", "a", "d", "0.05");
        b.run(w3, "BLPOP", "a", "1");
        w3.protocol(3);
        assertThat(h.state.blocking.clientsWithDeadline()).isEqualTo(2);
        h.clock.advance(50);
        h.state.blocking.expire(h.clock.millis());
        assertThat(pushed(w)).isEmpty();
        h.clock.advance(1);
        h.state.blocking.expire(h.clock.millis());
        assertThat(pushed(w)).isEqualTo("*-1\r\n");
        h.clock.advance(1000);
        h.state.blocking.expire(h.clock.millis());
        assertThat(pushed(w3)).isEqualTo("_\r\n");
        assertThat(h.state.blocking.blockedClients()).isZero();
    }

    @Test
    void insideMultiNothingBlocks() {
        h.run("MULTI");
        h.run("BLPOP", "q", "0");
        h.run("BLMOVE", "q", "r", "LEFT", "LEFT", "0");
        h.run("BRPOPLPUSH", "q", "r", "0");
        h.run("BLMPOP", "0", "1", "q", "LEFT");
        h.run("BLPOP", "q", "-1");
        h.run("RPUSH", "q", "a");
        h.run("BLPOP", "q", "0");
        assertThat(h.run("EXEC")).isEqualTo("*7\r\n*-1\r\n$-1\r\n$-1\r\n*-1\r\n-ERR timeout is negative\r\n:1\r\n"
                + "*2\r\n$1\r\nq\r\n$1\r\na\r\n");
        assertThat(h.client.isBlocked()).isFalse();
        h.run("HELLO", "3");
        h.run("MULTI");
        h.run("BLPOP", "q", "0");
        h.run("BLMOVE", "q", "r", "LEFT", "LEFT", "0");
        assertThat(h.run("EXEC")).isEqualTo("*2\r\n_\r\n_\r\n");
        assertThat(h.run("BLPOP", "q", "0")).isEmpty(); // and blocks again outside
    }

    @Test
    void pushesInsideMultiAreServedAfterExecWithTheStateExecLeft() {
        b.run(w, "BLPOP", "q", "0");
        b.run(w3, "BLPOP", "q", "0");
        h.run("MULTI");
        h.run("RPUSH", "q", "1");
        h.run("RPUSH", "q", "2", "3");
        h.run("LPOP", "q");
        assertThat(h.run("EXEC")).isEqualTo("*3\r\n:1\r\n:3\r\n$1\r\n1\r\n");
        assertThat(pushed(w)).isEqualTo("*2\r\n$1\r\nq\r\n$1\r\n2\r\n");
        assertThat(pushed(w3)).isEqualTo("*2\r\n$1\r\nq\r\n$1\r\n3\r\n");
        assertThat(h.run("EXISTS", "q")).isEqualTo(":0\r\n");
    }

    @Test
    void aKeyDeletedOrOfAnotherTypeLeavesTheWaiterBlocked() {
        b.run(w, "BLPOP", "q2", "0");
        h.run("MULTI");
        h.run("RPUSH", "q2", "1");
        h.run("DEL", "q2");
        h.run("EXEC");
        assertThat(pushed(w)).isEmpty();
        h.run("SET", "q2", "x");
        h.run("DEL", "q2");
        h.run("ZADD", "q2", "1", "m");
        assertThat(pushed(w)).isEmpty();
        assertThat(w.isBlocked()).isTrue();
        h.run("DEL", "q2");
        h.run("RPUSH", "q2", "1");
        assertThat(pushed(w)).isEqualTo("*2\r\n$2\r\nq2\r\n$1\r\n1\r\n");
    }

    @Test
    void swapdbAndRenameWakeWaiters() {
        b.run(w, "BLPOP", "sw", "0");
        h.run("SELECT", "1");
        h.run("RPUSH", "sw", "9");
        assertThat(pushed(w)).isEmpty();
        h.run("SWAPDB", "0", "1");
        assertThat(pushed(w)).isEqualTo("*2\r\n$2\r\nsw\r\n$1\r\n9\r\n");
        h.run("SELECT", "0");
        b.run(w, "BLPOP", "ex", "0");
        h.run("RPUSH", "src", "1", "2");
        h.run("RENAME", "src", "ex");
        assertThat(pushed(w)).isEqualTo("*2\r\n$2\r\nex\r\n$1\r\n1\r\n");
    }

    @Test
    void flushallLeavesWaitersBlocked() {
        b.run(w, "BLPOP", "fa", "0");
        h.run("FLUSHALL");
        assertThat(w.isBlocked()).isTrue();
        h.run("RPUSH", "fa", "1");
        assertThat(pushed(w)).isEqualTo("*2\r\n$2\r\nfa\r\n$1\r\n1\r\n");
    }

    @Test
    void aDisconnectedWaiterLeavesTheQueue() {
        b.run(w, "BLPOP", "k", "5");
        b.run(w3, "BLPOP", "k", "0");
        w.disconnected();
        assertThat(h.state.blocking.blockedClients()).isEqualTo(1);
        assertThat(h.state.blocking.clientsWithDeadline()).isZero();
        h.run("RPUSH", "k", "v");
        assertThat(pushed(w)).isEmpty();
        assertThat(pushed(w3)).isEqualTo("*2\r\n$1\r\nk\r\n$1\r\nv\r\n");
    }

    @Test
    void notificationsAsRedisSendsThem() {
        io.nioredis.command.EventRecorder events = new io.nioredis.command.EventRecorder();
        h.state.databases.get(0).events(events);
        b.run(w, "BLPOP", "k", "0");
        h.run("RPUSH", "k", "v");
        b.run(w, "BLMOVE", "s", "d", "LEFT", "RIGHT", "0");
        h.run("RPUSH", "s", "v");
        b.run(w, "BLMPOP", "0", "1", "m", "LEFT", "COUNT", "2");
        h.run("RPUSH", "m", "1", "2", "3");
        // As Redis 7.0.15 publishes them (keyevent channel, in order).
        assertThat(events.events).containsExactly("rpush k", "lpop k", "del k", "rpush s", "rpush d", "lpop s",
                "del s", "rpush m", "lpop m");
    }
}
