package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Thousands of connections that come and go, many of them rudely (mid-request, mid-reply, with a reset):
 * afterwards the server holds exactly the descriptors, selection keys and clients it held before.
 */
class ChurnIT {
    private static final int CONNECTIONS = 4000;

    @Test
    void descriptorsKeysAndClientsReturnToBaseline() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")),
                "counting descriptors needs /proc");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        try (TestServer server = TestServer.start(); Jedis control = server.jedis()) {
            control.set("big", "b".repeat(1 << 20));
            assertThat(Awaits.until(() -> server.server().registeredChannels() == 2, 5000)).isTrue();
            long baselineFds = openFileDescriptors();
            long started = System.nanoTime();
            for (int i = 0; i < CONNECTIONS; i++) {
                churnOnce(server.port(), random.nextInt(6));
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(Awaits.until(() -> Awaits.infoField(control, "connected_clients") == 1, 10_000))
                    .as("seed %d", seed).isTrue();
            assertThat(Awaits.until(() -> server.server().registeredChannels() == 2, 10_000))
                    .as("seed %d: selection keys", seed).isTrue();
            assertThat(Awaits.until(() -> openFileDescriptors() <= baselineFds, 10_000))
                    .as("seed %d: descriptors %d, baseline %d", seed, openFileDescriptors(), baselineFds).isTrue();
            assertThat(Awaits.infoField(control, "total_connections_received")).isEqualTo(CONNECTIONS + 1);
            assertThat(control.get("big")).hasSize(1 << 20);
            System.out.printf("ChurnIT: %d connections in %.1f s, seed %d%n", CONNECTIONS, seconds, seed);
        }
    }

    private static void churnOnce(int port, int kind) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            switch (kind) {
                case 0: // connect and leave
                    break;
                case 1: // leave in the middle of a request
                    out.write("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$100\r\nabc".getBytes(StandardCharsets.US_ASCII));
                    break;
                case 2: // leave in the middle of a 1 MB reply
                    out.write("*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().read(new byte[100]);
                    break;
                case 3: // reset instead of a clean close, with a reply pending
                    s.setSoLinger(true, 0);
                    out.write("*2\r\n$3\r\nGET\r\n$3\r\nbig\r\n".getBytes(StandardCharsets.US_ASCII));
                    break;
                case 4: // a protocol error: the server closes
                    out.write("*1\r\n$x\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().readAllBytes();
                    break;
                default: // a polite client
                    out.write("*1\r\n$4\r\nQUIT\r\n".getBytes(StandardCharsets.US_ASCII));
                    s.getInputStream().readAllBytes();
            }
        } catch (IOException resetByServer) {
            // a reset while we were still writing is one of the outcomes being tested
        }
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
