package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageStockTest {

    @BeforeEach
    void nothingAskedForYet() {
        PageStock.reset();
    }

    @Test
    void theStoresBigArraysAreTheStocksSizes() {
        assertThat(Dict.BIG_PAGES_FROM).isEqualTo(PageStock.INTS).isEqualTo(PageStock.OBJECTS);
        assertThat(BucketTable.PAGE_SIZE).isEqualTo(PageStock.INTS);
        assertThat(StringArena.PAGE_BYTES).isEqualTo(PageStock.BYTES);
    }

    @Test
    void everyArrayIsZeroedOfItsLengthAndHandedOutOnce() throws InterruptedException {
        PageStock.useMaker();
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        for (int round = 0; round < 20; round++) {
            int[] ints = PageStock.ints();
            Object[] objects = PageStock.objects();
            byte[] bytes = PageStock.bytes();
            assertThat(ints).hasSize(PageStock.INTS).containsOnly(0);
            assertThat(objects).hasSize(PageStock.OBJECTS).containsOnlyNulls();
            assertThat(bytes).hasSize(PageStock.BYTES).containsOnly((byte) 0);
            assertThat(seen.put(ints, true)).isNull();
            assertThat(seen.put(objects, true)).isNull();
            assertThat(seen.put(bytes, true)).isNull();
            // Dirty them as their holders would, so an array handed out twice would show it.
            ints[round] = 1;
            objects[round] = "used";
            bytes[round] = 1;
            if (round % 2 == 0) {
                awaitStocked();
            }
        }
    }

    @Test
    void theMakerRefillsWhatIsTaken() throws InterruptedException {
        PageStock.useMaker();
        PageStock.ints();
        PageStock.objects();
        PageStock.bytes();
        awaitStocked();
        assertThat(PageStock.ready()).isEqualTo(PageStock.PLACES);
        for (int i = 0; i < PageStock.PLACES; i++) {
            PageStock.ints(); // takes every ready int array, then makes its own
        }
        awaitStocked();
        assertThat(PageStock.ready()).isEqualTo(PageStock.PLACES);
    }

    @Test
    void aDictAtAQuarterOfItsFirstBigPageHasEveryKindStocked() throws InterruptedException {
        PageStock.useMaker();
        Dict dict = new Dict(new SipHash(1, 2));
        for (int i = 0; i < Dict.BIG_PAGES_FROM >>> 2; i++) {
            byte[] k = ("k" + i).getBytes(StandardCharsets.US_ASCII);
            dict.add(StringEntries.create(k, 0, k.length, new byte[] {'v'}, 0, 1, StringEntry.BY_VALUE));
        }
        Thread.sleep(50);
        assertThat(PageStock.ready()).as("nothing asked for yet").isZero();
        byte[] k = "one more".getBytes(StandardCharsets.US_ASCII);
        dict.add(StringEntries.create(k, 0, k.length, new byte[] {'v'}, 0, 1, StringEntry.BY_VALUE));
        awaitStocked();
        assertThat(PageStock.ready()).isEqualTo(PageStock.PLACES);
    }

    private static void awaitStocked() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (PageStock.ready() < PageStock.PLACES && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
