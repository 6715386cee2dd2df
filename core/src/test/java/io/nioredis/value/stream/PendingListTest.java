package io.nioredis.value.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Random inserts (mostly past every id, as deliveries come), removes and look-ups against a TreeMap of the same
 * ids in unsigned order, across chunk splits and emptied chunks, with ids at the unsigned ends.
 */
class PendingListTest {
    private record Id(long ms, long seq) implements Comparable<Id> {
        @Override
        public int compareTo(Id o) {
            return StreamId.compare(ms, seq, o.ms, o.seq);
        }
    }

    @Test
    void randomChangesMatchATreeMap() {
        long seed = System.nanoTime();
        System.out.println("PendingListTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 10; round++) {
            PendingList list = new PendingList();
            TreeMap<Id, PendingEntry> model = new TreeMap<>();
            long next = 1;
            for (int op = 0; op < 20_000; op++) {
                int kind = random.nextInt(10);
                if (kind < 5) {
                    Id id = random.nextInt(4) == 0 ? randomId(random) : new Id(next++, random.nextInt(3));
                    if (!model.containsKey(id)) {
                        PendingEntry e = new PendingEntry(id.ms, id.seq, null, op, 1);
                        list.insert(e);
                        model.put(id, e);
                    }
                } else if (kind < 8 && !model.isEmpty()) {
                    Id id = random.nextBoolean() ? model.firstKey() : randomPresent(random, model);
                    assertThat(list.remove(id.ms, id.seq)).isTrue();
                    model.remove(id);
                } else {
                    Id id = randomId(random);
                    assertThat(list.remove(id.ms, id.seq)).isEqualTo(model.remove(id) != null);
                }
                assertThat(list.size()).isEqualTo(model.size());
                Id probe = random.nextBoolean() ? randomId(random)
                        : model.isEmpty() ? new Id(0, 0) : randomPresent(random, model);
                assertThat(list.get(probe.ms, probe.seq)).isSameAs(model.get(probe));
                assertThat(list.ceiling(probe.ms, probe.seq)).isSameAs(value(model.ceilingEntry(probe)));
                assertThat(list.higher(probe.ms, probe.seq)).isSameAs(value(model.higherEntry(probe)));
                if (op % 500 == 0) {
                    assertThat(list).containsExactlyElementsOf(model.values());
                    assertThat(walk(list.from(probe.ms, probe.seq)))
                            .containsExactlyElementsOf(model.tailMap(probe, true).values());
                    if (!model.isEmpty()) {
                        assertThat(list.first()).isSameAs(model.firstEntry().getValue());
                        assertThat(list.last()).isSameAs(model.lastEntry().getValue());
                    }
                }
            }
        }
    }

    @Test
    void theLargestIdHasNoHigherOne() {
        PendingList list = new PendingList();
        PendingEntry top = new PendingEntry(-1, -1, null, 0, 1);
        PendingEntry below = new PendingEntry(-1, -2, null, 0, 1);
        list.insert(top);
        list.insert(below);
        assertThat(list.higher(-1, -2)).isSameAs(top);
        assertThat(list.higher(-1, -1)).isNull();
        assertThat(list.higher(5, -1)).isSameAs(below); // (5, max) is followed by (6, 0)
        assertThat(list).containsExactly(below, top);
    }

    private static Id randomId(Random random) {
        long[] edges = {0, 1, 2, Long.MAX_VALUE, Long.MIN_VALUE, -2, -1};
        return random.nextInt(5) == 0
                ? new Id(edges[random.nextInt(edges.length)], edges[random.nextInt(edges.length)])
                : new Id(random.nextInt(30_000), random.nextInt(3));
    }

    private static Id randomPresent(Random random, TreeMap<Id, PendingEntry> model) {
        Id key = model.ceilingKey(new Id(random.nextInt(30_000), 0));
        return key != null ? key : model.lastKey();
    }

    private static PendingEntry value(Map.Entry<Id, PendingEntry> e) {
        return e == null ? null : e.getValue();
    }

    private static List<PendingEntry> walk(Iterable<PendingEntry> entries) {
        List<PendingEntry> out = new ArrayList<>();
        entries.forEach(out::add);
        return out;
    }
}
