package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Random operations against a TreeSet of (score, member) as the reference model. */
class SkipListTest {
    private record Entry(double score, String member) {}

    private static final java.util.Comparator<Entry> ORDER = (a, b) -> {
        int c = Double.compare(a.score, b.score);
        if (a.score == b.score) {
            c = 0; // -0.0 and 0.0 are equal scores, as in C
        }
        return c != 0 ? c : Arrays.compareUnsigned(bytes(a.member), bytes(b.member));
    };

    @Test
    void randomOperationsMatchReferenceModel() {
        long seed = System.nanoTime();
        System.out.println("SkipListTest seed " + seed);
        Random random = new Random(seed);
        SkipList list = new SkipList();
        TreeSet<Entry> model = new TreeSet<>(ORDER);
        Map<String, SkipList.Node> nodes = new HashMap<>();
        Map<String, Double> scores = new HashMap<>();
        for (int op = 0; op < 20_000; op++) {
            String member = "m" + random.nextInt(500);
            double score = random.nextInt(50) / 2.0; // many ties, so member order matters
            int kind = random.nextInt(10);
            if (kind < 5) {
                if (nodes.containsKey(member)) {
                    model.remove(new Entry(scores.get(member), member));
                    list.updateScore(nodes.get(member), score);
                } else {
                    nodes.put(member, list.insert(score, bytes(member)));
                }
                model.add(new Entry(score, member));
                scores.put(member, score);
            } else if (kind < 8) {
                SkipList.Node node = nodes.remove(member);
                if (node != null) {
                    list.delete(node);
                    model.remove(new Entry(scores.remove(member), member));
                }
            } else {
                checkRanges(list, model, random);
            }
            assertThat(list.length()).isEqualTo(model.size());
            if (op % 500 == 0) {
                checkOrderAndRanks(list, model, nodes);
            }
        }
        checkOrderAndRanks(list, model, nodes);
    }

    private static void checkOrderAndRanks(SkipList list, TreeSet<Entry> model, Map<String, SkipList.Node> nodes) {
        List<Entry> expected = new ArrayList<>(model);
        SkipList.Node n = list.first();
        for (int i = 0; i < expected.size(); i++) {
            assertThat(n).isNotNull();
            assertThat(new String(n.key(), StandardCharsets.UTF_8)).isEqualTo(expected.get(i).member);
            assertThat(n.score()).isEqualTo(expected.get(i).score);
            assertThat(list.rank(n)).isEqualTo(i + 1);
            assertThat(list.byRank(i + 1)).isSameAs(n);
            assertThat(nodes.get(expected.get(i).member)).isSameAs(n);
            n = n.next();
        }
        assertThat(n).isNull();
        SkipList.Node back = list.last();
        for (int i = expected.size() - 1; i >= 0; i--) {
            assertThat(new String(back.key(), StandardCharsets.UTF_8)).isEqualTo(expected.get(i).member);
            back = back.previous();
        }
        assertThat(back).isNull();
        assertThat(list.byRank(0)).isNull();
        assertThat(list.byRank(expected.size() + 1)).isNull();
    }

    private static void checkRanges(SkipList list, TreeSet<Entry> model, Random random) {
        double a = random.nextInt(60) / 2.0 - 2;
        double b = random.nextInt(60) / 2.0 - 2;
        ScoreRange range = new ScoreRange().set(a, random.nextBoolean(), b, random.nextBoolean());
        Entry first = null;
        Entry last = null;
        for (Entry e : model) {
            if (range.contains(e.score)) {
                if (first == null) {
                    first = e;
                }
                last = e;
            }
        }
        SkipList.Node f = list.firstInRange(range);
        SkipList.Node l = list.lastInRange(range);
        if (first == null || range.isEmpty()) {
            assertThat(f).isNull();
            assertThat(l).isNull();
        } else {
            assertThat(new String(f.key(), StandardCharsets.UTF_8)).isEqualTo(first.member);
            assertThat(new String(l.key(), StandardCharsets.UTF_8)).isEqualTo(last.member);
        }
    }

    @Test
    void lexRangesOnEqualScores() {
        SkipList list = new SkipList();
        for (String m : new String[] {"a", "b", "c", "d", ""}) {
            list.insert(0, bytes(m));
        }
        LexRange range = new LexRange();
        byte[] args = bytes("[b(d");
        assertThat(range.parse(args, 0, 2, 2, 2)).isTrue();
        assertThat(list.firstInRange(range).key()).isEqualTo(bytes("b"));
        assertThat(list.lastInRange(range).key()).isEqualTo(bytes("c"));
        byte[] all = bytes("-+");
        assertThat(range.parse(all, 0, 1, 1, 1)).isTrue();
        assertThat(list.firstInRange(range).key()).isEqualTo(bytes(""));
        assertThat(list.lastInRange(range).key()).isEqualTo(bytes("d"));
    }

    @Test
    void updateScoreInPlaceKeepsOrder() {
        SkipList list = new SkipList();
        SkipList.Node a = list.insert(1, bytes("a"));
        SkipList.Node b = list.insert(2, bytes("b"));
        list.updateScore(a, 1.5); // stays first: updated in place
        assertThat(list.first()).isSameAs(a);
        list.updateScore(a, 3); // moves past b
        assertThat(list.first()).isSameAs(b);
        assertThat(list.last()).isSameAs(a);
        assertThat(list.rank(a)).isEqualTo(2);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
