package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The running total maxmemory reads against the databases' own accounts, after every kind of change. */
class MemoryTotalTest {
    private final ManualClock clock = new ManualClock();
    private final Databases databases = new Databases(3, clock, new SipHash(1, 2));

    private long exactSum() {
        long sum = 0;
        for (int i = 0; i < databases.count(); i++) {
            sum += databases.get(i).memoryUsage();
        }
        return sum;
    }

    private static void addString(Keyspace db, String key, int valueLength) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        db.addString(k, 0, k.length, new byte[valueLength], 0, valueLength, StringEntry.BY_VALUE);
    }

    /** Live slots of a database, found by walking it (no lookups, which could move a rehash along). */
    private static List<Integer> slots(Keyspace db) {
        List<Integer> live = new ArrayList<>();
        for (int slot = 0; slot < db.slotLimit(); slot++) {
            if (db.entry(slot) != null) {
                live.add(slot);
            }
        }
        return live;
    }

    @Test
    void theTotalIsTheSumOfTheDatabasesAfterEveryChange() {
        Random random = new Random(16);
        int next = 0;
        for (int op = 0; op < 60_000; op++) {
            Keyspace db = databases.get(random.nextInt(databases.count()));
            List<Integer> live = op % 50 == 0 || db.size() < 8 ? slots(db) : null;
            int choice = random.nextInt(100);
            if (choice < 45 || db.size() == 0) {
                addString(db, "key:" + next++, random.nextInt(200));
            } else {
                if (live == null) {
                    live = slots(db);
                }
                int slot = live.get(random.nextInt(live.size()));
                if (choice < 65) {
                    db.delete(slot);
                } else if (choice < 75) {
                    byte[] v = new byte[random.nextInt(500)];
                    db.setString(slot, v, 0, v.length, StringEntry.BY_VALUE);
                } else if (choice < 85) {
                    db.setDeadline(slot, clock.millis() + 1 + random.nextInt(1_000_000));
                } else if (choice < 90) {
                    db.persist(slot);
                } else if (choice < 95) {
                    byte[] k = ("renamed:" + next++).getBytes(StandardCharsets.US_ASCII);
                    db.rename(slot, k, 0, k.length);
                } else if (choice < 97) {
                    db.adjustMemory(random.nextInt(100) - 50);
                } else if (choice < 98) {
                    db.swapContents(databases.get((db.index() + 1) % databases.count()));
                } else if (random.nextInt(20) == 0) {
                    db.clear();
                }
            }
            assertThat(databases.memoryUsage()).as("after operation %d", op).isEqualTo(exactSum());
        }
        assertThat(databases.memoryUsage()).isGreaterThan(0);
        databases.flushAll();
        assertThat(databases.memoryUsage()).isEqualTo(exactSum());
    }

    @Test
    void aRehashThatLookupsFinishIsCountedAtTheNextTick() {
        Keyspace db = databases.get(0);
        for (int i = 0; i < 5_000; i++) {
            addString(db, "key:" + i, 10); // the table grew at 4,096 keys; its rehash is under way
        }
        assertThat(databases.memoryUsage()).isEqualTo(exactSum());
        long withBothTables = exactSum();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 5_000; i++) {
                byte[] k = ("key:" + i).getBytes(StandardCharsets.US_ASCII);
                assertThat(db.lookup(k, 0, k.length)).isNotNegative();
            }
        }
        assertThat(exactSum()).as("lookups ended the rehash and freed the old table").isLessThan(withBothTables);
        databases.rehashSteps(1);
        assertThat(databases.memoryUsage()).isEqualTo(exactSum());
    }
}
