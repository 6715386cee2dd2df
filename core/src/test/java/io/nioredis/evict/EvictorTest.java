package io.nioredis.evict;

import io.nioredis.store.AccessTracker;
import io.nioredis.store.Clock;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.KeyspaceStats;
import io.nioredis.store.SipHash;
import io.nioredis.store.StringEntry;

import static io.nioredis.command.CommandHarness.NIL;
import static io.nioredis.command.CommandHarness.OK;
import static io.nioredis.command.CommandHarness.bulk;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each maxmemory policy, driven through commands as a client would, with a manual clock. */
class EvictorTest {
    private static final String VALUE = "x".repeat(100);

    private final CommandHarness h = new CommandHarness();

    @Test
    void noevictionRefusesWritesButServesReads() {
        fill("k", 10);
        squeezeBy(1);
        assertThat(h.run("SET", "new", "v")).isEqualTo("-OOM command not allowed when used memory > 'maxmemory'.\r\n");
        assertThat(h.run("GET", "k0")).isEqualTo(bulk(VALUE));
        assertThat(h.run("DEL", "k0")).isEqualTo(":1\r\n"); // not denyoom: deleting is how a client frees memory
        assertThat(h.state.databases.stats().evictedKeys).isZero();
    }

    @Test
    void allkeysLruEvictsTheKeysIdleLongest() {
        h.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lru");
        h.run("CONFIG", "SET", "maxmemory-samples", "64");
        fill("cold", 10);
        h.clock.advance(5_000);
        fill("warm", 10);
        h.clock.advance(5_000);
        for (int i = 0; i < 10; i++) {
            h.run("GET", "warm" + i);
        }
        squeezeBy(5 * entrySize());
        assertThat(h.run("PING")).isEqualTo("+PONG\r\n");
        List<String> gone = missing("cold", 10);
        assertThat(gone).isNotEmpty();
        assertThat(missing("warm", 10)).isEmpty();
        assertThat(h.state.databases.stats().evictedKeys).isEqualTo(gone.size());
        assertThat(h.state.databases.memoryUsage()).isLessThanOrEqualTo(h.state.config.getLong("maxmemory"));
    }

    @Test
    void allkeysLfuEvictsTheLeastUsedKeys() {
        h.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu");
        h.run("CONFIG", "SET", "maxmemory-samples", "64");
        fill("hot", 10);
        fill("rare", 10);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 10; i++) {
                h.run("GET", "hot" + i); // the first access always raises the counter above a new key's
            }
        }
        squeezeBy(5 * entrySize());
        h.run("PING");
        assertThat(missing("rare", 10)).isNotEmpty();
        assertThat(missing("hot", 10)).isEmpty();
    }

    @Test
    void volatileTtlEvictsTheNearestDeadlinesFirstAndOnlyKeysWithOne() {
        h.run("CONFIG", "SET", "maxmemory-policy", "volatile-ttl");
        fill("plain", 10);
        // Deadlines in reverse order of creation, in two databases, so neither order nor db hides a bug.
        for (int i = 0; i < 10; i++) {
            h.run("SELECT", Integer.toString(i % 2));
            h.run("SET", "ttl" + i, VALUE, "PX", Integer.toString(100_000 - i * 1000));
        }
        h.run("SELECT", "0");
        squeezeBy(3 * entrySize());
        h.run("PING");
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            h.run("SELECT", Integer.toString(i % 2));
            if (h.run("EXISTS", "ttl" + i).equals(":0\r\n")) {
                gone.add("ttl" + i);
            }
        }
        h.run("SELECT", "0");
        assertThat(gone).isNotEmpty();
        // The evicted ones are exactly the last created, i.e. those with the nearest deadlines.
        List<String> expected = new ArrayList<>();
        for (int i = 9; i > 9 - gone.size(); i--) {
            expected.add("ttl" + i);
        }
        assertThat(gone).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(missing("plain", 10)).isEmpty();
    }

    @Test
    void volatilePoliciesRefuseWritesWhenNoKeyHasADeadline() {
        for (String policy : new String[] {"volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"}) {
            h.run("FLUSHALL");
            h.run("CONFIG", "SET", "maxmemory", "0");
            h.run("CONFIG", "SET", "maxmemory-policy", policy);
            fill("plain", 10);
            squeezeBy(1);
            assertThat(h.run("SET", "more", "v")).as(policy).startsWith("-OOM");
            assertThat(missing("plain", 10)).as(policy).isEmpty();
        }
    }

    @Test
    void volatileRandomLruAndLfuEvictOnlyKeysWithADeadline() {
        for (String policy : new String[] {"volatile-random", "volatile-lru", "volatile-lfu"}) {
            h.run("FLUSHALL");
            h.run("CONFIG", "SET", "maxmemory", "0");
            h.run("CONFIG", "SET", "maxmemory-policy", policy);
            fill("plain", 10);
            for (int i = 0; i < 10; i++) {
                h.run("SET", "ttl" + i, VALUE, "EX", "1000");
            }
            squeezeBy(3 * entrySize());
            assertThat(h.run("SET", "more", "v")).as(policy).isEqualTo(OK);
            assertThat(missing("ttl", 10)).as(policy).isNotEmpty();
            assertThat(missing("plain", 10)).as(policy).isEmpty();
        }
    }

    @Test
    void allkeysRandomTakesKeysUntilUnderTheLimit() {
        h.run("CONFIG", "SET", "maxmemory-policy", "allkeys-random");
        fill("a", 50);
        h.run("SELECT", "1");
        fill("b", 50);
        squeezeBy(20 * entrySize());
        assertThat(h.run("SET", "more", "v")).isEqualTo(OK);
        // A command evicts for at most half a millisecond (Redis's time limit); a slow machine may leave the
        // rest to the loop's next turns, which call makeRoom as this does.
        long limit = h.state.config.getLong("maxmemory");
        for (int turn = 0; turn < 1000 && h.state.databases.memoryUsage() > limit; turn++) {
            h.state.evictor.makeRoom();
        }
        // Which keys go is random, and a database that gives up many keys may also shrink its tables, so
        // the count varies; every evicted key is really gone, and memory ends under the limit.
        long evicted = h.state.databases.stats().evictedKeys;
        assertThat(evicted).isPositive();
        assertThat(h.state.databases.memoryUsage()).isLessThanOrEqualTo(h.state.config.getLong("maxmemory"));
        h.run("SELECT", "0");
        int gone = missing("a", 50).size();
        h.run("SELECT", "1");
        // The turns after the SET may pick "more" itself.
        gone += missing("b", 50).size() + (h.run("GET", "more").equals(NIL) ? 1 : 0);
        assertThat(gone).isEqualTo(evicted);
        assertThat(h.run("INFO", "stats")).contains("evicted_keys:" + evicted);
        assertThat(h.run("INFO", "memory")).contains("maxmemory_policy:allkeys-random");
    }

    @Test
    void evictionsAreNotifiedAsRedisDoes() {
        List<String> notified = new ArrayList<>();
        h.state.databases.get(0).events(new KeyspaceEvents() {
            @Override
            public void modified(Keyspace keyspace, byte[] key, int off, int len) {
            }

            @Override
            public void notify(int type, String event, Keyspace keyspace, byte[] key, int off, int len) {
                if (type == KeyspaceEvents.EVICTED) {
                    notified.add(event + " " + new String(key, off, len));
                }
            }

            @Override
            public void flushed(Keyspace keyspace) {
            }
        });
        h.run("CONFIG", "SET", "maxmemory-policy", "allkeys-random");
        fill("k", 20);
        squeezeBy(3 * entrySize());
        h.run("PING");
        List<String> expected = new ArrayList<>();
        for (String key : missing("k", 20)) {
            expected.add("evicted " + key);
        }
        assertThat(notified).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(h.state.databases.stats().evictedKeys).isEqualTo(notified.size());
    }

    @Test
    void keysKeepTheLruClockUnlessAnLfuPolicyWantsCounters() {
        fill("k", 10);
        long plain = h.state.databases.memoryUsage();
        assertThat(h.state.databases.get(0).access().mode()).isEqualTo(AccessTracker.LRU);
        h.run("CONFIG", "SET", "maxmemory-policy", "allkeys-lfu");
        assertThat(h.state.databases.get(0).access().mode()).isEqualTo(AccessTracker.LFU);
        assertThat(h.state.databases.memoryUsage()).isEqualTo(plain);
        h.run("CONFIG", "SET", "maxmemory-policy", "volatile-ttl");
        assertThat(h.state.databases.get(0).access().mode()).isEqualTo(AccessTracker.LRU);
    }

    private void fill(String prefix, int n) {
        for (int i = 0; i < n; i++) {
            assertThat(h.run("SET", prefix + i, VALUE)).isEqualTo(OK);
        }
    }

    /** Sets maxmemory so that about {@code bytes} must be freed. */
    private void squeezeBy(long bytes) {
        long used = h.state.databases.memoryUsage();
        assertThat(h.run("CONFIG", "SET", "maxmemory", Long.toString(used - bytes))).isEqualTo(OK);
    }

    /** The bytes one of the test's keys counts for in used_memory, and so frees when it is evicted. */
    private long entrySize() {
        Keyspace keyspace = new Keyspace(new SipHash(1, 2), Clock.SYSTEM, new KeyspaceStats());
        keyspace.addString(new byte[6], 0, 6, VALUE.getBytes(), 0, VALUE.length(), StringEntry.BY_VALUE);
        return keyspace.memoryUsage() - keyspace.mainTableOverhead() - keyspace.expiresOverhead();
    }

    private List<String> missing(String prefix, int n) {
        List<String> gone = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (h.run("GET", prefix + i).equals(NIL)) {
                gone.add(prefix + i);
            }
        }
        return gone;
    }
}
