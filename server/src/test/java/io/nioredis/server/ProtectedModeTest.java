package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtectedModeTest {
    @Test
    void turnsAwayNonLoopbackClientsOnlyWhenOnAndWithoutPassword() throws Exception {
        InetAddress remote = InetAddress.getByName("10.1.2.3");
        InetAddress remote6 = InetAddress.getByName("2001:db8::1");
        assertThat(ProtectedMode.rejects(true, false, remote)).isTrue();
        assertThat(ProtectedMode.rejects(true, false, remote6)).isTrue();
        assertThat(ProtectedMode.rejects(true, true, remote)).isFalse();
        assertThat(ProtectedMode.rejects(false, false, remote)).isFalse();
    }

    @Test
    void loopbackMeansExactly127001AndColonColon1AsInRedis() throws Exception {
        assertThat(ProtectedMode.rejects(true, false, InetAddress.getByName("127.0.0.1"))).isFalse();
        assertThat(ProtectedMode.rejects(true, false, InetAddress.getByName("::1"))).isFalse();
        assertThat(ProtectedMode.rejects(true, false, InetAddress.getByName("127.0.0.2"))).isTrue();
        assertThat(ProtectedMode.rejects(true, false, InetAddress.getByName("0.0.0.0"))).isTrue();
    }

    @Test
    void deniedReplyIsOneRedisErrorLine() {
        String reply = new String(ProtectedMode.DENIED, StandardCharsets.US_ASCII);
        assertThat(reply).startsWith("-DENIED Redis is running in protected mode because protected mode is enabled "
                + "and no password is set for the default user.");
        assertThat(reply).endsWith("to start accepting connections from the outside.\r\n");
        assertThat(reply.indexOf('\r')).isEqualTo(reply.length() - 2);
    }
}
