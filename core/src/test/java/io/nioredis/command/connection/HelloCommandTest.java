package io.nioredis.command.connection;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HELLO's options and authentication; replies as redis-server 7.0.15 gives them. */
class HelloCommandTest {
    private final CommandHarness h = new CommandHarness();

    @Test
    void switchesTheClientAndTheWriterToResp3() {
        assertThat(h.run("HELLO", "3")).startsWith("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n");
        assertThat(h.client.protocol()).isEqualTo(3);
        assertThat(h.run("GET", "missing")).isEqualTo("_\r\n");
        assertThat(h.run("HELLO", "2")).startsWith("*14\r\n");
        assertThat(h.run("GET", "missing")).isEqualTo("$-1\r\n");
    }

    @Test
    void optionErrors() {
        assertThat(h.run("HELLO", "1")).isEqualTo("-NOPROTO unsupported protocol version\r\n");
        assertThat(h.run("HELLO", "3", "SETNAME")).isEqualTo("-ERR Syntax error in HELLO option 'SETNAME'\r\n");
        assertThat(h.run("HELLO", "3", "FOO")).isEqualTo("-ERR Syntax error in HELLO option 'FOO'\r\n");
        assertThat(h.client.protocol()).isEqualTo(2);
    }

    @Test
    void authChecksRequirepassWhenTheServerHasOne() {
        assertThat(h.run("HELLO", "2", "AUTH", "default", "whatever")).startsWith("*14\r\n");
        assertThat(h.run("HELLO", "2", "AUTH", "alice", "whatever"))
                .isEqualTo("-WRONGPASS invalid username-password pair or user is disabled.\r\n");
        if (h.state.config.has("requirepass")) {
            h.state.config.set("requirepass", "secret");
            assertThat(h.run("HELLO", "3", "AUTH", "default", "wrong", "SETNAME", "n"))
                    .isEqualTo("-WRONGPASS invalid username-password pair or user is disabled.\r\n");
            assertThat(h.client.name()).isNull(); // the name is set only after authentication
            assertThat(h.run("HELLO", "3", "AUTH", "default", "secret")).startsWith("%7\r\n");
        }
    }
}
