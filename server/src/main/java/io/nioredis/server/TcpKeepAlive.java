package io.nioredis.server;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import jdk.net.ExtendedSocketOptions;

/**
 * tcp-keepalive, as Redis's anetKeepAlive sets it on every accepted client: TCP keepalive probes after
 * {@code seconds} idle, then every third of that, three unanswered ones dropping the connection, so a peer
 * that vanished without a FIN (a crashed host, a dropped NAT entry) is found in about twice that time.
 */
final class TcpKeepAlive {
    private static final int PROBES = 3;

    private TcpKeepAlive() {}

    /** Nothing for 0; where the platform refuses a setting, its own default stays, as Redis ignores it. */
    static void apply(SocketChannel channel, int seconds) {
        if (seconds <= 0) {
            return;
        }
        try {
            channel.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
            channel.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, seconds);
            channel.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, Math.max(1, seconds / 3));
            channel.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, PROBES);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException refused) {
            // as Redis, which does not check what anetKeepAlive returns
        }
    }
}
