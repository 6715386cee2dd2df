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

    /** The AOF of Redis 7.0.15 for the same five scripts (appendonly yes). */
    @Test
    void setReplLimitsWhereAScriptsLaterCallsGo() {
        assertThat(after("eval", "redis.set_repl(redis.REPL_NONE) redis.call('set','a','1') "
                + "redis.set_repl(redis.REPL_ALL) redis.call('set','b','2')", "0")).containsExactly("set b 2");
        assertThat(after("eval", "redis.set_repl(redis.REPL_AOF) redis.call('set','c','3') "
                + "redis.set_repl(redis.REPL_REPLICA) redis.call('set','d','4')", "0"))
                .containsExactly("MULTI", "set c 3", "EXEC");
        assertThat(after("eval", "redis.set_repl(redis.REPL_REPLICA) redis.call('set','e','5') "
                + "redis.call('publish','ch','m')", "0")).containsExactly("MULTI", "EXEC");
        assertThat(after("eval", "redis.set_repl(redis.REPL_AOF) redis.call('publish','ch','m2') "
                + "redis.call('set','f','6')", "0")).containsExactly("set f 6");
        assertThat(after("eval", "redis.set_repl(redis.REPL_NONE) redis.call('set','g','7')", "0")).isEmpty();
        // the next script starts with both targets again
        assertThat(after("eval", "redis.call('set','h','8')", "0")).containsExactly("set h 8");
        assertThat(h.run("mget", "a", "b", "c", "d", "e", "f", "g"))
                .isEqualTo("*7\r\n$1\r\n1\r\n$1\r\n2\r\n$1\r\n3\r\n$1\r\n4\r\n$1\r\n5\r\n$1\r\n6\r\n$1\r\n7\r\n");
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

    @Test
    void spopPropagatesTheMembersItRemoved() {
        h.run("sadd", "s1", "x");
        sink.take();
        assertThat(after("spop", "s1")).containsExactly("SREM s1 x");
        h.run("sadd", "s", "a", "b", "c", "d", "e", "f", "g");
        sink.take();
        String popped = h.run("spop", "s");
        assertThat(sink.take()).containsExactly("SREM s " + popped.split("\r\n")[1]);
        String[] two = h.run("spop", "s", "2").split("\r\n");
        assertThat(sink.take()).containsExactly("MULTI", "SREM s " + two[2], "SREM s " + two[4], "EXEC");
        assertThat(after("spop", "s", "0")).isEmpty();
        assertThat(after("spop", "s", "10")).containsExactly("DEL s");
        assertThat(after("srandmember", "s")).isEmpty();
        // Close to the whole set Redis keeps a random remainder instead: still one SREM per member replied.
        for (String[] members : new String[][] {"abcdefghijklmnopqrstuvwxyz".split(""), {"1", "2", "3", "4", "5", "6"}}) {
            String[] sadd = new String[members.length + 2];
            sadd[0] = "sadd";
            sadd[1] = "t";
            System.arraycopy(members, 0, sadd, 2, members.length);
            h.run(sadd);
            sink.take();
            String[] reply = h.run("spop", "t", Integer.toString(members.length - 2)).split("\r\n");
            java.util.List<String> expected = new java.util.ArrayList<>();
            expected.add("MULTI");
            for (int i = 2; i < reply.length; i += 2) {
                expected.add("SREM t " + reply[i]);
            }
            expected.add("EXEC");
            assertThat(sink.take()).containsExactlyElementsOf(expected).hasSize(members.length);
            h.run("del", "t");
        }
    }

    @Test
    void blockingAndMultiplePopsPropagateAsPlainPops() {
        h.run("rpush", "l", "a", "b", "c", "d", "e");
        sink.take();
        assertThat(after("lpop", "l")).containsExactly("lpop l");
        assertThat(after("blpop", "l", "0")).containsExactly("LPOP l");
        assertThat(after("brpop", "l", "0")).containsExactly("RPOP l");
        assertThat(after("blmove", "l", "l2", "left", "right", "0")).containsExactly("LMOVE l l2 left right");
        h.run("rpush", "l", "x");
        sink.take();
        assertThat(after("brpoplpush", "l", "l2", "0")).containsExactly("RPOPLPUSH l l2");
        assertThat(after("lmpop", "2", "nokey", "l", "left", "count", "5")).containsExactly("LPOP l 1");
        h.run("rpush", "l", "a", "b", "c");
        sink.take();
        assertThat(after("lmpop", "1", "l", "right")).containsExactly("RPOP l 1");
        assertThat(after("blmpop", "0", "1", "l", "left", "count", "10")).containsExactly("LPOP l 2");
        h.run("zadd", "z", "1", "a", "2", "b", "3", "c", "4", "d");
        sink.take();
        assertThat(after("zmpop", "1", "z", "min", "count", "2")).containsExactly("ZPOPMIN z 2");
        assertThat(after("bzmpop", "0", "1", "z", "max")).containsExactly("ZPOPMAX z 1");
        assertThat(after("bzpopmin", "z", "0")).containsExactly("ZPOPMIN z");
        assertThat(after("zpopmin", "z", "1")).isEmpty();
    }

    @Test
    void aServedBlockedClientsPopIsAUnitOfItsOwnAfterThePush() {
        io.nioredis.client.Client[] waiting = new io.nioredis.client.Client[4];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = new io.nioredis.client.Client(10 + i, h.state);
        }
        h.runAs(waiting[0], "blpop", "l", "0");
        h.runAs(waiting[1], "brpop", "l", "0");
        h.runAs(waiting[2], "blmove", "l", "l2", "LEFT", "RIGHT", "0");
        h.runAs(waiting[3], "blmpop", "0", "1", "l", "left", "count", "5");
        int before = sink.units;
        assertThat(after("rpush", "l", "a", "b", "c", "d", "e"))
                .containsExactly("rpush l a b c d e", "LPOP l", "RPOP l", "LMOVE l l2 left right", "LPOP l 2");
        assertThat(sink.units - before).isEqualTo(5);
        h.runAs(waiting[0], "brpoplpush", "l", "l3", "0");
        h.runAs(waiting[1], "bzpopmin", "z", "0");
        h.runAs(waiting[2], "bzmpop", "0", "1", "z", "max", "count", "2");
        assertThat(after("rpush", "l", "x")).containsExactly("rpush l x", "RPOPLPUSH l l3");
        assertThat(after("zadd", "z", "1", "a", "2", "b", "3", "c"))
                .containsExactly("zadd z 1 a 2 b 3 c", "ZPOPMIN z", "ZPOPMAX z 2");
    }

    @Test
    void restoreWithARelativeTtlPropagatesTheDeadlineAsAbsttl() {
        h.run("set", "a", "1");
        String dump = h.run("dump", "a");
        byte[] payload = dump.substring(dump.indexOf("\r\n") + 2, dump.length() - 2)
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        sink.take();
        String p = new String(payload, java.nio.charset.StandardCharsets.ISO_8859_1);
        h.run("restore".getBytes(), "b".getBytes(), "100000".getBytes(), payload);
        assertThat(sink.take()).containsExactly("restore b " + (NOW + 100_000) + " " + p + " ABSTTL");
        h.run("restore".getBytes(), "c".getBytes(), "0".getBytes(), payload);
        assertThat(sink.take()).containsExactly("restore c 0 " + p);
        h.run("restore".getBytes(), "d".getBytes(), "9999999999000".getBytes(), payload, "absttl".getBytes());
        assertThat(sink.take()).containsExactly("restore d 9999999999000 " + p + " absttl");
        h.run("restore".getBytes(), "e".getBytes(), "1".getBytes(), payload, "absttl".getBytes());
        assertThat(sink.take()).isEmpty();
        h.run("restore".getBytes(), "b".getBytes(), "100000".getBytes(), payload, "replace".getBytes(),
                "idletime".getBytes(), "10".getBytes());
        assertThat(sink.take())
                .containsExactly("restore b " + (NOW + 100_000) + " " + p + " replace idletime 10 ABSTTL");
        h.run("restore".getBytes(), "b".getBytes(), "1".getBytes(), payload, "replace".getBytes(),
                "absttl".getBytes());
        assertThat(sink.take()).containsExactly("DEL b");
    }

    @Test
    void xaddPropagatesTheIdItChoseAndApproximateTrimsAsExactOnes() {
        assertThat(after("xadd", "s", "1-1", "a", "1")).containsExactly("xadd s 1-1 a 1");
        assertThat(after("xadd", "s", "*", "a", "2")).containsExactly("xadd s " + NOW + "-0 a 2");
        assertThat(after("xadd", "s", "maxlen", "1", "*", "a", "3")).containsExactly("xadd s maxlen 1 " + NOW + "-1 a 3");
        assertThat(after("xadd", "s", "maxlen", "~", "1", "*", "a", "4"))
                .containsExactly("xadd s maxlen = 2 " + NOW + "-2 a 4");
        assertThat(after("xadd", "s", "minid", "~", "3", "9-*", "a", "5")).isEmpty();
        h.clock.advance(1);
        assertThat(after("xadd", "s", "minid", "~", "3", (NOW + 1) + "-*", "a", "5"))
                .containsExactly("xadd s minid = " + NOW + "-1 " + (NOW + 1) + "-0 a 5");
        assertThat(after("xtrim", "s", "maxlen", "~", "0")).containsExactly("xtrim s maxlen = 0");
        assertThat(after("xtrim", "s", "maxlen", "0")).isEmpty();
    }

    @Test
    void groupReadsAndClaimsPropagateAsXclaimsOfThePendingEntries() {
        assertThat(after("xgroup", "create", "s", "g", "$", "mkstream")).containsExactly("xgroup create s g $ mkstream");
        h.run("xadd", "s", "1-1", "a", "1");
        h.run("xadd", "s", "2-1", "a", "1");
        sink.take();
        long t1 = NOW + 1;
        h.clock.set(t1);
        assertThat(after("xreadgroup", "group", "g", "c", "count", "5", "streams", "s", ">")).containsExactly(
                "MULTI",
                "XCLAIM s g c 0 1-1 TIME " + t1 + " RETRYCOUNT 1 FORCE JUSTID LASTID 1-1",
                "XCLAIM s g c 0 2-1 TIME " + t1 + " RETRYCOUNT 1 FORCE JUSTID LASTID 2-1",
                "EXEC");
        assertThat(after("xreadgroup", "group", "g", "c", "streams", "s", "0")).isEmpty();
        long t2 = NOW + 2;
        h.clock.set(t2);
        assertThat(after("xclaim", "s", "g", "c2", "0", "1-1", "2-1", "9-9")).containsExactly(
                "MULTI",
                "XCLAIM s g c2 0 1-1 TIME " + t2 + " RETRYCOUNT 3 FORCE JUSTID LASTID 2-1",
                "XCLAIM s g c2 0 2-1 TIME " + t2 + " RETRYCOUNT 3 FORCE JUSTID LASTID 2-1",
                "EXEC");
        long t3 = NOW + 3;
        h.clock.set(t3);
        assertThat(after("xclaim", "s", "g", "c3", "0", "1-1", "justid"))
                .containsExactly("XCLAIM s g c3 0 1-1 TIME " + t3 + " RETRYCOUNT 3 FORCE JUSTID LASTID 2-1");
        assertThat(after("xdel", "s", "1-1")).containsExactly("xdel s 1-1");
        long t4 = NOW + 4;
        h.clock.set(t4);
        assertThat(after("xautoclaim", "s", "g", "c4", "0", "0-0")).containsExactly(
                "MULTI",
                "XCLAIM s g c3 0 1-1 TIME " + t3 + " RETRYCOUNT 3 FORCE JUSTID LASTID 2-1",
                "XCLAIM s g c4 0 2-1 TIME " + t4 + " RETRYCOUNT 4 FORCE JUSTID LASTID 2-1",
                "EXEC");
        h.run("xadd", "s", "3-1", "a", "1");
        sink.take();
        assertThat(after("xreadgroup", "group", "g", "c", "noack", "streams", "s", ">"))
                .containsExactly("XGROUP SETID s g 3-1 ENTRIESREAD 3");
        assertThat(after("xclaim", "s", "g", "c5", "0", "8-8", "lastid", "9-9"))
                .containsExactly("XGROUP SETID s g 9-9 ENTRIESREAD 3");
    }

    /** XAUTOCLAIM from a cursor: the deleted entries dropped are those from the cursor on, not those before it. */
    @Test
    void autoClaimFromACursorPropagatesTheDropsFromTheCursorOn() {
        h.run("xgroup", "create", "s", "g", "$", "mkstream");
        for (int i = 1; i <= 4; i++) {
            h.run("xadd", "s", i + "-1", "a", "1");
        }
        long t1 = NOW + 1;
        h.clock.set(t1);
        h.run("xreadgroup", "group", "g", "c", "streams", "s", ">");
        h.run("xdel", "s", "1-1", "3-1");
        sink.take();
        long t2 = NOW + 2;
        h.clock.set(t2);
        assertThat(after("xautoclaim", "s", "g", "c2", "0", "2-1")).containsExactly(
                "MULTI",
                "XCLAIM s g c2 0 2-1 TIME " + t2 + " RETRYCOUNT 2 FORCE JUSTID LASTID 4-1",
                "XCLAIM s g c 0 3-1 TIME " + t1 + " RETRYCOUNT 1 FORCE JUSTID LASTID 4-1",
                "XCLAIM s g c2 0 4-1 TIME " + t2 + " RETRYCOUNT 2 FORCE JUSTID LASTID 4-1",
                "EXEC");
        assertThat(after("xautoclaim", "s", "g", "c2", "0", "0-0")).containsExactly(
                "MULTI",
                "XCLAIM s g c 0 1-1 TIME " + t1 + " RETRYCOUNT 1 FORCE JUSTID LASTID 4-1",
                "XCLAIM s g c2 0 2-1 TIME " + t2 + " RETRYCOUNT 3 FORCE JUSTID LASTID 4-1",
                "XCLAIM s g c2 0 4-1 TIME " + t2 + " RETRYCOUNT 3 FORCE JUSTID LASTID 4-1",
                "EXEC");
    }

    @Test
    void evictedKeysPropagateAsDelEachAUnitOfItsOwnBeforeTheCommand() {
        h.run("set", "big1", "x".repeat(40));
        h.run("set", "big2", "x".repeat(40));
        sink.take();
        int before = sink.units;
        h.run("config", "set", "maxmemory-policy", "allkeys-random");
        h.run("config", "set", "maxmemory", "1");
        // Redis evicts within CONFIG SET already; here the next command's memory check does it. Each check
        // evicts for at most its time budget (as Redis's performEvictions), which a cold JVM on a busy machine
        // can use up, so reads go first until both keys are gone.
        for (int i = 0; i < 100 && !h.run("dbsize").equals(":0\r\n"); i++) {
            h.run("get", "nokey");
        }
        assertThat(h.run("set", "q", "1")).startsWith("-OOM");
        assertThat(sink.take()).containsExactlyInAnyOrder("DEL big1", "DEL big2");
        assertThat(sink.units - before).isEqualTo(2);
    }

    @Test
    void aLazyExpiryInAnotherDatabaseJoinsTheUnitUnderItsOwnSelect() {
        h.run("select", "1");
        h.run("set", "k", "old", "px", "50");
        h.run("select", "0");
        h.run("set", "a", "1");
        h.clock.advance(100);
        sink.take();
        assertThat(after("copy", "a", "k", "db", "1"))
                .containsExactly("SELECT 1", "MULTI", "DEL k", "SELECT 0", "copy a k db 1", "EXEC");
    }

    @Test
    void aServedBlockedGroupReadPropagatesItsDeliveriesAfterTheXadd() {
        h.run("xgroup", "create", "s", "g", "$", "mkstream");
        sink.take();
        io.nioredis.client.Client reader = new io.nioredis.client.Client(20, h.state);
        h.runAs(reader, "xreadgroup", "group", "g", "c", "block", "0", "streams", "s", ">");
        assertThat(after("xadd", "s", "1-1", "a", "1"))
                .containsExactly("xadd s 1-1 a 1", "XCLAIM s g c 0 1-1 TIME " + NOW + " RETRYCOUNT 1 FORCE JUSTID LASTID 1-1");
        h.runAs(reader, "xreadgroup", "group", "g", "c", "noack", "block", "0", "streams", "s", ">");
        assertThat(after("xadd", "s", "2-1", "a", "1"))
                .containsExactly("xadd s 2-1 a 1", "XGROUP SETID s g 2-1 ENTRIESREAD 2");
    }
}
