package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SortedSetValueTest {
    private static final int MAX_ENTRIES = 128;
    private static final int MAX_VALUE = 64;
    @Test
    void findAddUpdateRemove() {
        SortedSetValue z = new SortedSetValue(bytes("k"));
        byte[] a = bytes("a");
        SkipList.Node node = z.add(2, a, 0, 1, MAX_ENTRIES, MAX_VALUE);
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
        for (int i = 0; i < MAX_ENTRIES; i++) {
            byte[] m = bytes("m" + i);
            z.add(i, m, 0, m.length, MAX_ENTRIES, MAX_VALUE);
        }
        assertThat(z.compact()).isTrue();
        byte[] more = bytes("one more");
        z.add(0, more, 0, more.length, MAX_ENTRIES, MAX_VALUE);
        assertThat(z.compact()).isFalse();

        SortedSetValue longMember = new SortedSetValue(bytes("k"));
        byte[] m = new byte[MAX_VALUE + 1];
        longMember.add(1, m, 0, m.length, MAX_ENTRIES, MAX_VALUE);
        assertThat(longMember.compact()).isFalse();
    }

    @Test
    void negativeZeroSurvivesOnlyOutsideTheListpack() {
        // Redis: ZADD small -0 m; ZSCORE small m -> "0", but in a 200-member set -> "-0".
        SortedSetValue small = new SortedSetValue(bytes("k"));
        byte[] m = bytes("m");
        small.add(-0.0, m, 0, 1, MAX_ENTRIES, MAX_VALUE);
        assertThat(1 / small.find(m, 0, 1).score()).isPositive();
        SortedSetValue big = new SortedSetValue(bytes("k"));
        big.notCompact();
        big.add(-0.0, m, 0, 1, MAX_ENTRIES, MAX_VALUE);
        assertThat(1 / big.find(m, 0, 1).score()).isNegative();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void copyIsDeepAndKeepsOrderAndEncoding() {
        SortedSetValue z = new SortedSetValue(bytes("k"));
        for (int i = 0; i < 200; i++) {
            byte[] m = bytes("m" + i);
            z.add(i % 7, m, 0, m.length, MAX_ENTRIES, MAX_VALUE);
        }
        SortedSetValue copy = z.copy(bytes("k2"));
        assertThat(copy.key()).isEqualTo(bytes("k2"));
        assertThat(copy.size()).isEqualTo(200);
        assertThat(copy.compact()).isFalse();
        SkipList.Node a = z.list().first();
        SkipList.Node b = copy.list().first();
        while (a != null) {
            assertThat(b.key()).isEqualTo(a.key());
            assertThat(b.score()).isEqualTo(a.score());
            a = a.next();
            b = b.next();
        }
        copy.remove(copy.find(bytes("m0"), 0, 2));
        assertThat(z.find(bytes("m0"), 0, 2)).isNotNull();
    }
}
