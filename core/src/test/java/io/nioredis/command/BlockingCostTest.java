package io.nioredis.command;

import io.nioredis.client.Client;
import io.nioredis.client.ClientLink;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import org.junit.jupiter.api.Test;

/**
 * Prints what blocked clients cost (nothing is asserted; the figures go in the notes): heap per blocked
 * BLPOP beyond the client itself, and the time to serve one of 10,000 waiters, all on one key or each on
 * its own, through the whole command path (RPUSH, ready key, serve, reply handed to the connection).
 */
class BlockingCostTest {
    private static final int ROUNDS = 20_000;

    /** A link that drops what it is given, so only the blocking machinery is measured. */
    private static final class NullLink extends RecordingLink {
        @Override
        public void push(byte[] b, int off, int len) {
        }
    }

    @Test
    void memoryPerWaiterAndTimeToWakeOne() {
        measure(100); // the same with few waiters: waking one must not depend on how many wait
        measure(10_000);
    }

    private static void measure(int waiters) {
        for (boolean oneKey : new boolean[] {true, false}) {
            CommandHarness h = new CommandHarness();
            Client[] clients = new Client[waiters];
            Request[] blpops = new Request[waiters];
            for (int i = 0; i < waiters; i++) {
                clients[i] = new Client(i + 2, h.state);
                clients[i].link(new NullLink());
                blpops[i] = Request.of("BLPOP", oneKey ? "queue" : "queue:" + i, "0");
            }
            RespWriter out = new RespWriter(256);
            long before = usedHeap();
            for (int i = 0; i < waiters; i++) {
                h.dispatcher.execute(clients[i], blpops[i], out);
            }
            long after = usedHeap();
            if (waiters >= 10_000) { // too few to see on the heap otherwise
                System.out.printf("blocking cost: %s: %.0f bytes of heap per blocked BLPOP (%d waiters)%n",
                        oneKey ? "one key" : "a key each", (after - before) / (double) waiters,
                        h.state.blocking.blockedClients());
            }

            // Wake one waiter at a time and block it again at the back, so 10,000 always wait.
            Request[] pushes = new Request[waiters];
            for (int i = 0; i < waiters; i++) {
                pushes[i] = Request.of("RPUSH", oneKey ? "queue" : "queue:" + i, "job");
            }
            Client producer = h.client;
            long best = Long.MAX_VALUE;
            for (int pass = 0; pass < 3; pass++) {
                long start = System.nanoTime();
                for (int r = 0; r < ROUNDS; r++) {
                    int next = r % waiters; // the longest waiter on its key
                    out.reset();
                    h.dispatcher.execute(producer, pushes[next], out);
                    out.reset();
                    h.dispatcher.execute(clients[next], blpops[next], out);
                }
                best = Math.min(best, System.nanoTime() - start);
            }
            System.out.printf("blocking cost: %s: %.2f us to wake one of %d waiters (RPUSH, serve, reply, "
                            + "and its next BLPOP)%n", oneKey ? "one key" : "a key each",
                    best / 1000.0 / ROUNDS, h.state.blocking.blockedClients());
        }
    }

    /** The same round without anybody blocked, for scale: RPUSH then LPOP of the element. */
    @Test
    void baselineWithoutWaiters() {
        CommandHarness h = new CommandHarness();
        RespWriter out = new RespWriter(256);
        Request push = Request.of("RPUSH", "queue", "job");
        Request pop = Request.of("LPOP", "queue");
        long best = Long.MAX_VALUE;
        for (int pass = 0; pass < 3; pass++) {
            long start = System.nanoTime();
            for (int r = 0; r < ROUNDS; r++) {
                out.reset();
                h.dispatcher.execute(h.client, push, out);
                out.reset();
                h.dispatcher.execute(h.client, pop, out);
            }
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("blocking cost: baseline: %.2f us for RPUSH and LPOP with nobody blocked%n",
                best / 1000.0 / ROUNDS);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
