package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.store.FieldEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
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

    /**
     * A large set crossing {@link FieldEntry#SHARED_FROM} members moves its entries into its dict's pages
     * while its tree keeps their slots: after random adds, score changes (in place and moving), removals
     * by member and by rank, every member's score, rank and bytes match a model, in order both ways, and so
     * does a copy.
     */
    @Test
    void aLargeSetPastTheSharingMarkKeepsEveryMemberScoreAndRank() {
        long seed = System.nanoTime();
        System.out.println("SortedSetValueTest seed " + seed);
        Random random = new Random(seed);
        SortedSetValue z = new SortedSetValue(bytes("big"));
        Map<String, Double> model = new HashMap<>();
        int universe = FieldEntry.SHARED_FROM + 5_000;
        for (int i = 0; i < FieldEntry.SHARED_FROM + 1_000; i++) {
            set(z, model, "member:" + i, random.nextInt(1_000));
        }
        for (int op = 0; op < 60_000; op++) {
            String member = random.nextInt(5) == 0 ? "m".repeat(random.nextInt(40)) + op
                    : "member:" + random.nextInt(universe);
            int kind = random.nextInt(10);
            if (kind < 5) {
                Double old = model.get(member);
                double score = old != null && random.nextBoolean() ? old + 0.001 : random.nextInt(1_000);
                set(z, model, member, score);
            } else if (kind < 9) {
                byte[] m = bytes(member);
                assertThat(z.remove(m, 0, m.length)).isEqualTo(model.remove(member) != null);
            } else if (random.nextInt(20) == 0) {
                long from = random.nextInt((int) z.size());
                long to = Math.min(z.size() - 1, from + random.nextInt(50));
                for (long r = from; r <= to; r++) {
                    model.remove(new String(z.member(r), StandardCharsets.UTF_8));
                }
                z.removeRanks(from, to);
            }
        }
        TreeSet<String> order = new TreeSet<>((a, b) -> {
            int c = Double.compare(model.get(a), model.get(b));
            return c != 0 ? c : Arrays.compareUnsigned(bytes(a), bytes(b));
        });
        order.addAll(model.keySet());
        List<String> expected = new ArrayList<>(order);
        assertThat(z.size()).isEqualTo(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            String member = expected.get(r);
            byte[] m = bytes(member);
            assertThat(new String(z.member(r), StandardCharsets.UTF_8)).isEqualTo(member);
            assertThat(z.score(r)).isEqualTo(model.get(member));
            assertThat(z.score(m, 0, m.length)).isEqualTo(model.get(member));
            assertThat(z.rankOf(m, 0, m.length)).isEqualTo(r);
        }
        List<String> descending = new ArrayList<>();
        z.forEach(true, (b, off, len, score) -> descending.add(new String(b, off, len, StandardCharsets.UTF_8)));
        java.util.Collections.reverse(descending);
        assertThat(descending).isEqualTo(expected);

        SortedSetValue copy = z.copy(bytes("copy"));
        for (int r = 0; r < expected.size(); r += 97) {
            assertThat(copy.member(r)).isEqualTo(z.member(r));
            assertThat(copy.score(r)).isEqualTo(z.score(r));
        }
        assertThat(copy.size()).isEqualTo(z.size());
    }

    private static void set(SortedSetValue z, Map<String, Double> model, String member, double score) {
        byte[] m = bytes(member);
        long hash = z.hash(m, 0, m.length);
        if (model.put(member, score) != null) {
            z.updateScore(m, 0, m.length, hash, score);
        } else {
            z.add(score, m, 0, m.length, hash, MAX_ENTRIES, MAX_VALUE);
        }
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
