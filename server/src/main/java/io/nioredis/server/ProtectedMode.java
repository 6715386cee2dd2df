package io.nioredis.server;

import java.net.InetAddress;

/**
 * Redis's protected mode: while it is on and the default user has no password, only clients connecting
 * from the loopback interface are served; anyone else gets {@link #DENIED} and is disconnected. Like
 * Redis, "loopback" means exactly 127.0.0.1 or ::1.
 */
final class ProtectedMode {
    static final byte[] DENIED = ("-DENIED Redis is running in protected mode because protected mode is enabled "
            + "and no password is set for the default user. In this mode connections are only accepted from the "
            + "loopback interface. If you want to connect from external computers to Redis you may adopt one of "
            + "the following solutions: 1) Just disable protected mode sending the command 'CONFIG SET "
            + "protected-mode no' from the loopback interface by connecting to Redis from the same host the "
            + "server is running, however MAKE SURE Redis is not publicly accessible from internet if you do so. "
            + "Use CONFIG REWRITE to make this change permanent. 2) Alternatively you can just disable the "
            + "protected mode by editing the Redis configuration file, and setting the protected mode option to "
            + "'no', and then restarting the server. 3) If you started the server manually just for testing, "
            + "restart it with the '--protected-mode no' option. 4) Setup a an authentication password for the "
            + "default user. NOTE: You only need to do one of the above things in order for the server to start "
            + "accepting connections from the outside.\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final byte[] IPV4_LOOPBACK = {127, 0, 0, 1};
    private static final byte[] IPV6_LOOPBACK = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    private ProtectedMode() {}

    /** True if a client from {@code peer} is to be turned away. */
    static boolean rejects(boolean enabled, boolean passwordSet, InetAddress peer) {
        return enabled && !passwordSet && !isLoopback(peer);
    }

    static boolean isLoopback(InetAddress peer) {
        byte[] a = peer.getAddress();
        return java.util.Arrays.equals(a, IPV4_LOOPBACK) || java.util.Arrays.equals(a, IPV6_LOOPBACK);
    }
}
