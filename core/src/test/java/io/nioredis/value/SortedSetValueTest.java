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
        z.add(2, a, 0, 1, MAX_ENTRIES, MAX_VALUE);
        assertThat(z.rankOf(a, 0, 1)).isZero();
        z.updateScore(a, 0, 1, z.hash(a, 0, 1), 5);
        assertThat(z.score(a, 0, 1)).isEqualTo(5);
        long withOne = z.memoryUsage();
        assertThat(z.remove(a, 0, 1)).isTrue();
        assertThat(z.score(a, 0, 1)).isNaN();
        assertThat(z.rankOf(a, 0, 1)).isEqualTo(-1);
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
        assertThat(1 / small.score(m, 0, 1)).isPositive();
        SortedSetValue big = new SortedSetValue(bytes("k"));
        big.notCompact();
        big.add(-0.0, m, 0, 1, MAX_ENTRIES, MAX_VALUE);
        assertThat(1 / big.score(m, 0, 1)).isNegative();
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
        for (long r = 0; r < z.size(); r++) {
            assertThat(copy.member(r)).isEqualTo(z.member(r));
            assertThat(copy.score(r)).isEqualTo(z.score(r));
        }
        copy.remove(bytes("m0"), 0, 2);
        assertThat(z.score(bytes("m0"), 0, 2)).isZero();
    }
}
