package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BucketTableTest {
    @Test
    void aBucketHoldsWhatWasSetInItAndEveryOtherIsEmpty() {
        BucketTable table = new BucketTable(1 << 20);
        Map<Integer, Integer> model = new HashMap<>();
        Random random = new Random(1201);
        for (int i = 0; i < 20_000; i++) {
            int bucket = random.nextInt(1 << 20);
            int link = random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(1_000_000);
            table.set(bucket, link);
            model.put(bucket, link);
        }
        for (int bucket = 0; bucket < 1 << 20; bucket++) {
            assertThat(table.get(bucket)).as("bucket %d", bucket).isEqualTo(model.getOrDefault(bucket, 0));
        }
        assertThat(table.length()).isEqualTo(1 << 20);
    }

    @Test
    void pagesMadeAheadStayEmptyUntilSet() {
        BucketTable table = new BucketTable(1 << 20);
        table.makePagesUpTo(3);
        table.makePagesUpTo(100); // past the end: all of them
        table.set(5, 9);
        for (int bucket = 0; bucket < 1 << 20; bucket += 4099) {
            assertThat(table.get(bucket)).isZero();
        }
        assertThat(table.get(5)).isEqualTo(9);
        assertThat(table.pageCount()).isEqualTo((1 << 20) / BucketTable.PAGE_SIZE);
    }

    @Test
    void smallTablesWork() {
        BucketTable table = new BucketTable(4);
        table.set(3, 7);
        assertThat(table.get(3)).isEqualTo(7);
        assertThat(table.get(0)).isZero();
        assertThat(table.length()).isEqualTo(4);
    }
}
