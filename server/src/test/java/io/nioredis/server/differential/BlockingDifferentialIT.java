package io.nioredis.server.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.server.ExternalTools;
import io.nioredis.server.TestServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The blocking commands against a real redis-server with two clients and an observer per server, which a
 * single-connection differential cannot do: client A blocks (BLPOP ... XREADGROUP), client B runs commands
 * that may wake it, and A's reply bytes, whether it blocked, B's replies and the keys' contents afterwards
 * must be Redis's (see {@link BlockingScenario}). Nothing sleeps: whether A blocked is read from INFO's
 * blocked_clients on the observer, and a waiter still blocked at the end is ended by CLIENT UNBLOCK, so its
 * reply is the timeout's. Both servers serve ready keys before answering the command that made them ready,
 * so once B has its reply, A's fate is settled.
 *
 * <p>Under CI a fixed series of seeds runs; a developer's run explores new ones for {@code bdiff.millis}
 * (default 10000) from {@code bdiff.seed}.
 */
class BlockingDifferentialIT {
    private static final long CI_SEED = 20261130L;
    private static final int CI_SCENARIOS = 300;
    private static final int MAX_REPORTED = 5;

    @Test
    void blockedClientsAreServedAsRedisServesThem() throws Exception {
        ExternalTools.program("redis-server");
        boolean ci = "true".equals(System.getenv("CI"));
        long seed = Long.getLong("bdiff.seed", ci ? CI_SEED : new Random().nextLong() & 0xffff_ffffL);
        long budget = Long.getLong("bdiff.millis", ci ? 18_000L : 10_000L);
        long end = System.currentTimeMillis() + budget;
        // hz 100: Redis times blocked clients out in its event loop, which sleeps up to 1000/hz ms.
        try (RedisServerProcess redisServer = RedisServerProcess.start("--hz", "100");
             TestServer nioServer = TestServer.start();
             Clients redis = new Clients(redisServer.port());
             Clients nioredis = new Clients(nioServer.port())) {
            List<String> failures = new ArrayList<>();
            int played = 0;
            int blocked = 0;
            while (System.currentTimeMillis() < end && failures.size() < MAX_REPORTED && (!ci || played < CI_SCENARIOS)) {
                BlockingScenario scenario = BlockingScenario.generate(seed + played);
                played++;
                List<String> expected = redis.play(scenario);
                List<String> actual = nioredis.play(scenario);
                if (expected.contains("A blocked: true")) {
                    blocked++;
                }
                if (!expected.equals(actual)) {
                    failures.add(report(scenario, expected, actual));
                }
            }
            System.out.printf("blocking differential: first seed %d, %d scenarios, %d blocked%n", seed, played, blocked);
            assertThat(failures).as("scenarios where nioredis differs from Redis (-Dbdiff.seed=N replays one)")
                    .isEmpty();
        }
    }

    private static String report(BlockingScenario scenario, List<String> expected, List<String> actual) {
        StringBuilder b = new StringBuilder("\n").append(scenario);
        for (int i = 0; i < Math.max(expected.size(), actual.size()); i++) {
            String e = i < expected.size() ? expected.get(i) : "(nothing)";
            String a = i < actual.size() ? actual.get(i) : "(nothing)";
            if (!e.equals(a)) {
                b.append("  first difference:\n    redis:    ").append(e).append("\n    nioredis: ").append(a)
                        .append('\n');
                break;
            }
        }
        return b.toString();
    }

    /** The waiter, the actor and the observer connected to one server. */
    private static final class Clients implements AutoCloseable {
        private final RespConnection a;
        private final RespConnection b;
        private final RespConnection observer;
        private final String aId;

        Clients(int port) throws IOException {
            a = new RespConnection(port);
            b = new RespConnection(port);
            observer = new RespConnection(port);
            aId = a.call("CLIENT", "ID").text();
        }

        /** Plays the scenario from empty databases; what happened, line by line, to compare. */
        List<String> play(BlockingScenario s) throws IOException {
            List<String> seen = new ArrayList<>();
            b.call("FLUSHALL");
            for (String[] c : s.setup) {
                seen.add("setup " + String.join(" ", c) + " -> " + b.call(c));
            }
            if (s.resp3) {
                a.call("HELLO", "3"); // its reply names each server: not compared
            }
            a.send(s.waiter);
            Reply waiterReply = null;
            if (s.expires) {
                // Its reply, immediate or the timeout's, before B does anything: whether it blocked in
                // between is a race with its short timeout, so only the reply is compared.
                waiterReply = a.read();
                seen.add("A <- " + waiterReply);
            }
            boolean blocked = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (waiterReply == null) {
                if (a.replyArrived()) {
                    waiterReply = a.read();
                    break;
                }
                if (blockedClients() > 0) {
                    blocked = true;
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the waiter neither answered nor blocked: " + String.join(" ", s.waiter));
                }
            }
            if (!s.expires) {
                seen.add("A blocked: " + blocked);
            }
            for (String[] c : s.actions) {
                seen.add("B " + String.join(" ", c) + " -> " + b.call(c));
            }
            if (waiterReply == null) {
                boolean stillBlocked = blockedClients() > 0;
                seen.add("A still blocked after B: " + stillBlocked);
                if (stillBlocked) {
                    observer.call("CLIENT", "UNBLOCK", aId, s.unblockWithError ? "ERROR" : "TIMEOUT");
                }
                waiterReply = a.read();
            }
            if (!s.expires) {
                seen.add("A <- " + waiterReply);
            }
            if (s.resp3) {
                a.call("HELLO", "2");
            }
            for (int db = 0; db < 2; db++) {
                observer.call("SELECT", Integer.toString(db));
                for (String key : BlockingScenario.KEYS) {
                    dump(db, key, seen);
                }
            }
            observer.call("SELECT", "0");
            return seen;
        }

        private void dump(int db, String key, List<String> seen) throws IOException {
            String type = observer.call("TYPE", key).text();
            String prefix = "db" + db + " " + key + " " + type + ": ";
            switch (type) {
                case "list":
                    seen.add(prefix + observer.call("LRANGE", key, "0", "-1"));
                    break;
                case "zset":
                    seen.add(prefix + observer.call("ZRANGE", key, "0", "-1", "WITHSCORES"));
                    break;
                case "stream":
                    seen.add(prefix + observer.call("XRANGE", key, "-", "+"));
                    seen.add(prefix + observer.call("XINFO", "GROUPS", key));
                    seen.add(prefix + observer.call("XPENDING", key, "g"));
                    break;
                case "string":
                    seen.add(prefix + observer.call("GET", key));
                    break;
                default:
                    seen.add(prefix);
            }
        }

        private int blockedClients() throws IOException {
            for (String line : observer.call("INFO", "clients").text().split("\r\n")) {
                if (line.startsWith("blocked_clients:")) {
                    return Integer.parseInt(line.substring("blocked_clients:".length()));
                }
            }
            throw new IOException("no blocked_clients in INFO clients");
        }

        @Override
        public void close() throws IOException {
            a.close();
            b.close();
            observer.close();
        }
    }
}
