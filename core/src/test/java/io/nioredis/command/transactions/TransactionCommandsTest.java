package io.nioredis.command.transactions;

import io.nioredis.command.CommandHarness;

import io.nioredis.client.Client;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MULTI/EXEC/DISCARD/WATCH; expected replies as redis-server 7.0.15 gives them. */
class TransactionCommandsTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void queuedCommandsRunAtExecWithRuntimeErrorsInPlace() {
        assertThat(h.run("MULTI")).isEqualTo(OK);
        assertThat(h.run("SET", "a", "1")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("EXPIRE", "a", "x")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("GET", "a")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("GET", "a")).isEqualTo("+QUEUED\r\n"); // nothing ran yet
        assertThat(h.run("EXEC")).isEqualTo(
                "*4\r\n+OK\r\n-ERR value is not an integer or out of range\r\n$1\r\n1\r\n$1\r\n1\r\n");
        assertThat(h.client.transaction()).isNull();
    }

    @Test
    void queuedArgumentsSurviveTheRequestBuffer() {
        h.run("MULTI");
        byte[] key = "key".getBytes();
        io.nioredis.resp.Request r = io.nioredis.resp.Request.of("SET".getBytes(), key, "v".getBytes());
        h.run(r);
        key[0] = 'X'; // the parser reuses its buffer; the queued copy must not change
        r.array()[3] = 'X';
        assertThat(h.run("EXEC")).isEqualTo("*1\r\n+OK\r\n");
        assertThat(h.run("GET", "key")).isEqualTo(bulk("v"));
    }

    @Test
    void rejectedCommandWhileQueuingAbortsExec() {
        h.run("SET", "a", "old");
        h.run("MULTI");
        h.run("SET", "a", "new");
        assertThat(h.run("SET", "a")).isEqualTo("-ERR wrong number of arguments for 'set' command\r\n");
        assertThat(h.run("EXEC")).isEqualTo("-EXECABORT Transaction discarded because of previous errors.\r\n");
        assertThat(h.run("GET", "a")).isEqualTo(bulk("old"));
    }

    @Test
    void noMultiCommandIsRefusedAndAbortsExec() {
        h.run("MULTI");
        assertThat(h.run("SHUTDOWN")).isEqualTo("-ERR Command not allowed inside a transaction\r\n");
        assertThat(h.run("PING")).isEqualTo("+QUEUED\r\n");
        assertThat(h.run("EXEC")).isEqualTo("-EXECABORT Transaction discarded because of previous errors.\r\n");
        assertThat(h.state.shutdownRequested).isFalse();
    }

    @Test
    void controlErrors() {
        assertThat(h.run("EXEC")).isEqualTo("-ERR EXEC without MULTI\r\n");
        assertThat(h.run("DISCARD")).isEqualTo("-ERR DISCARD without MULTI\r\n");
        h.run("MULTI");
        assertThat(h.run("MULTI")).isEqualTo("-ERR MULTI calls can not be nested\r\n");
        assertThat(h.run("WATCH", "k")).isEqualTo("-ERR WATCH inside MULTI is not allowed\r\n");
        assertThat(h.run("DISCARD")).isEqualTo(OK);
        assertThat(h.run("EXEC")).isEqualTo("-ERR EXEC without MULTI\r\n");
    }

    @Test
    void watchedKeyChangedByAnotherClientOrExpiryFailsExec() {
        Client other = new Client(2, h.state);
        h.run("SET", "k", "1");
        h.run("WATCH", "k");
        h.runAs(other, "SET", "k", "2");
        h.run("MULTI");
        h.run("SET", "k", "3");
        assertThat(h.run("EXEC")).isEqualTo("*-1\r\n");
        assertThat(h.run("GET", "k")).isEqualTo(bulk("2"));

        h.run("SET", "t", "1", "PX", "100");
        h.run("WATCH", "t");
        h.clock.advance(200);
        h.run("GET", "t"); // lazy expiry deletes it
        h.run("MULTI");
        assertThat(h.run("EXEC")).isEqualTo("*-1\r\n");
    }

    @Test
    void unwatchAndExecForgetWatches() {
        Client other = new Client(2, h.state);
        h.run("WATCH", "k");
        assertThat(h.run("UNWATCH")).isEqualTo(OK);
        h.runAs(other, "SET", "k", "2");
        h.run("MULTI");
        assertThat(h.run("EXEC")).isEqualTo("*0\r\n");
        assertThat(h.state.watches.watchingClients()).isZero();
    }

    @Test
    void watchedKeyInAnotherDatabaseIsNotTouchedBySameName() {
        Client other = new Client(2, h.state);
        h.run("WATCH", "k");
        h.runAs(other, "SELECT", "1");
        h.runAs(other, "SET", "k", "x");
        h.run("MULTI");
        assertThat(h.run("EXEC")).isEqualTo("*0\r\n");
    }

    @Test
    void touchedWatchInResp3IsNull() {
        Client other = new Client(2, h.state);
        h.run("HELLO", "3");
        h.run("WATCH", "k");
        h.runAs(other, "SET", "k", "1");
        h.run("MULTI");
        assertThat(h.run("EXEC")).isEqualTo("_\r\n");
    }
}
