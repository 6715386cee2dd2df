package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.rdb.Intset;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The intset's widths, order and blob, against a TreeSet and the RDB codec's own encoder. */
class IntsetMembersTest {
    @Test
    void upgradesFrom16To32To64Bits() {
        IntsetMembers ints = new IntsetMembers();
        ints.add(7);
        ints.add(-32768);
        assertThat(ints.width()).isEqualTo(2);
        ints.add(32768);
        assertThat(ints.width()).isEqualTo(4);
        ints.add(Integer.MIN_VALUE - 1L);
        assertThat(ints.width()).isEqualTo(8);
        assertThat(ints.size()).isEqualTo(4);
        assertThat(new long[] {ints.get(0), ints.get(1), ints.get(2), ints.get(3)})
                .containsExactly(Integer.MIN_VALUE - 1L, -32768, 7, 32768);
        assertThat(ints.remove(Integer.MIN_VALUE - 1L)).isTrue();
        assertThat(ints.width()).isEqualTo(8);
        assertThat(ints.contains(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void wideValuesAreNotFoundInANarrowSet() {
        IntsetMembers ints = new IntsetMembers();
        ints.add(1);
        assertThat(ints.indexOf(70000)).isEqualTo(-2);
        assertThat(ints.indexOf(-70000)).isEqualTo(-1);
        assertThat(ints.remove(1L << 40)).isFalse();
    }

    @Test
    void randomOperationsMatchTreeSetAndTheBlobMatchesTheCodec() {
        long seed = System.nanoTime();
        System.out.println("IntsetMembersTest seed " + seed);
        Random random = new Random(seed);
        IntsetMembers ints = new IntsetMembers();
        TreeSet<Long> model = new TreeSet<>();
        int width = 2;
        for (int op = 0; op < 20_000; op++) {
            long v = random.nextInt(500) - 250;
            if (random.nextInt(200) == 0) {
                v = random.nextLong() >> random.nextInt(64);
            }
            if (random.nextInt(3) < 2) {
                assertThat(ints.add(v)).isEqualTo(model.add(v));
                width = Math.max(width, IntsetMembers.widthOf(v));
            } else {
                assertThat(ints.remove(v)).isEqualTo(model.remove(v));
            }
            assertThat(ints.size()).isEqualTo(model.size());
            assertThat(ints.width()).isEqualTo(width);
        }
        long[] expected = model.stream().mapToLong(Long::longValue).toArray();
        for (int i = 0; i < expected.length; i++) {
            assertThat(ints.get(i)).isEqualTo(expected[i]);
        }
        assertThat(ints.blob()).isEqualTo(Intset.encode(expected, width));
        assertThat(ints.copy().blob()).isEqualTo(ints.blob());
    }
}
