package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** maxclients, the query and output buffer limits and the idle timeout, against the running server. */
class ClientLimitsIT {
    @Test
    void clientBeyondMaxclientsIsToldAndClosedAndCounted() throws Exception {
        try (TestServer server = TestServer.start("maxclients", "3");
             Jedis first = server.jedis();
             RawConnection second = server.raw();
             RawConnection third = server.raw()) {
            first.ping();
            second.command("PING");
            second.readReply();
            third.command("PING");
            third.readReply();
            try (RawConnection fourth = server.raw()) {
                assertThat(fourth.readReply()).isEqualTo("-ERR max number of clients reached\r\n");
                assertThat(fourth.closedByServer()).isTrue();
            }
            assertThat(Awaits.infoField(first, "rejected_connections")).isEqualTo(1);
            assertThat(Awaits.infoField(first, "connected_clients")).isEqualTo(3);
            assertThat(Awaits.infoField(first, "total_connections_received")).isEqualTo(3);
        }
    }

    /**
     * tcp-keepalive on the server's end of each accepted connection, as `ss -o` shows it for Redis 7.0
     * ("timer:(keepalive,4min59sec,0)" with the default 300); a change applies to connections accepted after it.
     */
    @Test
    void acceptedConnectionsProbeIdlePeersAfterTcpKeepalive() throws Exception {
        try (TestServer server = TestServer.start("tcp-keepalive", "120"); Jedis admin = server.jedis()) {
            try (Socket probed = pinged(server.port())) {
                assertThat(serverSideTimer(server.port(), probed.getLocalPort()))
                        .matches("timer:\\(keepalive,(1min[0-9]+sec|2min),0\\)");
            }
            admin.configSet("tcp-keepalive", "0");
            try (Socket unprobed = pinged(server.port())) {
                assertThat(serverSideTimer(server.port(), unprobed.getLocalPort())).isEmpty();
            }
        }
    }

    private static Socket pinged(int port) throws Exception {
        Socket socket = new Socket("127.0.0.1", port);
        socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(socket.getInputStream().readNBytes(7), StandardCharsets.US_ASCII)).isEqualTo("+PONG\r\n");
        return socket;
    }

    /** The timer field `ss -o` prints for the server's end of this client's connection, or "" if none. */
    private static String serverSideTimer(int serverPort, int clientPort) throws Exception {
        Process ss = new ProcessBuilder("ss", "-tnoH", "state", "established",
                "( sport = :" + serverPort + " and dport = :" + clientPort + " )").redirectErrorStream(true).start();
        String line = new String(ss.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(ss.waitFor()).isZero();
        assertThat(line).contains(":" + serverPort + " "); // one connection found, v4 or v4-mapped v6
        int timer = line.indexOf("timer:");
        return timer < 0 ? "" : line.substring(timer).trim();
    }

    @Test
    void maxclientsCannotBeSetBeyondTheOpenFileLimit() throws Exception {
        long fds = ((com.sun.management.UnixOperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getMaxFileDescriptorCount();
        try (TestServer server = TestServer.start(); Jedis jedis = server.jedis()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jedis.configSet("maxclients", Long.toString(fds)))
                    .hasMessage("ERR CONFIG SET failed (possibly related to argument 'maxclients') - The operating "
                            + "system is not able to handle the specified number of clients, try with " + (fds - 32));
            assertThat(jedis.configSet("maxclients", Long.toString(fds - 32))).isEqualTo("OK");
        }
    }

    @Test
    void announcingHugeBulksCostsNoMemory() throws Exception {
        // 64 clients each announcing a bulk just under proto-max-bulk-len would cost 32 GB if the server
        // allocated what they announce; it must allocate only for what they send.
        try (TestServer server = TestServer.start(); Jedis other = server.jedis()) {
            java.util.List<Socket> liars = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < 64; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    liars.add(s);
                    s.getOutputStream().write(("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + (512 * 1024 * 1024 - 1)
                            + "\r\n0123456789").getBytes(StandardCharsets.US_ASCII));
                }
                assertThat(Awaits.until(() -> Awaits.infoField(other, "connected_clients") == 65, 5000)).isTrue();
                assertThat(other.ping()).isEqualTo("PONG");
            } finally {
                for (Socket s : liars) {
                    s.close();
                }
            }
            assertThat(Awaits.until(() -> Awaits.infoField(other, "connected_clients") == 1, 5000)).isTrue();
        }
    }

    @Test
    void queryBufferOverTheLimitDropsTheClientWithoutReply() throws Exception {
        try (TestServer server = TestServer.start("client-query-buffer-limit", "1mb");
             Jedis other = server.jedis();
             Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$3000000\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            try {
                for (int i = 0; i < 40; i++) {
                    out.write(chunk);
                }
            } catch (java.io.IOException closedUnderUs) {
                // expected once the server drops the connection
            }
            s.setSoTimeout(5000);
            assertThat(readToEnd(s.getInputStream())).isEmpty();
            assertThat(other.ping()).isEqualTo("PONG");
            assertThat(Awaits.until(() -> Awaits.infoField(other, "connected_clients") == 1, 5000)).isTrue();
            assertThat(server.logs()).contains("Closing client that reached max query buffer length");
        }
    }

    @Test
    void clientThatNeverReadsIsClosedAtTheHardLimitAndOthersAreServed() throws Exception {
        try (TestServer server = TestServer.start("client-output-buffer-limit", "normal 1mb 0 0");
             Jedis other = server.jedis();
             Socket slow = new Socket()) {
            String value = "v".repeat(100_000);
            other.set("big", value);
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
            // 2000 replies of 100 KB = 200 MB: far beyond what socket buffers hold, so it must pile up.
            byte[] get = "*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n".getBytes(StandardCharsets.US_ASCII);
            OutputStream out = slow.getOutputStream();
            try {
                for (int i = 0; i < 2000; i++) {
                    out.write(get);
                }
            } catch (java.io.IOException closedUnderUs) {
                // the server may close before the whole pipeline is sent
            }
            assertThat(Awaits.until(() -> server.logs().contains("closed for overcoming of output buffer limits"),
                    10_000)).isTrue();
            assertThat(other.get("big")).isEqualTo(value);
            assertThat(Awaits.until(() -> Awaits.infoField(other, "connected_clients") == 1, 5000)).isTrue();
        }
    }

    @Test
    void pipelineOfWholeListRangesNeverReadIsClosedAtTheHardLimit() throws Exception {
        try (TestServer server = TestServer.start("client-output-buffer-limit", "normal 4mb 0 0");
             Jedis other = server.jedis();
             Socket slow = new Socket()) {
            String[] items = new String[10_000];
            java.util.Arrays.fill(items, "item-of-some-length");
            other.rpush("big", items); // LRANGE big 0 -1 replies ~290 KB
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
            byte[] lrange = "*4\r\n$6\r\nLRANGE\r\n$3\r\nbig\r\n$1\r\n0\r\n$2\r\n-1\r\n"
                    .getBytes(StandardCharsets.US_ASCII);
            OutputStream out = slow.getOutputStream();
            try {
                for (int i = 0; i < 1000; i++) {
                    out.write(lrange);
                }
            } catch (java.io.IOException closedUnderUs) {
                // the server may close before the whole pipeline is sent
            }
            assertThat(Awaits.until(() -> server.logs().contains("closed for overcoming of output buffer limits"),
                    10_000)).isTrue();
            assertThat(other.llen("big")).isEqualTo(10_000);
            assertThat(Awaits.until(() -> Awaits.infoField(other, "connected_clients") == 1, 5000)).isTrue();
        }
    }

    @Test
    void softLimitClosesAClientThatStaysOverIt() throws Exception {
        SteppingClock clock = new SteppingClock();
        try (TestServer server = TestServer.start(clock, "client-output-buffer-limit", "normal 0 256kb 10");
             Jedis other = server.jedis();
             Socket slow = new Socket()) {
            other.set("big", "v".repeat(100_000));
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
            OutputStream out = slow.getOutputStream();
            byte[] get = "*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100; i++) {
                out.write(get); // ~10 MB of replies: over the soft limit, timer starts
            }
            out.flush();
            Thread.sleep(300); // let the server reach the soft limit; no clock moves here
            assertThat(server.logs()).doesNotContain("closed for overcoming");
            clock.advance(11_000);
            try {
                for (int i = 0; i < 100; i++) {
                    out.write(get); // more replies past the soft seconds: now it is closed
                }
            } catch (java.io.IOException closedUnderUs) {
                // fine
            }
            assertThat(Awaits.until(() -> server.logs().contains("closed for overcoming of output buffer limits"),
                    10_000)).isTrue();
            assertThat(other.ping()).isEqualTo("PONG");
        }
    }

    @Test
    void idleClientIsClosedAfterTimeout() throws Exception {
        SteppingClock clock = new SteppingClock();
        try (TestServer server = TestServer.start(clock, "timeout", "5");
             RawConnection idle = server.raw();
             RawConnection busy = server.raw()) {
            idle.command("PING");
            assertThat(idle.readReply()).isEqualTo("+PONG\r\n");
            clock.advance(3_000);
            busy.command("PING");
            busy.readReply();
            clock.advance(3_000); // idle: 6 s silent; busy: 3 s
            idle.setTimeout(5000);
            assertThat(idle.closedByServer()).isTrue();
            busy.command("PING");
            assertThat(busy.readReply()).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void protectedModeServesLoopbackClients() throws Exception {
        try (TestServer server = TestServer.start("protected-mode", "yes"); Jedis jedis = server.jedis()) {
            assertThat(jedis.ping()).isEqualTo("PONG");
            assertThat(jedis.configGet("protected-mode")).containsEntry("protected-mode", "yes");
        }
    }

    private static byte[] readToEnd(InputStream in) throws java.io.IOException {
        try {
            return in.readAllBytes();
        } catch (java.net.SocketException reset) {
            return new byte[0];
        }
    }
}
