package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * A burst of connections that connect and drop at once must not leave the server counting the dead ones
 * against {@code maxclients}: the next client is accepted as soon as fewer than maxclients are alive.
 */
class MaxClientsBurstIT {
    private static final int BURST = 2000;

    @Test
    void clientAfterABurstOfDroppedConnectionsIsAccepted() throws Exception {
        try (TestServer server = TestServer.start("maxclients", "50")) {
            for (int i = 0; i < BURST; i++) {
                new Socket("127.0.0.1", server.port()).close();
            }
            try (RawConnection next = server.raw()) {
                next.command("PING");
                assertThat(next.readReply()).isEqualTo("+PONG\r\n");
            }
            try (Jedis jedis = server.jedis()) {
                assertThat(Awaits.until(() -> Awaits.infoField(jedis, "connected_clients") == 1, 5000)).isTrue();
            }
        }
    }
}
