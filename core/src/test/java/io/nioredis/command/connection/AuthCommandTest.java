package io.nioredis.command.connection;

import io.nioredis.command.CommandHarness;

import io.nioredis.client.Client;

import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected replies are redis-server 7.0's for the same sessions. */
class AuthCommandTest {
    private static final String NOAUTH = error("NOAUTH Authentication required.");
    private static final String WRONGPASS = error("WRONGPASS invalid username-password pair or user is disabled.");

    private final CommandHarness h = new CommandHarness();

    @Test
    void withoutPasswordOneArgumentFormIsAnErrorButDefaultUserIsAccepted() {
        assertThat(h.run("AUTH", "x")).isEqualTo(error("ERR AUTH <password> called without any password "
                + "configured for the default user. Are you sure your configuration is correct?"));
        assertThat(h.run("AUTH", "default", "x")).isEqualTo(OK);
        assertThat(h.run("AUTH", "someone", "x")).isEqualTo(WRONGPASS);
        assertThat(h.run("AUTH", "a", "b", "c")).isEqualTo(error("ERR syntax error"));
        assertThat(h.run("AUTH")).isEqualTo(error("ERR wrong number of arguments for 'auth' command"));
    }

    @Test
    void passwordGatesEveryCommandButAuthAndQuit() {
        h.state.config.set("requirepass", "secret");
        Client stranger = new Client(2, h.state);
        assertThat(run(stranger, "PING")).isEqualTo(NOAUTH);
        assertThat(run(stranger, "SET", "k", "v")).isEqualTo(NOAUTH);
        // Unknown commands and wrong arity are reported before the password is asked for, as Redis does.
        assertThat(run(stranger, "FOO")).startsWith("-ERR unknown command 'FOO'");
        assertThat(run(stranger, "GET")).isEqualTo(error("ERR wrong number of arguments for 'get' command"));
        assertThat(run(stranger, "AUTH", "wrong")).isEqualTo(WRONGPASS);
        assertThat(run(stranger, "AUTH", "default", "wrong")).isEqualTo(WRONGPASS);
        assertThat(run(stranger, "AUTH", "nobody", "secret")).isEqualTo(WRONGPASS);
        assertThat(stranger.authRequired()).isTrue();
        assertThat(run(stranger, "AUTH", "secret")).isEqualTo(OK);
        assertThat(run(stranger, "PING")).isEqualTo("+PONG\r\n");
        // A later wrong password does not undo the authentication.
        assertThat(run(stranger, "AUTH", "wrong")).isEqualTo(WRONGPASS);
        assertThat(run(stranger, "PING")).isEqualTo("+PONG\r\n");
    }

    @Test
    void clientConnectedBeforeThePasswordWasSetStaysAuthenticated() {
        h.state.config.set("requirepass", "secret");
        assertThat(h.run("PING")).isEqualTo("+PONG\r\n");
        Client later = new Client(3, h.state);
        assertThat(run(later, "AUTH", "default", "secret")).isEqualTo(OK);
        assertThat(run(later, "PING")).isEqualTo("+PONG\r\n");
    }

    @Test
    void configGetShowsThePasswordAsRedisDoes() {
        h.run("CONFIG", "SET", "requirepass", "secret");
        assertThat(h.run("CONFIG", "GET", "requirepass"))
                .isEqualTo("*2\r\n$11\r\nrequirepass\r\n$6\r\nsecret\r\n");
    }

    private String run(Client client, String... args) {
        io.nioredis.resp.RespWriter out = new io.nioredis.resp.RespWriter(256);
        h.dispatcher.execute(client, io.nioredis.resp.Request.of(args), out);
        return new String(out.array(), 0, out.size(), java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
