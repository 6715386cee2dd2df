package io.nioredis.command.stream;

import static io.nioredis.command.BlockingHarness.pushed;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.client.Client;
import io.nioredis.command.BlockingHarness;
import io.nioredis.command.CommandHarness;
import org.junit.jupiter.api.Test;

/**
 * XREAD and XREADGROUP with BLOCK: blocked, served by XADD, timed out, answered when the stream or group
 * goes, and not blocking inside MULTI. Expected bytes are redis-server 7.0.15's for the same sequences.
 */
class StreamBlockingTest {
    private final BlockingHarness b = new BlockingHarness();
    private final CommandHarness h = b.h;
    private final Client w = b.client(2);
    private final Client w3 = b.client(3);

    private static final String ENTRY_2_1 = "*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n";
    private static final String KEY_GONE = "-UNBLOCKED the stream key no longer exists\r\n";

    @Test
    void xreadDollarWaitsForTheNextEntry() {
        h.run("XADD", "s", "1-1", "a", "b");
        assertThat(b.run(w, "XREAD", "BLOCK", "0", "STREAMS", "s", "$")).isEmpty();
        assertThat(b.run(w3, "XREAD", "BLOCK", "0", "STREAMS", "s", "1-1")).isEmpty();
        assertThat(w.isBlocked()).isTrue();
        assertThat(h.state.blocking.blockedClients()).isEqualTo(2);
        assertThat(h.run("XADD", "s", "2-1", "f", "v")).isEqualTo("$3\r\n2-1\r\n");
        assertThat(pushed(w)).isEqualTo(ENTRY_2_1);
        assertThat(pushed(w3)).isEqualTo(ENTRY_2_1); // XREAD takes nothing: every reader gets the entry
        assertThat(h.state.blocking.blockedClients()).isZero();
    }

    @Test
    void onlyTheStreamThatGotDataAnswers() {
        h.run("XADD", "s", "1-1", "f", "v");
        b.run(w, "XREAD", "BLOCK", "0", "STREAMS", "s", "t", "$", "$");
        h.run("XADD", "t", "2-1", "f", "v");
        assertThat(pushed(w)).isEqualTo("*1\r\n*2\r\n$1\r\nt\r\n*1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        w.protocol(3);
        b.run(w, "XREAD", "BLOCK", "0", "STREAMS", "s", "$");
        h.run("XADD", "s", "2-1", "f", "v");
        assertThat(pushed(w)).isEqualTo("%1\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
    }

    @Test
    void aKeyNamedTwiceWaitsForItsFirstId() {
        h.run("XADD", "s", "5-1", "f", "v");
        // With 0 the second id would serve at once: Redis answers the servable key synchronously.
        assertThat(b.run(w, "XREAD", "BLOCK", "0", "STREAMS", "s", "s", "$", "0"))
                .isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n5-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
        assertThat(b.run(w, "XREAD", "BLOCK", "0", "STREAMS", "s", "s", "$", "9-0")).isEmpty();
        h.run("XADD", "s", "6-1", "f", "v");
        assertThat(pushed(w)).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n6-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
    }

    @Test
    void aBlockedReadWithoutCountGetsAtMostAThousandEntries() {
        b.run(w, "XREAD", "BLOCK", "0", "STREAMS", "z", "0");
        h.run("MULTI");
        for (int i = 1; i <= 1001; i++) {
            h.run("XADD", "z", i + "-0", "f", "v");
        }
        h.run("EXEC");
        assertThat(pushed(w)).startsWith("*1\r\n*2\r\n$1\r\nz\r\n*1000\r\n*2\r\n$3\r\n1-0\r\n");
        b.run(w, "XREAD", "COUNT", "2", "BLOCK", "0", "STREAMS", "y", "0");
        h.run("MULTI");
        h.run("XADD", "y", "1-0", "f", "v");
        h.run("XADD", "y", "2-0", "f", "v");
        h.run("XADD", "y", "3-0", "f", "v");
        h.run("EXEC");
        assertThat(pushed(w)).isEqualTo("*1\r\n*2\r\n$1\r\ny\r\n*2\r\n*2\r\n$3\r\n1-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n"
                + "*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
    }

    @Test
    void anEntryNotPastTheAwaitedIdLeavesItWaiting() {
        h.run("XADD", "s", "3-1", "f", "v");
        b.run(w, "XREAD", "BLOCK", "0", "STREAMS", "s", "$");
        h.run("DEL", "s");
        h.run("XADD", "s", "1-1", "a", "b");
        h.run("XSETID", "s", "5-0"); // XSETID signals nothing
        h.run("SET", "x", "1");
        assertThat(pushed(w)).isEmpty();
        h.run("DEL", "s");
        h.run("SET", "s", "str"); // another type leaves XREAD waiting
        assertThat(pushed(w)).isEmpty();
        assertThat(w.isBlocked()).isTrue();
        h.run("DEL", "s");
        h.run("XADD", "s", "6-1", "f", "v");
        assertThat(pushed(w)).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n6-1\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n");
    }

    @Test
    void timeoutsAndTheirErrors() {
        assertThat(h.run("XREAD", "BLOCK", "-1", "STREAMS", "s", "$")).isEqualTo("-ERR timeout is negative\r\n");
        assertThat(h.run("XREAD", "BLOCK", "1.5", "STREAMS", "s", "$"))
                .isEqualTo("-ERR timeout is not an integer or out of range\r\n");
        assertThat(h.run("XREAD", "BLOCK", "abc", "STREAMS", "s", "$"))
                .isEqualTo("-ERR timeout is not an integer or out of range\r\n");
        b.run(w, "XREAD", "BLOCK", "10", "STREAMS", "s", "$");
        w3.protocol(3);
        b.run(w3, "XREAD", "BLOCK", "20", "STREAMS", "s", "$");
        assertThat(h.state.blocking.clientsWithDeadline()).isEqualTo(2);
        h.clock.advance(10);
        h.state.blocking.expire(h.clock.millis());
        assertThat(pushed(w)).isEmpty();
        h.clock.advance(1);
        h.state.blocking.expire(h.clock.millis());
        assertThat(pushed(w)).isEqualTo("*-1\r\n");
        h.clock.advance(10);
        h.state.blocking.expire(h.clock.millis());
        assertThat(pushed(w3)).isEqualTo("_\r\n");
        // A timeout past the end of time blocks forever, as in Redis.
        b.run(w, "XREAD", "BLOCK", "9223372036854775807", "STREAMS", "s", "$");
        assertThat(w.isBlocked()).isTrue();
        h.run("XADD", "s", "2-1", "f", "v");
        assertThat(pushed(w)).isEqualTo(ENTRY_2_1);
    }

    @Test
    void insideMultiItAnswersAsATimeout() {
        h.run("MULTI");
        h.run("XREAD", "BLOCK", "0", "STREAMS", "s", "$");
        h.run("XADD", "s", "1-1", "f", "v");
        h.run("XGROUP", "CREATE", "s", "g", "$");
        h.run("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        assertThat(h.run("EXEC")).isEqualTo("*4\r\n*-1\r\n$3\r\n1-1\r\n+OK\r\n*-1\r\n");
        assertThat(h.client.isBlocked()).isFalse();
        assertThat(h.run("XINFO", "CONSUMERS", "s", "g")).isEqualTo("*0\r\n");
    }

    @Test
    void scriptsMayNotAskToBlock() {
        assertThat(h.run("EVAL", "return redis.pcall('xread','BLOCK',0,'STREAMS','s','$')", "0"))
                .isEqualTo("-ERR xread command is not allowed with BLOCK option from scripts\r\n");
        assertThat(h.run("EVAL", "return redis.call('XREADGROUP','GROUP','g','c','BLOCK','-1','STREAMS','s','>')", "0"))
                .isEqualTo("-ERR XREADGROUP command is not allowed with BLOCK option from scripts script: "
                        + "720b4edde71e1be5b0d46f8a977d4fc78bacb4b3, on @user_script:1.\r\n");
        assertThat(h.run("EVAL", "return redis.pcall('XREAD','COUNT','x','BLOCK','0','STREAMS','s','$')", "0"))
                .isEqualTo("-ERR value is not an integer or out of range\r\n");
        assertThat(h.run("EVAL", "return redis.pcall('XREAD','STREAMS','s','$')", "0")).isEqualTo("$-1\r\n");
    }

    @Test
    void xreadgroupServesFirstComeFirstServedIntoThePel() {
        h.run("XADD", "s", "1-1", "f", "v");
        h.run("XGROUP", "CREATE", "s", "g", "$");
        b.run(w, "XREADGROUP", "GROUP", "g", "c1", "BLOCK", "0", "STREAMS", "s", ">");
        b.run(w3, "XREADGROUP", "GROUP", "g", "c2", "BLOCK", "0", "NOACK", "STREAMS", "s", ">");
        // Blocking creates no consumer in Redis 7.0; serving does.
        assertThat(h.run("XINFO", "CONSUMERS", "s", "g")).isEqualTo("*0\r\n");
        h.run("XADD", "s", "2-1", "f", "v");
        assertThat(pushed(w)).isEqualTo(ENTRY_2_1);
        assertThat(pushed(w3)).isEmpty();
        h.run("XADD", "s", "3-1", "a", "b");
        assertThat(pushed(w3)).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\na\r\n$1\r\nb\r\n");
        assertThat(h.run("XPENDING", "s", "g"))
                .isEqualTo("*4\r\n:1\r\n$3\r\n2-1\r\n$3\r\n2-1\r\n*1\r\n*2\r\n$2\r\nc1\r\n$1\r\n1\r\n");
        assertThat(h.run("XINFO", "GROUPS", "s")).contains("$17\r\nlast-delivered-id\r\n$3\r\n3-1\r\n");
        assertThat(h.run("XINFO", "CONSUMERS", "s", "g")).startsWith("*2\r\n*6\r\n$4\r\nname\r\n$2\r\nc1\r\n");
    }

    @Test
    void aGroupReadOfAKeyNamedTwiceSeesWhatTheFirstReadLeft() {
        h.run("XADD", "k", "1-1", "f", "a");
        h.run("XADD", "k", "2-1", "f", "b");
        h.run("XGROUP", "CREATE", "k", "g", "0");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", "k", "k", ">", ">"))
                .isEqualTo("*2\r\n*2\r\n$1\r\nk\r\n*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\na\r\n"
                        + "*2\r\n$1\r\nk\r\n*1\r\n*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nf\r\n$1\r\nb\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "c", "STREAMS", "k", "k", ">", ">")).isEqualTo("*-1\r\n");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "c", "STREAMS", "k", "k", "0", ">"))
                .isEqualTo("*1\r\n*2\r\n$1\r\nk\r\n*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\nf\r\n$1\r\na\r\n"
                        + "*2\r\n$3\r\n2-1\r\n*2\r\n$1\r\nf\r\n$1\r\nb\r\n");
        h.run("XADD", "k", "3-1", "f", "c");
        assertThat(h.run("XREADGROUP", "GROUP", "g", "c", "STREAMS", "k", "k", ">", ">"))
                .isEqualTo("*1\r\n*2\r\n$1\r\nk\r\n*1\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nf\r\n$1\r\nc\r\n");
    }

    @Test
    void xreadgroupHearsItsGroupOrStreamGo() {
        h.run("XADD", "s", "1-1", "f", "v");
        h.run("XGROUP", "CREATE", "s", "g", "$");
        b.run(w, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        h.run("XGROUP", "DESTROY", "s", "g");
        assertThat(pushed(w)).isEqualTo("-NOGROUP the consumer group this client was blocked on no longer exists\r\n");

        h.run("XGROUP", "CREATE", "s", "g", "$");
        b.run(w, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        h.run("DEL", "s");
        assertThat(pushed(w)).isEqualTo(KEY_GONE);

        for (String[] goAway : new String[][] {{"SET", "s", "x"}, {"FLUSHALL"}, {"FLUSHDB"}, {"SWAPDB", "0", "1"},
                {"RENAME", "s", "t"}}) {
            h.run("DEL", "s");
            h.run("XADD", "s", "2-1", "f", "v");
            h.run("XGROUP", "CREATE", "s", "g", "$");
            b.run(w, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
            h.run(goAway);
            assertThat(pushed(w)).as(String.join(" ", goAway)).isEqualTo(KEY_GONE);
            assertThat(h.state.blocking.blockedClients()).isZero();
        }
        // An expired stream is deleted when next looked at: the same answer.
        h.run("SWAPDB", "0", "1");
        h.run("DEL", "s", "t");
        h.run("XADD", "s", "2-1", "f", "v");
        h.run("XGROUP", "CREATE", "s", "g", "$");
        h.run("PEXPIRE", "s", "5");
        b.run(w, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        h.clock.advance(10);
        h.run("EXISTS", "s");
        assertThat(pushed(w)).isEqualTo(KEY_GONE);
    }

    @Test
    void swapdbBringingAStreamWithTheGroupServesIt() {
        h.run("SELECT", "1");
        h.run("XADD", "s", "9-1", "x", "y");
        h.run("XGROUP", "CREATE", "s", "g", "0");
        h.run("SELECT", "0");
        h.run("XADD", "s", "1-1", "f", "v");
        h.run("XGROUP", "CREATE", "s", "g", "$");
        b.run(w, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        h.run("SWAPDB", "0", "1");
        assertThat(pushed(w)).isEqualTo("*1\r\n*2\r\n$1\r\ns\r\n*1\r\n*2\r\n$3\r\n9-1\r\n*2\r\n$1\r\nx\r\n$1\r\ny\r\n");
    }

    @Test
    void aWritePauseHoldsXreadgroupAndLetsXreadBlock() {
        h.run("XADD", "s", "1-1", "f", "v");
        h.run("XGROUP", "CREATE", "s", "g", "$");
        h.run("CLIENT", "PAUSE", "400", "WRITE");
        assertThat(b.run(w, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">")).isEmpty();
        assertThat(w.paused()).isTrue(); // XREADGROUP is a write: held, not blocked on the key
        assertThat(h.run("INFO", "clients")).contains("blocked_clients:1\r\n"); // Redis counts it blocked
        assertThat(b.run(w3, "XREAD", "BLOCK", "0", "STREAMS", "s", "$")).isEmpty();
        assertThat(w3.isBlocked()).isTrue();
        assertThat(h.run("INFO", "clients")).contains("blocked_clients:2\r\n");
    }

    @Test
    void clientUnblockAndDisconnect() {
        b.run(w, "XREAD", "BLOCK", "0", "STREAMS", "s", "$");
        assertThat(h.run("CLIENT", "UNBLOCK", "2")).isEqualTo(":1\r\n");
        assertThat(pushed(w)).isEqualTo("*-1\r\n");
        h.run("XADD", "s", "1-1", "f", "v");
        h.run("XGROUP", "CREATE", "s", "g", "$");
        b.run(w, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        assertThat(h.run("CLIENT", "UNBLOCK", "2", "ERROR")).isEqualTo(":1\r\n");
        assertThat(pushed(w)).isEqualTo("-UNBLOCKED client unblocked via CLIENT UNBLOCK\r\n");
        b.run(w, "XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", "s", ">");
        assertThat(h.run("CLIENT", "LIST", "ID", "2")).contains(" flags=b ").contains(" cmd=xreadgroup ");
        assertThat(h.run("INFO", "clients")).contains("blocked_clients:1\r\n");
        w.disconnected();
        assertThat(h.state.blocking.blockedClients()).isZero();
        assertThat(h.state.blocking.blockingKeys()).isZero();
        h.run("DEL", "s"); // nobody hears of it now
        assertThat(pushed(w)).isEmpty();
    }
}
