package io.nioredis.command;

import static io.nioredis.command.CommandHarness.OK;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The subscribed-mode and CLIENT REPLY rules; expected replies from redis-server 7.0.15. */
class ModalDispatchTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void resp2SubscriberMayOnlyRunPubSubCommands() {
        h.run("SUBSCRIBE", "ch");
        assertThat(h.run("GET", "x")).isEqualTo("-ERR Can't execute 'get': only (P|S)SUBSCRIBE / (P|S)UNSUBSCRIBE"
                + " / PING / QUIT / RESET are allowed in this context\r\n");
        assertThat(h.run("PING")).isEqualTo("*2\r\n$4\r\npong\r\n$0\r\n\r\n");
        assertThat(h.run("NOSUCH")).startsWith("-ERR unknown command 'NOSUCH'");
        assertThat(h.run("RESET")).isEqualTo("+RESET\r\n");
        assertThat(h.run("GET", "x")).isEqualTo("$-1\r\n");
    }

    @Test
    void resp3SubscriberMayRunAnything() {
        h.run("HELLO", "3");
        h.run("SUBSCRIBE", "ch");
        assertThat(h.run("GET", "x")).isEqualTo("_\r\n");
        assertThat(h.run("PING")).isEqualTo("+PONG\r\n");
    }

    @Test
    void replyOffSkipOn() {
        assertThat(h.run("CLIENT", "REPLY", "OFF")).isEmpty();
        assertThat(h.run("SET", "a", "1")).isEmpty();
        assertThat(h.run("CLIENT", "REPLY", "SKIP")).isEmpty(); // no effect while OFF
        assertThat(h.run("GET", "a")).isEmpty();
        assertThat(h.run("CLIENT", "REPLY", "ON")).isEqualTo(OK);
        assertThat(h.run("CLIENT", "REPLY", "SKIP")).isEmpty();
        assertThat(h.run("GET", "a")).isEmpty();
        assertThat(h.run("GET", "a")).isEqualTo("$1\r\n1\r\n");
    }

    @Test
    void replyOffInsideExecKeepsTheHeaderAsRedis() {
        h.run("MULTI");
        h.run("CLIENT", "REPLY", "OFF");
        assertThat(h.run("EXEC")).isEqualTo("*1\r\n");
        assertThat(h.run("PING")).isEmpty();
    }
}
