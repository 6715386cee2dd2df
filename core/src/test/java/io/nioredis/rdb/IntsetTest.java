package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class IntsetTest {
    @Test
    void usesTheNarrowestEncoding() {
        // The intset Redis 7.0.15 dumped for SADD 1 2 3 -5 100.
        assertThat(HexFormat.of().formatHex(Intset.encode(new long[] {-5, 1, 2, 3, 100})))
                .isEqualTo("0200000005000000fbff0100020003006400");
        assertThat(Intset.encode(new long[] {1, 70000})[0]).isEqualTo((byte) 4);
        assertThat(Intset.encode(new long[] {Long.MIN_VALUE, 1})[0]).isEqualTo((byte) 8);
        assertThat(Intset.encode(new long[] {Short.MIN_VALUE, Short.MAX_VALUE})[0]).isEqualTo((byte) 2);
    }

    @Test
    void roundTripsRandomSets() throws Exception {
        long seed = System.nanoTime();
        System.out.println("IntsetTest.roundTripsRandomSets seed=" + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            TreeSet<Long> model = new TreeSet<>();
            int n = 1 + random.nextInt(100);
            int shift = random.nextInt(56); // wide enough for n distinct values
            while (model.size() < n) {
                model.add(random.nextLong() >> shift);
            }
            long[] values = model.stream().mapToLong(Long::longValue).toArray();
            assertThat(Intset.decode(Intset.encode(values))).as("seed " + seed).containsExactly(values);
        }
    }

    @Test
    void rejectsCorruptIntsets() {
        byte[] good = Intset.encode(new long[] {1, 2, 3});
        assertRejected(Arrays.copyOf(good, 7), "shorter than its header");
        byte[] badEncoding = good.clone();
        badEncoding[0] = 3;
        assertRejected(badEncoding, "unknown encoding 3");
        byte[] badCount = good.clone();
        badCount[4] = 4;
        assertRejected(badCount, "do not fill");
        assertRejected(Arrays.copyOf(good, good.length - 1), "do not fill");
        assertRejected(Intset.encode(new long[0]), "empty");
        assertRejected(Intset.encode(new long[] {2, 1}), "ascending");
        assertRejected(Intset.encode(new long[] {1, 1}), "ascending");
    }

    private static void assertRejected(byte[] blob, String why) {
        assertThatThrownBy(() -> Intset.decode(blob))
                .isInstanceOf(RdbFormatException.class)
                .hasMessageContaining(why);
    }
}
