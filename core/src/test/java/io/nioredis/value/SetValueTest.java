package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import io.nioredis.store.Dict;
import io.nioredis.store.FieldEntry;
import org.junit.jupiter.api.Test;

/**
 * Random adds and removes against java.util models (a TreeSet of longs while the set is an intset, whose
 * order it must follow), the intset-to-hashtable conversions, random members and a full scan.
 */
class SetValueTest {
    private static final long MAX = 512;

    @Test
    void randomOperationsMatchModels() {
        long seed = System.nanoTime();
        System.out.println("SetValueTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            long max = random.nextInt(3) == 0 ? random.nextInt(40) : MAX;
            boolean onlyIntegers = random.nextBoolean();
            SetValue set = new SetValue(bytes("k"));
            Set<String> model = new HashSet<>();
            boolean intset = true;
            for (int op = 0; op < 3000; op++) {
                String member = randomMember(random, onlyIntegers);
                byte[] m = bytes(member);
                if (random.nextInt(3) < 2) {
                    boolean added = model.add(member);
                    assertThat(set.add(m, 0, m.length, max)).isEqualTo(added);
                    if (added) {
                        intset = intset && isCanonical(member) && model.size() <= max;
                    }
                } else {
                    assertThat(set.remove(m, 0, m.length)).isEqualTo(model.remove(member));
                }
                assertThat(set.isIntset()).as("intset after op %d", op).isEqualTo(intset);
                assertThat(set.size()).isEqualTo(model.size());
                assertThat(set.contains(m, 0, m.length)).isEqualTo(model.contains(member));
                if (!model.isEmpty() && op % 100 == 0) {
                    assertThat(model).contains(member(set, set.randomPosition()));
                }
            }
            List<String> walked = walk(set);
            assertThat(new HashSet<>(walked)).isEqualTo(model);
            if (set.isIntset()) {
                TreeSet<Long> sorted = new TreeSet<>(longs(model));
                assertThat(walked).containsExactlyElementsOf(sorted.stream().map(String::valueOf).toList());
            }
            Set<String> scanned = new HashSet<>();
            long cursor = 0;
            do {
                cursor = set.scan(cursor, p -> scanned.add(member(set, p)));
            } while (cursor != 0);
            assertThat(scanned).isEqualTo(model);
        }
    }

    private static Set<Long> longs(Set<String> model) {
        Set<Long> out = new HashSet<>();
        for (String s : model) {
            if (isCanonical(s)) {
                out.add(Long.parseLong(s));
            }
        }
        return out;
    }

    private static String randomMember(Random random, boolean onlyIntegers) {
        switch (onlyIntegers ? random.nextInt(3) : random.nextInt(6)) {
            case 0:
                return Integer.toString(random.nextInt(400) - 200);
            case 1:
                long[] edges = {Short.MIN_VALUE, Short.MAX_VALUE, Short.MAX_VALUE + 1, Integer.MIN_VALUE,
                        Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, Long.MIN_VALUE, Long.MAX_VALUE, 0, -1};
                return Long.toString(edges[random.nextInt(edges.length)]);
            case 2:
                return Long.toString(random.nextLong() >> random.nextInt(64));
            case 3:
                String[] odd = {"007", "+1", " 1", "-0", "1 ", "", "9223372036854775808", "0x10", "1.0"};
                return odd[random.nextInt(odd.length)];
            default:
                return "m" + random.nextInt(100);
        }
    }

    /** string2ll's strict form, written with Java's parser and a round trip. */
    private static boolean isCanonical(String s) {
        try {
            return Long.toString(Long.parseLong(s)).equals(s);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Test
    void integersStayAnIntsetInAscendingOrder() {
        SetValue set = new SetValue(bytes("k"));
        for (String m : new String[] {"5", "1", "3", "-2", "100000"}) {
            set.add(bytes(m), 0, m.length(), MAX);
        }
        assertThat(set.isIntset()).isTrue();
        assertThat(walk(set)).containsExactly("-2", "1", "3", "5", "100000");
        assertThat(set.intset().width()).isEqualTo(4);
        set.remove(bytes("100000"), 0, 6);
        assertThat(set.intset().width()).as("Redis never narrows an intset").isEqualTo(4);
    }

    @Test
    void nonCanonicalIntegersMakeAHashtable() {
        for (String odd : new String[] {"007", "+1", " 1", "-0", "1 ", "", "9223372036854775808", "a"}) {
            SetValue set = new SetValue(bytes("k"));
            set.add(bytes("1"), 0, 1, MAX);
            set.add(bytes(odd), 0, odd.length(), MAX);
            assertThat(set.isIntset()).as(odd).isFalse();
            assertThat(walk(set)).containsExactlyInAnyOrder("1", odd);
            set.remove(bytes(odd), 0, odd.length());
            assertThat(set.isIntset()).as("one way").isFalse();
        }
    }

    @Test
    void outgrowingTheLimitMakesAHashtable() {
        SetValue set = new SetValue(bytes("k"));
        for (int i = 0; i < 4; i++) {
            set.add(bytes(Integer.toString(i)), 0, 1, 4);
        }
        assertThat(set.isIntset()).isTrue();
        assertThat(set.add(bytes("3"), 0, 1, 4)).isFalse();
        assertThat(set.isIntset()).isTrue();
        set.add(bytes("9"), 0, 1, 4);
        assertThat(set.isIntset()).isFalse();
        assertThat(walk(set)).containsExactlyInAnyOrder("0", "1", "2", "3", "9");
        SetValue none = new SetValue(bytes("k"));
        none.add(bytes("1"), 0, 1, 0);
        assertThat(none.isIntset()).as("set-max-intset-entries 0").isFalse();
    }

    @Test
    void intsetMembersCostTheirWidth() {
        SetValue small = new SetValue(bytes("k"));
        SetValue strings = new SetValue(bytes("k"));
        for (int i = 0; i < 500; i++) {
            byte[] m = bytes(Integer.toString(i));
            small.add(m, 0, m.length, MAX);
            strings.add(m, 0, m.length, 0);
        }
        assertThat(small.memoryUsage()).isLessThan(48 + 24 + 16 + 4 * 500);
        assertThat(strings.memoryUsage()).isGreaterThan(10 * 500);
    }

    @Test
    void emptyMemberAndBinaryMembers() {
        SetValue set = new SetValue(bytes("k"));
        byte[] bin = {0, '\r', '\n', (byte) 0xff};
        assertThat(set.add(bin, 0, 0, MAX)).isTrue();
        assertThat(set.add(bin, 0, 4, MAX)).isTrue();
        assertThat(set.add(bin, 0, 4, MAX)).isFalse();
        assertThat(set.contains(bin, 0, 0)).isTrue();
        assertThat(set.typeName()).isEqualTo("set");
    }

    @Test
    void copyIsDeepAndKeepsTheEncoding() {
        for (String prefix : new String[] {"e", ""}) {
            SetValue set = new SetValue(bytes("k"));
            for (int i = 0; i < 100; i++) {
                byte[] m = bytes(prefix + i);
                set.add(m, 0, m.length, MAX);
            }
            SetValue copy = set.copy(bytes("k2"));
            assertThat(copy.isIntset()).isEqualTo(set.isIntset());
            assertThat(copy.size()).isEqualTo(100);
            assertThat(copy.memoryUsage()).isPositive();
            byte[] e5 = bytes(prefix + "5");
            copy.remove(e5, 0, e5.length);
            assertThat(set.contains(e5, 0, e5.length)).isTrue();
            assertThat(copy.contains(e5, 0, e5.length)).isFalse();
        }
    }

    private static List<String> walk(SetValue set) {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < set.positionLimit(); p++) {
            SetMember m = new SetMember();
            if (set.member(p, m)) {
                out.add(new String(m.array, m.offset, m.length, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String member(SetValue set, int position) {
        SetMember m = new SetMember();
        assertThat(set.member(position, m)).isTrue();
        return new String(m.array, m.offset, m.length, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Past {@link FieldEntry#SHARED_FROM} members the entries move into the dict's pages, a few with each add:
     * every member stays through removals and re-adds, freed room is used again, the bytes counted stay each
     * entry's while some have moved and others not, and a copy owns its entries.
     */
    @Test
    void aSetPastTheSharingMarkKeepsEveryMemberAndCountsItsBytes() {
        Random random = new Random(11);
        SetValue set = new SetValue(bytes("big"));
        Set<String> model = new HashSet<>();
        for (int i = 0; i < FieldEntry.SHARED_FROM - 1; i++) {
            add(set, model, "member:" + i);
        }
        Dict dict = set.memberDict();
        long fixed = set.memoryUsage() - dict.overheadBytes() - entryBytes(set);
        assertThat(dict.base(dict.find(bytes("member:1"), 0, 8))).isZero();

        add(set, model, "member:last");
        assertThat(dict.base(dict.find(bytes("member:1"), 0, 8))).as("moved into a page").isNotZero();
        byte[] late = bytes("member:60000");
        assertThat(dict.base(dict.find(late, 0, late.length))).as("not moved yet").isZero();
        assertThat(set.memoryUsage() - dict.overheadBytes() - entryBytes(set)).isEqualTo(fixed);
        for (int i = 0; i < FieldEntry.SHARED_FROM / FieldEntry.SLOTS_PER_ADD; i++) {
            add(set, model, "more:" + i);
        }
        assertThat(dict.base(dict.find(late, 0, late.length))).as("moved by the adds since").isNotZero();

        for (int op = 0; op < 50_000; op++) {
            String member = random.nextInt(4) == 0 ? "m".repeat(random.nextInt(60)) + op
                    : "member:" + random.nextInt(FieldEntry.SHARED_FROM + 2000);
            if (random.nextBoolean()) {
                add(set, model, member);
            } else {
                byte[] m = bytes(member);
                assertThat(set.remove(m, 0, m.length)).isEqualTo(model.remove(member));
            }
        }
        assertThat(new HashSet<>(walk(set))).isEqualTo(model);
        assertThat(set.memoryUsage() - dict.overheadBytes() - entryBytes(set)).isEqualTo(fixed);

        SetValue copy = set.copy(bytes("big"));
        String member = model.iterator().next();
        byte[] m = bytes(member);
        set.remove(m, 0, m.length);
        add(set, new HashSet<>(), "n".repeat(m.length));
        assertThat(copy.contains(m, 0, m.length)).isTrue();
        assertThat(new HashSet<>(walk(copy))).isEqualTo(model);
    }

    private static void add(SetValue set, Set<String> model, String member) {
        byte[] m = bytes(member);
        assertThat(set.add(m, 0, m.length, MAX)).isEqualTo(model.add(member));
    }

    private static long entryBytes(SetValue set) {
        long total = 0;
        for (int p = 0; p < set.positionLimit(); p++) {
            if (set.memberDict().get(p) != null) {
                total += FieldEntry.bytes(set.memberDict(), p);
            }
        }
        return total;
    }
}
