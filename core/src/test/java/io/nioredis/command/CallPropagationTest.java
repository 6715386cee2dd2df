package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.propagation.RecordingSink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches the AOF and replicas for each command: the expected streams were recorded from Redis 7.0.15's
 * replication stream (a replica connected with SYNC) for the same commands, with its absolute times replaced
 * by this test clock's.
 */
class CallPropagationTest {
    /** The test clock's time: 1700000000000 ms. */
    private static final long NOW = 1_700_000_000_000L;

    private final CommandHarness h = new CommandHarness();
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void listen() {
        h.state.propagation.attach(sink);
        h.run("FLUSHALL");
        sink.take();
    }

    private java.util.List<String> after(String... command) {
        h.run(command);
        return sink.take();
    }

    @Test
    void aWriteThatChangedTheDatasetPropagatesAsSent() {
        assertThat(after("set", "a", "1")).containsExactly("set a 1");
        assertThat(after("get", "a")).isEmpty();
        assertThat(after("setnx", "a", "2")).isEmpty();
        assertThat(after("del", "nokey")).isEmpty();
    }

    @Test
    void theFirstUnitNamesItsDatabaseAndLaterOnesOnlyWhenItChanges() {
        RecordingSink fresh = new RecordingSink();
        h.state.propagation.attach(fresh);
        h.run("set", "a", "1");
        h.run("select", "3");
        h.run("set", "q", "1");
        h.run("set", "q", "2");
        assertThat(fresh.take()).containsExactly("SELECT 0", "set a 1", "SELECT 3", "set q 1", "set q 2");
    }

    @Test
    void flushesPropagateEvenWhenNothingWasThere() {
        assertThat(after("flushall")).containsExactly("flushall");
        assertThat(after("flushall", "async")).containsExactly("flushall async");
        assertThat(after("flushdb", "async")).containsExactly("flushdb async");
        assertThat(after("swapdb", "0", "0")).containsExactly("swapdb 0 0");
    }

    @Test
    void setWithAnExpiryBecomesSetPxat() {
        assertThat(after("set", "a", "1", "ex", "100")).containsExactly("SET a 1 PXAT " + (NOW + 100_000));
        assertThat(after("set", "a", "2", "px", "100000", "get")).containsExactly("SET a 2 PXAT " + (NOW + 100_000));
        assertThat(after("set", "a", "3", "keepttl")).containsExactly("set a 3 keepttl");
        assertThat(after("set", "a", "3", "exat", "9999999999")).containsExactly("SET a 3 PXAT 9999999999000");
        assertThat(after("set", "a", "2", "pxat", "9999999999000", "get"))
                .containsExactly("SET a 2 PXAT 9999999999000");
        assertThat(after("set", "c", "1", "ex", "100", "nx")).containsExactly("SET c 1 PXAT " + (NOW + 100_000));
        assertThat(after("set", "c", "1", "nx")).isEmpty();
        assertThat(after("setex", "b", "100", "x")).containsExactly("SET b x PXAT " + (NOW + 100_000));
        assertThat(after("psetex", "b", "100000", "x")).containsExactly("SET b x PXAT " + (NOW + 100_000));
    }

    @Test
    void setGetDropsItsGetOptionsAndGetsetBecomesSet() {
        assertThat(after("set", "a", "1", "get")).containsExactly("set a 1");
        assertThat(after("set", "a", "1", "GET", "xx", "get")).containsExactly("set a 1 xx");
        assertThat(after("getset", "a", "5")).containsExactly("SET a 5");
    }

    @Test
    void relativeAndSecondExpiriesBecomePexpireatAndPastOnesDel() {
        h.run("set", "c", "1");
        sink.take();
        assertThat(after("expire", "c", "100")).containsExactly("PEXPIREAT c " + (NOW + 100_000));
        assertThat(after("pexpire", "c", "100000")).containsExactly("PEXPIREAT c " + (NOW + 100_000));
        assertThat(after("expireat", "c", "9999999999")).containsExactly("PEXPIREAT c 9999999999000");
        assertThat(after("pexpireat", "c", "9999999999001")).containsExactly("pexpireat c 9999999999001");
        assertThat(after("expire", "c", "200", "lt")).containsExactly("PEXPIREAT c " + (NOW + 200_000) + " lt");
        assertThat(after("expire", "c", "-1")).containsExactly("DEL c");
        assertThat(after("expire", "nokey", "10")).isEmpty();
        h.run("set", "a", "1");
        sink.take();
        assertThat(after("pexpireat", "a", "1")).containsExactly("DEL a");
    }

    @Test
    void getexAndGetdelPropagateTheirEffect() {
        h.run("set", "d", "1");
        sink.take();
        assertThat(after("getex", "d", "ex", "100")).containsExactly("PEXPIREAT d " + (NOW + 100_000));
        assertThat(after("getex", "d", "persist")).containsExactly("PERSIST d");
        assertThat(after("getex", "d", "persist")).isEmpty();
        assertThat(after("getex", "d")).isEmpty();
        assertThat(after("getex", "d", "pxat", "9999999999000")).containsExactly("PEXPIREAT d 9999999999000");
        assertThat(after("getex", "d", "exat", "1")).containsExactly("DEL d");
        h.run("set", "d", "1");
        sink.take();
        assertThat(after("getdel", "d")).containsExactly("DEL d");
        assertThat(after("getdel", "d")).isEmpty();
    }

    @Test
    void floatIncrementsPropagateTheirExactResult() {
        h.run("set", "f", "1.5");
        sink.take();
        assertThat(after("incrbyfloat", "f", "1.1")).containsExactly("SET f 2.6 KEEPTTL");
        assertThat(after("incrbyfloat", "f", "1e3")).containsExactly("SET f 1002.59999999999999998 KEEPTTL");
        assertThat(after("hincrbyfloat", "h", "x", "2.5")).containsExactly("HSET h x 2.5");
    }

    @Test
    void aTransactionIsWrappedOnlyWhenItWroteMoreThanOnce() {
        h.run("multi");
        h.run("set", "a", "1");
        assertThat(after("exec")).containsExactly("set a 1");
        h.run("multi");
        h.run("get", "a");
        assertThat(after("exec")).isEmpty();
        h.run("multi");
        h.run("setnx", "a", "2");
        h.run("get", "a");
        assertThat(after("exec")).isEmpty();
        h.run("multi");
        h.run("rpush", "l", "a");
        h.run("get", "a");
        h.run("rpush", "l", "b");
        assertThat(after("exec")).containsExactly("MULTI", "rpush l a", "rpush l b", "EXEC");
        assertThat(sink.units).isEqualTo(2 + 1);
    }

    @Test
    void aScriptPropagatesItsWritesNeverItself() {
        assertThat(after("eval", "redis.call('set','k','v')", "0")).containsExactly("set k v");
        assertThat(after("eval", "redis.call('get','k')", "0")).isEmpty();
        assertThat(after("eval", "redis.call('set','k','v','ex','100') redis.call('incrbyfloat','f','1.5')", "0"))
                .containsExactly("MULTI", "SET k v PXAT " + (NOW + 100_000), "SET f 1.5 KEEPTTL", "EXEC");
        h.run("multi");
        h.run("eval", "redis.call('set','k','v')", "0");
        h.run("set", "x", "1");
        assertThat(after("exec")).containsExactly("MULTI", "set k v", "set x 1", "EXEC");
    }

    @Test
    void aScriptThatSelectsPropagatesInTheDatabaseItWroteTo() {
        h.run("select", "3");
        h.run("set", "q", "1");
        assertThat(sink.take()).containsExactly("SELECT 3", "set q 1");
        assertThat(after("eval", "redis.call('select','4') redis.call('set','k','v')", "0"))
                .containsExactly("SELECT 4", "set k v");
        assertThat(after("set", "q", "1")).containsExactly("SELECT 3", "set q 1");
    }

    @Test
    void aKeyFoundExpiredByAReadPropagatesAsDelAlone() {
        h.run("set", "k5", "1", "px", "50");
        h.clock.advance(100);
        sink.take();
        assertThat(after("get", "k5")).containsExactly("DEL k5");
        h.run("set", "k9", "1", "px", "50");
        h.clock.advance(100);
        sink.take();
        assertThat(after("mget", "k9", "k9")).containsExactly("DEL k9");
    }

    @Test
    void aKeyFoundExpiredByAWriteJoinsItsUnitFirst() {
        h.run("set", "k6", "1", "px", "50");
        h.run("set", "k7", "1", "px", "50");
        h.run("set", "kb", "1", "px", "50");
        h.run("set", "kc", "1", "px", "50");
        h.clock.advance(100);
        sink.take();
        assertThat(after("set", "k6", "2")).containsExactly("MULTI", "DEL k6", "set k6 2", "EXEC");
        assertThat(after("incr", "k7")).containsExactly("MULTI", "DEL k7", "incr k7", "EXEC");
        assertThat(after("eval", "redis.call('get','kb') redis.call('set','x','1')", "0"))
                .containsExactly("MULTI", "DEL kb", "set x 1", "EXEC");
        h.run("multi");
        h.run("get", "kc");
        h.run("set", "y", "1");
        assertThat(after("exec")).containsExactly("MULTI", "DEL kc", "set y 1", "EXEC");
    }

    @Test
    void activeExpiryPropagatesEachKeyAsAUnitOfItsOwn() {
        h.run("set", "kd", "1", "px", "50");
        h.run("set", "ke", "1", "px", "50");
        sink.take();
        int before = sink.units;
        h.clock.advance(100);
        h.state.databases.expireSome(h.clock.millis(), 100);
        assertThat(sink.take()).containsExactlyInAnyOrder("DEL kd", "DEL ke");
        assertThat(sink.units - before).isEqualTo(2);
    }

    @Test
    void nothingIsBuiltWithoutASink() {
        h.state.propagation.detach(sink);
        h.run("set", "a", "1", "ex", "100");
        h.run("eval", "redis.call('set','k','v') redis.call('set','k2','v')", "0");
        assertThat(h.state.propagation.inCall()).isFalse();
        h.state.propagation.attach(sink);
        assertThat(after("set", "b", "1")).containsExactly("set b 1");
    }
}
