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
            PendingStore store = new PendingStore();
            PendingList list = new PendingList(store, null);
            TreeMap<Id, Integer> model = new TreeMap<>();
            long next = 1;
            for (int op = 0; op < 20_000; op++) {
                int kind = random.nextInt(10);
                if (kind < 5) {
                    Id id = random.nextInt(4) == 0 ? randomId(random) : new Id(next++, random.nextInt(3));
                    if (!model.containsKey(id)) {
                        int slot = store.add(id.ms, id.seq, null, op, 1);
                        list.insert(slot);
                        model.put(id, slot);
                    }
                } else if (kind < 8 && !model.isEmpty()) {
                    Id id = random.nextBoolean() ? model.firstKey() : randomPresent(random, model);
                    int slot = model.remove(id);
                    assertThat(list.remove(id.ms, id.seq)).isEqualTo(slot);
                    store.remove(slot);
                } else {
                    Id id = randomId(random);
                    Integer slot = model.remove(id);
                    assertThat(list.remove(id.ms, id.seq)).isEqualTo(slot == null ? -1 : slot);
                    if (slot != null) {
                        store.remove(slot);
                    }
                }
                assertThat(list.size()).isEqualTo(model.size());
                Id probe = random.nextBoolean() ? randomId(random)
                        : model.isEmpty() ? new Id(0, 0) : randomPresent(random, model);
                assertThat(list.get(probe.ms, probe.seq)).isEqualTo(slotOf(model.get(probe)));
                assertThat(list.ceiling(probe.ms, probe.seq)).isEqualTo(slotOf(model.ceilingEntry(probe)));
                assertThat(list.higher(probe.ms, probe.seq)).isEqualTo(slotOf(model.higherEntry(probe)));
                if (op % 500 == 0) {
                    List<Id> ids = new ArrayList<>();
                    list.forEach(e -> ids.add(new Id(e.ms(), e.seq())));
                    assertThat(ids).containsExactlyElementsOf(model.keySet());
                    assertThat(walk(list.from(probe.ms, probe.seq)))
                            .containsExactlyElementsOf(model.tailMap(probe, true).values());
                    if (!model.isEmpty()) {
                        assertThat(list.first()).isEqualTo(model.firstEntry().getValue());
                        assertThat(list.last()).isEqualTo(model.lastEntry().getValue());
                    }
                }
            }
        }
    }

    @Test
    void theLargestIdHasNoHigherOne() {
        PendingStore store = new PendingStore();
        PendingList list = new PendingList(store, null);
        int top = store.add(-1, -1, null, 0, 1);
        int below = store.add(-1, -2, null, 0, 1);
        list.insert(top);
        list.insert(below);
        assertThat(list.higher(-1, -2)).isEqualTo(top);
        assertThat(list.higher(-1, -1)).isEqualTo(-1);
        assertThat(list.higher(5, -1)).isEqualTo(below); // (5, max) is followed by (6, 0)
        assertThat(walk(list.from(0, 0))).containsExactly(below, top);
    }

    private static Id randomId(Random random) {
        long[] edges = {0, 1, 2, Long.MAX_VALUE, Long.MIN_VALUE, -2, -1};
        return random.nextInt(5) == 0
                ? new Id(edges[random.nextInt(edges.length)], edges[random.nextInt(edges.length)])
                : new Id(random.nextInt(30_000), random.nextInt(3));
    }

    private static Id randomPresent(Random random, TreeMap<Id, Integer> model) {
        Id key = model.ceilingKey(new Id(random.nextInt(30_000), 0));
        return key != null ? key : model.lastKey();
    }

    private static int slotOf(Integer slot) {
        return slot == null ? -1 : slot;
    }

    private static int slotOf(Map.Entry<Id, Integer> e) {
        return e == null ? -1 : e.getValue();
    }

    private static List<Integer> walk(PendingList.Slots slots) {
        List<Integer> out = new ArrayList<>();
        while (slots.hasNext()) {
            out.add(slots.next());
        }
        return out;
    }
}
