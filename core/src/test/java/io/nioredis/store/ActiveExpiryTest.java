package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ActiveExpiryTest {
    private final ManualClock clock = new ManualClock();
    private final Databases databases = new Databases(2, clock, SipHash.PROCESS);
    /** Moves by {@code tick} nanoseconds every time the routine looks at it. */
    private long nanos;
    private long tick;

    private ActiveExpiry expiry(long budget) {
        return new ActiveExpiry(databases, () -> nanos += tick, budget);
    }

    private void addKeys(int db, int count, long deadline) {
        Keyspace keyspace = databases.get(db);
        for (int i = 0; i < count; i++) {
            byte[] k = ("key:" + db + ":" + i).getBytes(StandardCharsets.US_ASCII);
            int slot = keyspace.addString(k, 0, k.length, new byte[] {'v'}, 0, 1, StringEntry.BY_VALUE);
            keyspace.setDeadline(slot, deadline);
        }
    }

    @Test
    void doesNothingBeforeTheFirstDeadline() {
        addKeys(0, 10, clock.millis() + 100);
        assertThat(expiry(1_000_000).runTurn(clock.millis())).isZero();
        assertThat(databases.get(0).size()).isEqualTo(10);
    }

    @Test
    void deletesEverythingDueWhenTheBudgetLasts() {
        addKeys(0, 300, clock.millis() + 100);
        addKeys(1, 5, clock.millis() + 100);
        addKeys(0, 7, clock.millis() + 10_000);
        clock.advance(100);
        assertThat(expiry(Long.MAX_VALUE / 2).runTurn(clock.millis())).isEqualTo(305);
        assertThat(databases.get(0).size()).isEqualTo(7);
        assertThat(databases.get(1).size()).isZero();
        assertThat(databases.stats().expiredKeys).isEqualTo(305);
    }

    @Test
    void stopsAtTheFirstBatchAfterTheBudgetAndGoesOnNextTurn() {
        addKeys(0, 1000, clock.millis() + 1);
        clock.advance(1);
        tick = 100;
        // Start reading plus one reading per batch: the third batch's reading is past a 250 ns budget.
        ActiveExpiry expiry = expiry(250);
        assertThat(expiry.runTurn(clock.millis())).isEqualTo(3 * ActiveExpiry.BATCH);
        assertThat(databases.get(0).size()).isEqualTo(1000 - 3 * ActiveExpiry.BATCH);
        int total = 3 * ActiveExpiry.BATCH;
        int turns = 1;
        while (databases.get(0).size() > 0) {
            total += expiry.runTurn(clock.millis());
            turns++;
        }
        assertThat(total).isEqualTo(1000);
        assertThat(turns).isEqualTo((1000 + 3 * ActiveExpiry.BATCH - 1) / (3 * ActiveExpiry.BATCH));
    }

    @Test
    void aZeroBudgetStillDeletesOneBatch() {
        addKeys(0, 200, clock.millis());
        tick = 1;
        assertThat(expiry(0).runTurn(clock.millis())).isEqualTo(ActiveExpiry.BATCH);
    }
}
