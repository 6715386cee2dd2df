package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SortedSetValueTest {
    @Test
    void findAddUpdateRemove() {
        SortedSetValue z = new SortedSetValue(bytes("k"));
        byte[] a = bytes("a");
        SkipList.Node node = z.add(2, a, 0, 1);
        assertThat(z.find(a, 0, 1)).isSameAs(node);
        z.updateScore(node, 5);
        assertThat(z.find(a, 0, 1).score()).isEqualTo(5);
        long withOne = z.memoryUsage();
        z.remove(node);
        assertThat(z.find(a, 0, 1)).isNull();
        assertThat(z.size()).isZero();
        assertThat(z.memoryUsage()).isLessThan(withOne);
        assertThat(z.typeName()).isEqualTo("zset");
    }

    @Test
    void compactUntilRedisWouldConvertTheListpack() {
        SortedSetValue z = new SortedSetValue(bytes("k"));
        for (int i = 0; i < SortedSetValue.LISTPACK_MAX_ENTRIES; i++) {
            byte[] m = bytes("m" + i);
            z.add(i, m, 0, m.length);
        }
        assertThat(z.compact()).isTrue();
        byte[] more = bytes("one more");
        z.add(0, more, 0, more.length);
        assertThat(z.compact()).isFalse();

        SortedSetValue longMember = new SortedSetValue(bytes("k"));
        byte[] m = new byte[SortedSetValue.LISTPACK_MAX_VALUE + 1];
        longMember.add(1, m, 0, m.length);
        assertThat(longMember.compact()).isFalse();
    }

    @Test
    void negativeZeroSurvivesOnlyOutsideTheListpack() {
        // Redis: ZADD small -0 m; ZSCORE small m -> "0", but in a 200-member set -> "-0".
        SortedSetValue small = new SortedSetValue(bytes("k"));
        byte[] m = bytes("m");
        small.add(-0.0, m, 0, 1);
        assertThat(1 / small.find(m, 0, 1).score()).isPositive();
        SortedSetValue big = new SortedSetValue(bytes("k"));
        big.notCompact();
        big.add(-0.0, m, 0, 1);
        assertThat(1 / big.find(m, 0, 1).score()).isNegative();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
