package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyspaceTest {
    private final ManualClock clock = new ManualClock(1000);
    private final KeyspaceStats stats = new KeyspaceStats();
    private final Keyspace keyspace = new Keyspace(new SipHash(1, 2), clock, stats);

    private int put(String key) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        return keyspace.addString(k, 0, k.length, k, 0, 0, StringEntry.BY_VALUE);
    }

    private int lookup(String key) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        return keyspace.lookup(k, 0, k.length);
    }

    @Test
    void expiredKeysAreNeverReturned() {
        int slot = put("a");
        keyspace.setDeadline(slot, 1500);
        clock.set(1499);
        assertThat(lookup("a")).isEqualTo(slot);
        clock.set(1500);
        assertThat(lookup("a")).isEqualTo(-1);
        assertThat(keyspace.size()).isZero();
        assertThat(stats.expiredKeys).isEqualTo(1);
    }

    @Test
    void activeExpiryTakesTheEarliestFirstAndStopsAtTheBudget() {
        for (int i = 0; i < 10; i++) {
            keyspace.setDeadline(put("k" + i), 2000 + i);
        }
        put("forever");
        assertThat(keyspace.expireSome(2004, 3)).isEqualTo(3);
        assertThat(lookup("k0")).isEqualTo(-1);
        assertThat(lookup("k3")).isGreaterThanOrEqualTo(0);
        assertThat(keyspace.expireSome(2004, 100)).isEqualTo(2); // k3 and k4; the rest are not due
        assertThat(keyspace.nextDeadline()).isEqualTo(2005);
        assertThat(keyspace.size()).isEqualTo(6);
    }

    @Test
    void persistAndDeleteDropTheDeadline() {
        int a = put("a");
        keyspace.setDeadline(a, 5000);
        assertThat(keyspace.persist(a)).isTrue();
        assertThat(keyspace.deadline(a)).isEqualTo(-1);
        int b = put("b");
        keyspace.setDeadline(b, 5000);
        keyspace.delete(b);
        assertThat(keyspace.expiresCount()).isZero();
        assertThat(keyspace.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void memoryAccountingFollowsAddsAndDeletes() {
        long empty = keyspace.memoryUsage();
        int slot = put("some-key");
        assertThat(keyspace.memoryUsage()).isGreaterThan(empty);
        keyspace.delete(slot);
        // at most the first page of the dict's arena and of the access data
        assertThat(keyspace.memoryUsage() - empty).isLessThan(4 * 1024 * 2 + 4 * 4096 + 64);
    }

    @Test
    void reportsExpiryAndFlushToItsListener() {
        List<String> events = new ArrayList<>();
        keyspace.events(new KeyspaceEvents() {
            @Override
            public void modified(Keyspace ks, byte[] key, int off, int len) {
                events.add("modified " + new String(key, off, len, StandardCharsets.US_ASCII));
            }

            @Override
            public void notify(int type, String event, Keyspace ks, byte[] key, int off, int len) {
                events.add(event + " " + new String(key, off, len, StandardCharsets.US_ASCII));
            }

            @Override
            public void flushed(Keyspace ks) {
                events.add("flushed");
            }
        });
        keyspace.setDeadline(put("gone"), 1001);
        keyspace.expireSome(1001, 10);
        keyspace.clear();
        assertThat(events).containsExactly("expired gone", "modified gone", "flushed");
    }

    @Test
    void addingAndTouchingAKeyTakeTheRecentTimeWithoutReadingTheClock() {
        int[] reads = {0};
        Clock counting = new Clock() {
            @Override
            public long millis() {
                reads[0]++;
                return 50_000;
            }

            @Override
            public long recentMillis() {
                return 20_000;
            }
        };
        Keyspace ks = new Keyspace(new SipHash(1, 2), counting, new KeyspaceStats());
        byte[] k = "a".getBytes(StandardCharsets.US_ASCII);
        int slot = ks.addString(k, 0, k.length, k, 0, 0, StringEntry.BY_VALUE);
        assertThat(ks.access().idleMillis(slot, 50_000)).isEqualTo(30_000);

        ks.access().restored(slot, 50_000, -1, 40);
        assertThat(ks.access().idleMillis(slot, 50_000)).isEqualTo(40_000);
        assertThat(ks.lookup(k, 0, k.length)).isEqualTo(slot);
        assertThat(reads[0]).isZero();
        assertThat(ks.access().idleMillis(slot, 50_000)).isEqualTo(30_000);
    }
}
