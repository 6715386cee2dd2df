package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.store.Dict;
import io.nioredis.store.FieldEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Random operations against a TreeSet of (score, member) as the reference model, on trees of one to four
 * levels, with the B+tree's invariants checked along the way: separators bound their children, counts
 * match, nodes stay above their minimum, the leaf chain is the order. The tree holds slots of a member
 * dict, as a sorted set's does; halfway the dict's entries move into its pages, as a big set's do, and the
 * slots the tree holds must still name the same members.
 */
class ScoreTreeTest {
    private record Entry(double score, String member) {}

    private static final Comparator<Entry> ORDER = (a, b) -> {
        if (a.score != b.score) {
            return a.score < b.score ? -1 : 1; // -0.0 and 0.0 are equal scores, as in C
        }
        return Arrays.compareUnsigned(bytes(a.member), bytes(b.member));
    };

    private final TreeSet<Entry> model = new TreeSet<>(ORDER);
    private static final byte[] NO_SCORE = new byte[8];

    private final Dict dict = new Dict();
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<String, Double> scores = new HashMap<>();
    private final ScoreTree tree = new ScoreTree(dict);

    @Test
    void randomOperationsMatchTheModelWhileTheTreeGrowsAndShrinks() {
        long seed = System.nanoTime();
        System.out.println("ScoreTreeTest seed " + seed);
        Random random = new Random(seed);
        // Grow to ~56k members (three levels), shrink to a handful, grow again: splits, merges, borrows.
        int[][] phases = {{200_000, 80_000, 7}, {150_000, 80_000, 2}, {40_000, 300, 7}, {30_000, 300, 3}};
        for (int p = 0; p < phases.length; p++) {
            if (p == 2) {
                FieldEntry.share(dict);
                checkEverything(random);
            }
            int[] phase = phases[p];
            int ops = phase[0];
            int universe = phase[1];
            int addWeight = phase[2];
            for (int op = 0; op < ops; op++) {
                step(random, universe, addWeight);
                if (op % 25_000 == 0) {
                    checkEverything(random);
                }
            }
            checkEverything(random);
        }
    }

    private void step(Random random, int universe, int addWeight) {
        String name = "m" + random.nextInt(universe);
        double score = random.nextInt(2_000) / 4.0 - 100; // ties, so member order matters; -0.0 too
        if (score == 0 && random.nextBoolean()) {
            score = -0.0;
        }
        int kind = random.nextInt(10);
        Integer slot = slots.get(name);
        if (kind < addWeight) {
            if (slot != null) {
                double old = scores.get(name);
                model.remove(new Entry(old, name));
                if (random.nextInt(4) == 0) {
                    score = old + (random.nextBoolean() ? 0.001 : -0.001); // small moves, often in place
                }
                tree.updateScore(slot, old, score);
            } else {
                slot = add(dict, name);
                tree.insert(slot, score);
                slots.put(name, slot);
            }
            scores.put(name, score);
            model.add(new Entry(score, name));
        } else if (kind == 9 && random.nextInt(50) == 0 && !model.isEmpty()) {
            // by rank, rarely: the model finds a rank in O(n)
            int rank = random.nextInt(model.size());
            Entry expected = new ArrayList<>(model).get(rank);
            int removed = tree.removeAt(rank);
            assertThat(text(dict, removed)).isEqualTo(expected.member);
            forget(expected.member);
            model.remove(expected);
        } else if (slot != null) {
            tree.remove(slot, scores.get(name));
            model.remove(new Entry(scores.get(name), name));
            forget(name);
        }
        assertThat(tree.length()).isEqualTo(model.size());
        if (random.nextInt(1_000) == 0 && !model.isEmpty()) {
            checkRanges(random);
        }
    }

    /** Removes a member from the dict, as its set does after the tree. */
    private void forget(String name) {
        FieldEntry.remove(dict, slots.remove(name));
        scores.remove(name);
    }

    private void checkEverything(Random random) {
        checkStructure();
        List<Entry> expected = new ArrayList<>(model);
        List<Integer> forward = new ArrayList<>();
        List<Double> forwardScores = new ArrayList<>();
        tree.forEach(false, (slot, score) -> {
            forward.add(slot);
            forwardScores.add(score);
        });
        List<Integer> backward = new ArrayList<>();
        tree.forEach(true, (slot, score) -> backward.add(slot));
        assertThat(forward).hasSize(expected.size());
        assertThat(backward).hasSize(expected.size());
        assertThat(dict.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            int slot = forward.get(i);
            assertThat(text(dict, slot)).isEqualTo(expected.get(i).member);
            assertThat(forwardScores.get(i)).isEqualTo(expected.get(i).score);
            assertThat(backward.get(expected.size() - 1 - i)).isEqualTo(slot);
            assertThat(slots.get(expected.get(i).member)).isEqualTo(slot);
        }
        // Ranks both ways, walking (one step from the remembered position) and jumping (a descent each).
        for (int i = 0; i < expected.size(); i++) {
            assertThat(tree.at(i)).isEqualTo(forward.get(i));
        }
        for (int i = expected.size() - 1; i >= 0; i--) {
            assertThat(tree.at(i)).isEqualTo(forward.get(i));
        }
        for (int k = 0; k < Math.min(2_000, expected.size()); k++) {
            int i = random.nextInt(expected.size());
            assertThat(tree.rank(forward.get(i), forwardScores.get(i))).isEqualTo(i);
            int j = random.nextInt(expected.size());
            assertThat(tree.at(j)).isEqualTo(forward.get(j));
        }
    }

    /**
     * Along the order, "above the minimum" is false then true and "within the maximum" true then false, so
     * the ranks where each changes are the number of members for which the first is false and the second
     * true: what firstHolding must find, for empty ranges too.
     */
    private void checkRanges(Random random) {
        double a = random.nextInt(2_200) / 4.0 - 110;
        double b = a + random.nextInt(400) / 4.0 - 10;
        ScoreRange range = new ScoreRange().set(a, random.nextBoolean(), b, random.nextBoolean());
        long belowMin = model.stream().filter(e -> !range.aboveMin(e.score)).count();
        long withinMax = model.stream().filter(e -> range.belowMax(e.score)).count();
        assertThat(tree.firstHolding(range, false)).as("%s", range).isEqualTo(belowMin);
        assertThat(tree.firstHolding(range, true)).as("%s", range).isEqualTo(withinMax);
    }

    /** Walks the tree through its fields, checking every invariant a search relies on. */
    private void checkStructure() {
        ScoreTreeNode root = rootOf(tree);
        int height = heightOf(tree);
        assertThat(count(root, height, null, null, true)).isEqualTo(model.size());
    }

    /** Checks a subtree whose elements lie in [low, high) (null: unbounded) and returns its count. */
    private int count(ScoreTreeNode node, int level, Entry low, Entry high, boolean isRoot) {
        if (level == 1) {
            ScoreLeaf leaf = (ScoreLeaf) node;
            if (!isRoot) {
                // a delete mends a leaf under a quarter full; a split at either end of the set may leave
                // a leaf of one member, which the ordered inserts after it fill
                assertThat(leaf.size).isPositive();
            }
            for (int i = 0; i < leaf.size; i++) {
                Entry e = new Entry(leaf.scores[i], text(dict, leaf.slots[i]));
                assertThat(scores.get(e.member)).isEqualTo(leaf.scores[i]);
                assertThat(low == null || ORDER.compare(low, e) <= 0).as("above its separator").isTrue();
                assertThat(high == null || ORDER.compare(e, high) < 0).as("below the next separator").isTrue();
                if (i > 0) {
                    Entry previous = new Entry(leaf.scores[i - 1], text(dict, leaf.slots[i - 1]));
                    assertThat(ORDER.compare(previous, e)).isNegative();
                }
            }
            return leaf.size;
        }
        ScoreInner inner = (ScoreInner) node;
        assertThat(inner.size).isGreaterThanOrEqualTo(isRoot ? 2 : ScoreInner.CAPACITY / 4);
        int total = 0;
        for (int c = 0; c < inner.size; c++) {
            Entry from = c == 0 ? low : new Entry(inner.keyScores[c], new String(inner.keyMembers[c], StandardCharsets.UTF_8));
            Entry to = c + 1 < inner.size
                    ? new Entry(inner.keyScores[c + 1], new String(inner.keyMembers[c + 1], StandardCharsets.UTF_8))
                    : high;
            int n = count(inner.children[c], level - 1, from, to, false);
            assertThat(inner.counts[c]).as("count of child " + c).isEqualTo(n);
            total += n;
        }
        for (int c = inner.size; c < ScoreInner.CAPACITY; c++) {
            assertThat(inner.children[c]).isNull();
        }
        return total;
    }

    @Test
    void aSetFilledInOrderKeepsItsLeavesFull() {
        int n = 10_000;
        Dict risingMembers = new Dict();
        Dict fallingMembers = new Dict();
        ScoreTree rising = new ScoreTree(risingMembers);
        ScoreTree falling = new ScoreTree(fallingMembers);
        for (int i = 0; i < n; i++) {
            rising.insert(add(risingMembers, "m" + i), i);
            falling.insert(add(fallingMembers, "m" + i), -i); // as a load adds them, highest first
        }
        long full = (n + ScoreLeaf.CAPACITY - 1) / ScoreLeaf.CAPACITY;
        assertThat((Long) field(rising, "leaves")).isLessThanOrEqualTo(full + 1);
        assertThat((Long) field(falling, "leaves")).isLessThanOrEqualTo(full + 1);
        for (int i = 0; i < n; i++) {
            assertThat(text(risingMembers, rising.at(i))).isEqualTo("m" + i);
            assertThat(text(fallingMembers, falling.at(i))).isEqualTo("m" + (n - 1 - i));
        }
    }

    @Test
    void lexRangesOnEqualScores() {
        Dict members = new Dict();
        ScoreTree small = new ScoreTree(members);
        for (String m : new String[] {"a", "b", "c", "d", ""}) {
            small.insert(add(members, m), 0);
        }
        LexRange range = new LexRange();
        byte[] args = bytes("[b(d");
        assertThat(range.parse(args, 0, 2, 2, 2)).isTrue();
        assertThat(small.firstHolding(range, false)).isEqualTo(2); // "", a, then b
        assertThat(small.firstHolding(range, true)).isEqualTo(4); // d is past the maximum
        byte[] all = bytes("-+");
        assertThat(range.parse(all, 0, 1, 1, 1)).isTrue();
        assertThat(small.firstHolding(range, false)).isZero();
        assertThat(small.firstHolding(range, true)).isEqualTo(5);
    }

    @Test
    void aScoreChangeThatKeepsTheOrderIsMadeInPlace() {
        Dict members = new Dict();
        ScoreTree small = new ScoreTree(members);
        int a = add(members, "a");
        int b = add(members, "b");
        int c = add(members, "c");
        small.insert(a, 1);
        small.insert(b, 2);
        small.insert(c, 3);
        ScoreLeaf leaf = (ScoreLeaf) rootOf(small);
        small.updateScore(b, 2, 2.5); // between its neighbours
        assertThat(small.at(1)).isEqualTo(b);
        assertThat(leaf.scores[1]).isEqualTo(2.5);
        small.updateScore(a, 1, 4); // moves past c
        assertThat(small.at(0)).isEqualTo(b);
        assertThat(small.at(2)).isEqualTo(a);
        assertThat(small.rank(a, 4)).isEqualTo(2);
        assertThat(small.length()).isEqualTo(3);
    }

    private static ScoreTreeNode rootOf(ScoreTree tree) {
        return (ScoreTreeNode) field(tree, "root");
    }

    private static int heightOf(ScoreTree tree) {
        return (Integer) field(tree, "height");
    }

    private static Object field(ScoreTree tree, String name) {
        try {
            java.lang.reflect.Field f = ScoreTree.class.getDeclaredField(name);
            f.setAccessible(true);
            return f.get(tree);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Adds a member's entry to a member dict, as a sorted set does (its score is the set's to keep). */
    private static int add(Dict members, String name) {
        byte[] b = bytes(name);
        return FieldEntry.add(members, b, 0, b.length, NO_SCORE, 0, NO_SCORE.length);
    }

    private static String text(Dict members, int slot) {
        byte[] e = (byte[]) members.get(slot);
        int base = members.base(slot);
        int off = FieldEntry.keyOffset(e, base);
        return new String(e, off, FieldEntry.keyLength(e, base), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
