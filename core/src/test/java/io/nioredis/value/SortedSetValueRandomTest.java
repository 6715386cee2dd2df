package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Random operations on both encodings of {@link SortedSetValue} against a java.util model: a TreeSet ordered
 * by (score, member bytes) and a HashMap of scores. Every step checks the whole set by rank, forwards and
 * backwards, through the member views.
 */
class SortedSetValueRandomTest {
    private static final int MAX_ENTRIES = 128;
    private static final int MAX_VALUE = 64;

    private record Entry(double score, byte[] member) {}

    private static final Comparator<Entry> ORDER = (a, b) -> {
        int c = Double.compare(a.score + 0.0, b.score + 0.0);
        return c != 0 ? c : Arrays.compareUnsigned(a.member, b.member);
    };

    private final TreeSet<Entry> order = new TreeSet<>(ORDER);
    private final Map<String, Double> scores = new HashMap<>();

    @Test
    void packedAndLargeAgreeWithTheModel() {
        long seed = System.nanoTime();
        System.out.println("SortedSetValueRandomTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 40; round++) {
            order.clear();
            scores.clear();
            SortedSetValue z = new SortedSetValue("k".getBytes(StandardCharsets.US_ASCII));
            boolean equalScores = random.nextInt(4) == 0;
            int universe = 20 + random.nextInt(160);
            for (int step = 0; step < 600; step++) {
                boolean wasCompact = z.compact();
                byte[] m = member(random, universe);
                String key = new String(m, StandardCharsets.ISO_8859_1);
                int op = random.nextInt(10);
                if (op < 4) {
                    double score = equalScores ? 1 : score(random);
                    long hash = z.hash(m, 0, m.length);
                    if (scores.containsKey(key)) {
                        z.updateScore(m, 0, m.length, hash, score);
                        order.remove(new Entry(scores.get(key), m));
                    } else {
                        z.add(score, m, 0, m.length, hash, MAX_ENTRIES, MAX_VALUE);
                    }
                    // A listpack keeps -0 as 0; a skip list keeps it.
                    double kept = z.compact() ? score + 0.0 : score;
                    scores.put(key, kept);
                    order.add(new Entry(kept, m));
                    if (wasCompact && !z.compact()) {
                        assertThat(order.size() > MAX_ENTRIES || m.length > MAX_VALUE).isTrue();
                    }
                } else if (op < 6) {
                    boolean present = scores.remove(key) != null;
                    assertThat(z.remove(m, 0, m.length)).isEqualTo(present);
                    if (present) {
                        order.removeIf(e -> Arrays.equals(e.member, m));
                    }
                } else if (op == 6 && !order.isEmpty()) {
                    int from = random.nextInt(order.size());
                    int to = Math.min(order.size() - 1, from + random.nextInt(4));
                    z.removeRanks(from, to);
                    List<Entry> all = new ArrayList<>(order);
                    for (int i = from; i <= to; i++) {
                        order.remove(all.get(i));
                        scores.remove(new String(all.get(i).member, StandardCharsets.ISO_8859_1));
                    }
                } else if (op == 7) {
                    checkScoreRange(z, random);
                } else if (op == 8) {
                    checkLexRange(z, random);
                } else {
                    Double expected = scores.get(key);
                    if (expected == null) {
                        assertThat(z.score(m, 0, m.length)).isNaN();
                        assertThat(z.rankOf(m, 0, m.length)).isEqualTo(-1);
                    } else {
                        assertThat(z.score(m, 0, m.length)).isEqualTo(expected);
                        assertThat(z.rankOf(m, 0, m.length)).isEqualTo(order.headSet(new Entry(expected, m)).size());
                    }
                }
                if (!wasCompact) {
                    assertThat(z.compact()).isFalse(); // never back
                }
                checkAll(z, random);
            }
        }
    }

    @Test
    void convertsAtTheEntryLimitAndAtALongMember() {
        SortedSetValue z = new SortedSetValue("k".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < MAX_ENTRIES; i++) {
            byte[] m = ("m:" + i).getBytes(StandardCharsets.US_ASCII);
            z.add(i, m, 0, m.length, MAX_ENTRIES, MAX_VALUE);
        }
        assertThat(z.compact()).isTrue();
        byte[] more = "m:128".getBytes(StandardCharsets.US_ASCII);
        z.add(128, more, 0, more.length, MAX_ENTRIES, MAX_VALUE);
        assertThat(z.compact()).isFalse();
        assertThat(z.size()).isEqualTo(129);
        for (int i = 0; i <= 128; i++) {
            assertThat(new String(z.member(i), StandardCharsets.US_ASCII)).isEqualTo("m:" + i);
            assertThat(z.score(i)).isEqualTo(i);
        }

        SortedSetValue small = new SortedSetValue("k".getBytes(StandardCharsets.US_ASCII));
        byte[] fits = new byte[MAX_VALUE];
        Arrays.fill(fits, (byte) 'a');
        small.add(1.5, fits, 0, fits.length, MAX_ENTRIES, MAX_VALUE);
        assertThat(small.compact()).isTrue();
        byte[] tooLong = new byte[MAX_VALUE + 1];
        Arrays.fill(tooLong, (byte) 'b');
        small.add(-2, tooLong, 0, tooLong.length, MAX_ENTRIES, MAX_VALUE);
        assertThat(small.compact()).isFalse();
        assertThat(small.member(0)).isEqualTo(tooLong);
        assertThat(small.member(1)).isEqualTo(fits);
        assertThat(small.score(1)).isEqualTo(1.5);
    }

    @Test
    void scoresReadBackExactly() {
        double[] samples = {0, 1, -1, 127, -128, 128, -129, 32767, -32768, 32768, Integer.MAX_VALUE,
            Integer.MIN_VALUE, 2147483648.0, 0.5, -1e300, Double.MIN_VALUE, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1.0 / 3, 4.5e15};
        SortedSetValue z = new SortedSetValue("k".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < samples.length; i++) {
            byte[] m = ("s" + i).getBytes(StandardCharsets.US_ASCII);
            z.add(samples[i], m, 0, m.length, MAX_ENTRIES, MAX_VALUE);
        }
        for (int i = 0; i < samples.length; i++) {
            byte[] m = ("s" + i).getBytes(StandardCharsets.US_ASCII);
            assertThat(z.score(m, 0, m.length)).isEqualTo(samples[i]);
        }
    }

    private void checkAll(SortedSetValue z, Random random) {
        assertThat(z.size()).isEqualTo(order.size());
        List<Entry> all = new ArrayList<>(order);
        boolean backwards = random.nextBoolean();
        for (int k = 0; k < all.size(); k++) {
            int r = backwards ? all.size() - 1 - k : k;
            Entry e = all.get(r);
            byte[] array = z.memberArray(r);
            int off = z.memberOffset(r);
            assertThat(Arrays.copyOfRange(array, off, off + z.memberLength(r))).isEqualTo(e.member);
            assertThat(z.score(r)).isEqualTo(e.score);
        }
    }

    private void checkScoreRange(SortedSetValue z, Random random) {
        double a = score(random);
        double b = score(random);
        ScoreRange range = new ScoreRange().set(Math.min(a, b), random.nextBoolean(), Math.max(a, b),
                random.nextBoolean());
        int first = -1;
        int last = -1;
        int r = 0;
        for (Entry e : order) {
            if (range.contains(e.score)) {
                if (first < 0) {
                    first = r;
                }
                last = r;
            }
            r++;
        }
        assertThat(z.firstRankInRange(range)).isEqualTo(first);
        assertThat(z.lastRankInRange(range)).isEqualTo(last);
    }

    /**
     * Lex ranges as Redis finds them: a listpack scanned from the head (and tail), a skip list descended;
     * the descent is only checked when all scores are equal, where lex ranges are defined.
     */
    private void checkLexRange(SortedSetValue z, Random random) {
        String min = lexItem(random);
        String max = lexItem(random);
        byte[] spec = (min + max).getBytes(StandardCharsets.ISO_8859_1);
        LexRange range = new LexRange();
        assertThat(range.parse(spec, 0, min.length(), min.length(), max.length())).isTrue();
        List<Entry> all = new ArrayList<>(order);
        boolean equal = all.stream().allMatch(e -> e.score == all.get(0).score);
        if (!z.compact() && !equal) {
            return;
        }
        long first = -1;
        long last = -1;
        long count = 0;
        boolean overlaps = !range.isEmpty() && !all.isEmpty() && range.aboveMin(all.get(all.size() - 1).member)
                && range.belowMax(all.get(0).member);
        if (overlaps) {
            for (int r = 0; r < all.size(); r++) {
                if (range.aboveMin(all.get(r).member)) {
                    first = range.belowMax(all.get(r).member) ? r : -1;
                    break;
                }
            }
            for (int r = all.size() - 1; r >= 0; r--) {
                if (range.belowMax(all.get(r).member)) {
                    last = range.aboveMin(all.get(r).member) ? r : -1;
                    break;
                }
            }
            for (long r = first; first >= 0 && r < all.size() && range.belowMax(all.get((int) r).member); r++) {
                count++;
            }
        }
        assertThat(z.firstRankInLexRange(range)).isEqualTo(first);
        assertThat(z.lastRankInLexRange(range)).isEqualTo(last);
        if (z.compact() || equal) {
            assertThat(z.countInLexRange(range)).isEqualTo(equal && last >= 0 && first >= 0 ? last - first + 1
                    : count);
        }
    }

    private static String lexItem(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return "-";
            case 1:
                return "+";
            default:
                return (random.nextBoolean() ? "[" : "(") + "m" + random.nextInt(30);
        }
    }

    private static byte[] member(Random random, int universe) {
        int i = random.nextInt(universe);
        if (i == 0) {
            byte[] m = new byte[MAX_VALUE + 1 + random.nextInt(100)]; // a member past the listpack limit
            Arrays.fill(m, (byte) 'z');
            return m;
        }
        return ("m" + i).getBytes(StandardCharsets.US_ASCII);
    }

    private static double score(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return random.nextInt(5) - 2;
            case 1:
                return random.nextInt(70000) - 35000;
            case 2:
                return random.nextDouble() * 10;
            case 3:
                return random.nextBoolean() ? -0.0 : 0.0;
            case 4:
                return (double) random.nextLong();
            default:
                return random.nextInt(20);
        }
    }
}
