package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * Hostile traffic from several threads for a bounded time ({@code -Dfuzz.seconds}, default 20; seed with
 * {@code -Dfuzz.seed}): the server must stay up, answer a PING on its own connection within a second
 * throughout, keep every key a well-behaved client wrote, and get back to its idle baseline afterwards.
 */
class FuzzIT {
    private static final int WORKERS = 3;
    private static final int GOOD_KEYS = 2000;
    private static final String PASSWORD = "fuzz-pass";
    private static final byte[] AUTH = FuzzFrames.multibulk("AUTH".getBytes(), PASSWORD.getBytes());

    @Test
    void hostileTrafficNeitherKillsNorStallsNorCorrupts() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        long seconds = Long.getLong("fuzz.seconds", 20);
        String tag = "fuzz seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")";
        AtomicLong frames = new AtomicLong();
        AtomicLong connections = new AtomicLong();
        AtomicLong worstPingNanos = new AtomicLong();
        AtomicReference<Throwable> pingFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long stopAt = start + seconds * 1_000_000_000L;

        // With a password, so that both the unauthenticated limits and authenticated commands are fuzzed.
        try (TestServer server = TestServer.start("requirepass", PASSWORD); Jedis good = server.jedis()) {
            good.auth(PASSWORD);
            for (int i = 0; i < GOOD_KEYS / 2; i++) {
                good.set("good:" + i, "value-" + i);
            }
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Random random = new Random(seed + w);
                threads.add(new Thread(() -> fuzz(server.port(), random, stopAt, frames, connections), "fuzz-" + w));
            }
            Thread pinger = new Thread(() -> ping(server.port(), stopAt, worstPingNanos, pingFailure), "pinger");
            threads.add(pinger);
            threads.forEach(Thread::start);
            // The well-behaved client keeps writing while the fuzzers run.
            for (int i = GOOD_KEYS / 2; i < GOOD_KEYS; i++) {
                good.set("good:" + i, "value-" + i);
                Thread.sleep(seconds * 1000 / GOOD_KEYS);
            }
            for (Thread t : threads) {
                t.join(seconds * 1000 + 30_000);
                assertThat(t.isAlive()).as(tag + ": " + t.getName() + " hung").isFalse();
            }
            assertThat(pingFailure.get()).as(tag + ": PING failed").isNull();
            assertThat(worstPingNanos.get()).as(tag + ": PING slower than 1 s").isLessThan(1_000_000_000L);
            for (int i = 0; i < GOOD_KEYS; i++) {
                assertThat(good.get("good:" + i)).as(tag + ": key good:" + i).isEqualTo("value-" + i);
            }
            assertThat(Awaits.until(() -> Awaits.infoField(good, "connected_clients") == 1, 10_000))
                    .as(tag + ": clients left connected: " + Awaits.infoField(good, "connected_clients")
                            + "; server log: " + server.logs()).isTrue();
            assertThat(server.logs()).as(tag).doesNotContain("Unexpected error");
        }
        System.out.printf("FuzzIT: seed %d, %d frames over %d connections in %.1f s, worst PING %.1f ms,"
                        + " %d keys intact%n", seed, frames.get(), connections.get(),
                (System.nanoTime() - start) / 1e9, worstPingNanos.get() / 1e6, GOOD_KEYS);
    }

    private static void fuzz(int port, Random random, long stopAt, AtomicLong frames, AtomicLong connections) {
        FuzzFrames generator = new FuzzFrames(random);
        byte[] sink = new byte[64 * 1024];
        while (System.nanoTime() < stopAt) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                connections.incrementAndGet();
                s.setSoTimeout(2);
                if (random.nextInt(10) == 0) {
                    s.setSoLinger(true, 0); // leave with a reset instead of a FIN
                }
                if (random.nextBoolean()) {
                    s.getOutputStream().write(AUTH);
                }
                int n = 1 + random.nextInt(random.nextInt(5) == 0 ? 200 : 10);
                for (int i = 0; i < n; i++) {
                    s.getOutputStream().write(generator.next());
                    frames.incrementAndGet();
                    if (random.nextInt(4) == 0) {
                        drain(s.getInputStream(), sink);
                    }
                }
            } catch (IOException expected) {
                // the server closed a connection it had good reason to close
            }
        }
    }

    private static void drain(InputStream in, byte[] sink) throws IOException {
        try {
            while (in.read(sink) > 0) {
                // discard whatever replies came
            }
        } catch (java.net.SocketTimeoutException nothingMore) {
            // done for now
        }
    }

    private static void ping(int port, long stopAt, AtomicLong worst, AtomicReference<Throwable> failure) {
        try (RawConnection c = new RawConnection(port)) {
            c.setTimeout(5000);
            c.command("AUTH", PASSWORD);
            c.readReply();
            while (System.nanoTime() < stopAt) {
                long t0 = System.nanoTime();
                c.command("PING");
                String reply = c.readReply();
                long took = System.nanoTime() - t0;
                if (!reply.equals("+PONG\r\n")) {
                    throw new AssertionError("PING got " + reply);
                }
                worst.accumulateAndGet(took, Math::max);
                Thread.sleep(50);
            }
        } catch (Throwable t) {
            failure.set(t);
        }
    }
}
