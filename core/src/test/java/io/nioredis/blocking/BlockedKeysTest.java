package io.nioredis.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.Request;
import io.nioredis.store.Databases;
import io.nioredis.store.Keyspace;
import io.nioredis.store.ManualClock;
import io.nioredis.store.SipHash;
import io.nioredis.value.ListValue;
import io.nioredis.value.SortedSetValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The blocking machinery without commands: waiters that pop one list element each and log what happened
 * to them, keys added through the keyspace as any writer adds them, deadlines on a manual clock.
 */
class BlockedKeysTest {
    private final ManualClock clock = new ManualClock();
    private final Databases dbs = new Databases(2, clock, SipHash.PROCESS);
    private final Keyspace db = dbs.get(0);
    private final BlockedKeys blocked = new BlockedKeys();
    private final List<String> log = new ArrayList<>();

    BlockedKeysTest() {
        db.arrivals(blocked);
        dbs.get(1).arrivals(blocked);
    }

    /** Pops one element from the head of a list, logging "name:key=element"; a sorted set does not serve it. */
    private class ListWaiter extends Waiter {
        final String name;

        ListWaiter(String name) {
            this.name = name;
        }

        @Override
        protected boolean accepts(Object value, int keyIndex) {
            return value instanceof ListValue;
        }

        @Override
        protected boolean serve(Keyspace ks, int slot, byte[] key, int keyIndex) {
            ListValue list = (ListValue) ks.entry(slot);
            log.add(name + ":" + text(key) + "=" + text(list.pop(true)));
            if (list.isEmpty()) {
                ks.delete(slot);
                return true;
            }
            return false;
        }

        @Override
        protected void timedOut() {
            log.add(name + ":timeout");
        }
    }

    private ListWaiter block(String name, long deadline, String... keys) {
        return block(db, name, deadline, keys);
    }

    private ListWaiter block(Keyspace ks, String name, long deadline, String... keys) {
        ListWaiter w = new ListWaiter(name);
        blocked.block(w, ks, Request.of(keys), 0, keys.length, deadline);
        return w;
    }

    private void push(Keyspace ks, String key, String... elements) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int slot = ks.lookup(k, 0, k.length);
        ListValue list;
        if (slot < 0) {
            list = new ListValue(k);
            for (String e : elements) {
                list.pushTail(e.getBytes(StandardCharsets.UTF_8));
            }
            ks.add(list);
        } else {
            list = (ListValue) ks.entry(slot);
            for (String e : elements) {
                list.pushTail(e.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void servesWaitersFirstComeFirstServedUntilTheKeyIsEmpty() {
        block("a", 0, "k");
        block("b", 0, "other", "k");
        block("c", 0, "k");
        push(db, "k", "1", "2");
        assertThat(blocked.hasReady()).isTrue();
        assertThat(log).isEmpty(); // nothing is served until the command that pushed is over
        blocked.serveReady();
        assertThat(log).containsExactly("a:k=1", "b:k=2");
        assertThat(blocked.blockedClients()).isEqualTo(1);
        assertThat(blocked.waitersOn(db, bytes("other"))).isZero(); // b left all its queues
        assertThat(blocked.blockingKeys()).isEqualTo(1);
        push(db, "k", "3");
        blocked.serveReady();
        assertThat(log).containsExactly("a:k=1", "b:k=2", "c:k=3");
        assertThat(blocked.blockedClients()).isZero();
        assertThat(blocked.blockingKeys()).isZero();
    }

    /** A waiter that hears of its key's departure (as XREADGROUP does) and logs "name:key gone". */
    private class DepartureWaiter extends ListWaiter {
        DepartureWaiter(String name) {
            super(name);
        }

        @Override
        protected boolean wakesOnDeparture() {
            return true;
        }

        @Override
        protected boolean accepts(Object value, int keyIndex) {
            return value == null || super.accepts(value, keyIndex);
        }

        @Override
        protected boolean serve(Keyspace ks, int slot, byte[] key, int keyIndex) {
            if (slot < 0) {
                log.add(name + ":" + text(key) + " gone#" + keyIndex);
                return false;
            }
            return super.serve(ks, slot, key, keyIndex);
        }
    }

    @Test
    void aDeletionWakesOnlyTheWaitersThatAskForIt() {
        push(db, "k", "1");
        push(db, "j", "1");
        DepartureWaiter d = new DepartureWaiter("d");
        blocked.block(d, db, Request.of("x", "k", "x"), 0, 3, 0);
        block("a", 0, "j");
        block("b", 0, "k");
        blocked.serveReady();
        log.clear();
        db.delete(bytes("j"), 0, 1);
        assertThat(blocked.hasReady()).isFalse(); // nobody on j hears of departures
        db.delete(bytes("k"), 0, 1);
        assertThat(blocked.hasReady()).isTrue();
        blocked.serveReady();
        assertThat(log).containsExactly("d:k gone#1"); // b, a list waiter, stays for the next list
        assertThat(blocked.blockedClients()).isEqualTo(2);
        push(db, "k", "2");
        blocked.serveReady();
        assertThat(log).containsExactly("d:k gone#1", "b:k=2");
    }

    @Test
    void aFlushOrSwapWakesDepartureWaiters() {
        DepartureWaiter d = new DepartureWaiter("d");
        blocked.block(d, db, Request.of("k"), 0, 1, 0);
        db.clear();
        blocked.serveReady();
        assertThat(log).containsExactly("d:k gone#0");
        blocked.block(new DepartureWaiter("e"), db, Request.of("k"), 0, 1, 0);
        blocked.swapped(db, dbs.get(1));
        blocked.serveReady();
        assertThat(log).containsExactly("d:k gone#0", "e:k gone#0");
        assertThat(blocked.blockingKeys()).isZero();
    }

    @Test
    void signalsAndDeparturesNobodyWaitsForAllocateNothing() {
        block("a", 0, "waited");
        blocked.block(new DepartureWaiter("d"), db, Request.of("watched"), 0, 1, 0);
        byte[] other = bytes("other-key");
        ListValue entry = new ListValue(other);
        Runnable work = () -> {
            for (int i = 0; i < 100_000; i++) {
                blocked.signal(db, other, 0, other.length);
                blocked.departed(db, entry, 0);
            }
        };
        work.run(); // warm up
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = mx.getThreadAllocatedBytes(Thread.currentThread().getId());
        work.run();
        long bytes = mx.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(bytes / 200_000.0).as("bytes per signal nobody waits for").isLessThan(0.1);
        assertThat(blocked.hasReady()).isFalse();
    }

    @Test
    void aKeyAddedWithNobodyWaitingIsNotReady() {
        push(db, "k", "1");
        assertThat(blocked.hasReady()).isFalse();
        block("a", 0, "other");
        push(db, "k2", "1");
        push(db, "other", "x");
        push(dbs.get(1), "other", "y"); // same name, other database
        blocked.serveReady();
        assertThat(log).containsExactly("a:other=x");
    }

    @Test
    void aWaiterOfAnotherKindIsSkippedAndStaysFirst() {
        Waiter zsetWaiter = new ListWaiter("z") {
            @Override
            protected boolean accepts(Object value, int keyIndex) {
                return value instanceof SortedSetValue;
            }
        };
        blocked.block(zsetWaiter, db, Request.of("k"), 0, 1, 0);
        block("a", 0, "k");
        push(db, "k", "1", "2");
        blocked.serveReady();
        assertThat(log).containsExactly("a:k=1");
        assertThat(zsetWaiter.isBlocked()).isTrue();
        assertThat(blocked.waitersOn(db, bytes("k"))).isEqualTo(1);
    }

    @Test
    void aKeyNamedTwiceIsWaitedOnOnce() {
        ListWaiter a = block("a", 0, "k", "k", "j");
        assertThat(blocked.waitersOn(db, bytes("k"))).isEqualTo(1);
        assertThat(a.nodeCount).isEqualTo(2);
        blocked.unblock(a);
        assertThat(blocked.blockingKeys()).isZero();
    }

    @Test
    void aKeyGoneBeforeServingServesNobody() {
        block("a", 0, "k");
        push(db, "k", "1");
        byte[] k = bytes("k");
        db.delete(k, 0, k.length);
        blocked.serveReady();
        assertThat(log).isEmpty();
        assertThat(blocked.blockedClients()).isEqualTo(1);
        push(db, "k", "2");
        blocked.serveReady();
        assertThat(log).containsExactly("a:k=2");
    }

    @Test
    void aKeyThatExpiredBeforeServingServesNobody() {
        block("a", 0, "k");
        push(db, "k", "1");
        byte[] k = bytes("k");
        db.setDeadline(db.lookup(k, 0, k.length), clock.millis() + 1);
        clock.advance(1); // as a script or EXEC could take that long
        blocked.serveReady();
        assertThat(log).isEmpty();
        assertThat(db.size()).isZero();
        assertThat(blocked.blockedClients()).isEqualTo(1);
    }

    @Test
    void keysMadeReadyWhileServingAreServedInTheSameCall() {
        // "mover" takes from src and pushes to dst, as BLMOVE does; "b" waits on dst.
        Waiter mover = new ListWaiter("mover") {
            @Override
            protected boolean serve(Keyspace ks, int slot, byte[] key, int keyIndex) {
                boolean deleted = super.serve(ks, slot, key, keyIndex);
                push(ks, "dst", "moved");
                return deleted;
            }
        };
        blocked.block(mover, db, Request.of("src"), 0, 1, 0);
        block("b", 0, "dst");
        push(db, "src", "x");
        blocked.serveReady();
        assertThat(log).containsExactly("mover:src=x", "b:dst=moved");
        assertThat(blocked.hasReady()).isFalse();
    }

    @Test
    void swapBringsWaitedKeysIn() {
        block("a", 0, "k");
        push(dbs.get(1), "k", "9");
        blocked.serveReady();
        assertThat(log).isEmpty();
        db.swapContents(dbs.get(1));
        blocked.swapped(db, dbs.get(1));
        blocked.serveReady();
        assertThat(log).containsExactly("a:k=9");
    }

    @Test
    void deadlinesTimeOutEarliestFirstAndOnlyOncePassed() {
        long now = clock.millis();
        block("late", now + 300, "k");
        block("forever", 0, "k");
        block("early", now + 100, "j");
        block("tie", now + 100, "j");
        assertThat(blocked.clientsWithDeadline()).isEqualTo(3);
        assertThat(blocked.nextWakeup()).isEqualTo(now + 101);
        assertThat(blocked.expire(now + 100)).isZero(); // Redis times out when the deadline is before now
        assertThat(blocked.expire(now + 101)).isEqualTo(2);
        assertThat(log).containsExactly("early:timeout", "tie:timeout");
        assertThat(blocked.nextWakeup()).isEqualTo(now + 301);
        push(db, "k", "1");
        blocked.serveReady();
        assertThat(log).endsWith("late:k=1");
        assertThat(blocked.nextWakeup()).isEqualTo(Long.MAX_VALUE);
        assertThat(blocked.expire(Long.MAX_VALUE - 1)).isZero();
        assertThat(blocked.blockedClients()).isEqualTo(1); // "forever"
    }

    @Test
    void unblockingTwiceOrAfterServingIsHarmless() {
        ListWaiter a = block("a", clock.millis() + 10, "k");
        blocked.unblock(a);
        blocked.unblock(a);
        assertThat(blocked.blockedClients()).isZero();
        assertThat(blocked.clientsWithDeadline()).isZero();
        assertThat(blocked.blockingKeys()).isZero();
    }

    /** Random blocks, departures, timeouts and pushes against a plain model of FIFO queues and deadlines. */
    @Test
    void randomOperationsAgreeWithAModel() {
        long seed = System.nanoTime();
        System.out.println("BlockedKeysTest seed " + seed);
        Random r = new Random(seed);
        String[] keys = {"a", "b", "c", "d"};
        Map<ListWaiter, Long> deadlineOf = new LinkedHashMap<>();
        Map<ListWaiter, List<String>> keysOf = new LinkedHashMap<>();
        List<ListWaiter> order = new ArrayList<>(); // blocked waiters in blocking order
        int names = 0;
        for (int step = 0; step < 20_000; step++) {
            int op = r.nextInt(10);
            if (op < 4) {
                List<String> ks = new ArrayList<>();
                int n = 1 + r.nextInt(3);
                for (int i = 0; i < n; i++) {
                    ks.add(keys[r.nextInt(keys.length)]);
                }
                long deadline = r.nextInt(3) == 0 ? 0 : clock.millis() + 1 + r.nextInt(50);
                ListWaiter w = block("w" + names++, deadline, ks.toArray(new String[0]));
                deadlineOf.put(w, deadline);
                keysOf.put(w, ks);
                order.add(w);
            } else if (op < 5 && !order.isEmpty()) {
                ListWaiter w = order.remove(r.nextInt(order.size()));
                blocked.unblock(w);
            } else if (op < 7) {
                clock.advance(r.nextInt(20));
                long now = clock.millis();
                List<String> expected = new ArrayList<>();
                order.stream().filter(w -> deadlineOf.get(w) != 0 && deadlineOf.get(w) < now)
                        .sorted((x, y) -> Long.compare(deadlineOf.get(x), deadlineOf.get(y)))
                        .forEach(w -> expected.add(w.name + ":timeout"));
                log.clear();
                blocked.expire(now);
                assertThat(log).as("seed %d step %d", seed, step).containsExactlyElementsOf(expected);
                order.removeIf(w -> deadlineOf.get(w) != 0 && deadlineOf.get(w) < now);
            } else {
                String key = keys[r.nextInt(keys.length)];
                int n = 1 + r.nextInt(3);
                List<String> expected = new ArrayList<>();
                List<ListWaiter> served = new ArrayList<>();
                for (ListWaiter w : order) {
                    if (served.size() < n && keysOf.get(w).contains(key)) {
                        served.add(w);
                        expected.add(w.name + ":" + key + "=" + "e" + served.size());
                    }
                }
                String[] elements = new String[n];
                for (int i = 0; i < n; i++) {
                    elements[i] = "e" + (i + 1);
                }
                log.clear();
                push(db, key, elements);
                blocked.serveReady();
                assertThat(log).as("seed %d step %d", seed, step).containsExactlyElementsOf(expected);
                order.removeAll(served);
                byte[] k = bytes(key);
                db.delete(k, 0, k.length); // leftovers would make the next push a non-arrival
            }
            assertThat(blocked.blockedClients()).as("seed %d", seed).isEqualTo(order.size());
            assertThat(blocked.clientsWithDeadline()).as("seed %d", seed)
                    .isEqualTo((int) order.stream().filter(w -> deadlineOf.get(w) != 0).count());
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
