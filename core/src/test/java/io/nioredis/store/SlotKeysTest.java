package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.cluster.HashSlot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlotKeysTest {
    @Test
    void randomAddsAndDeletesAgreeWithAModel() {
        long seed = System.nanoTime();
        System.out.println("SlotKeysTest seed " + seed);
        Random random = new Random(seed);
        Keyspace db = new Keyspace(new SipHash(1, 2), () -> 0, new KeyspaceStats());
        db.indexBySlot();
        Map<Integer, Set<String>> model = new HashMap<>();
        Set<String> present = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            // Tags pack many keys into a few slots, so the per-slot lists get long and are cut in the middle.
            String key = "{t" + random.nextInt(8) + "}" + random.nextInt(600);
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            int slot = HashSlot.of(k);
            if (present.contains(key) && random.nextInt(3) > 0) {
                assertThat(db.delete(k, 0, k.length)).isTrue();
                present.remove(key);
                model.get(slot).remove(key);
            } else if (!present.contains(key)) {
                db.addString(k, 0, k.length, new byte[] {'v'}, 0, 1, StringEntry.BY_VALUE);
                present.add(key);
                model.computeIfAbsent(slot, s -> new HashSet<>()).add(key);
            }
            if (random.nextInt(2000) == 0) {
                db.clear();
                present.clear();
                model.clear();
            }
        }
        SlotKeys index = db.slotKeys();
        for (int slot = 0; slot < HashSlot.COUNT; slot++) {
            Set<String> expected = model.getOrDefault(slot, Set.of());
            assertThat(index.count(slot)).as("slot %d", slot).isEqualTo(expected.size());
            List<String> listed = new ArrayList<>();
            for (int s = index.first(slot); s >= 0; s = index.next(s)) {
                listed.add(new String(db.keyOf(s), StandardCharsets.UTF_8));
            }
            assertThat(listed).as("slot %d", slot).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void indexesKeysAlreadyPresentAndRenames() {
        Keyspace db = new Keyspace(new SipHash(1, 2), () -> 0, new KeyspaceStats());
        byte[] a = "a".getBytes(StandardCharsets.US_ASCII);
        int slot = db.addString(a, 0, 1, a, 0, 1, StringEntry.BY_VALUE);
        db.indexBySlot();
        assertThat(db.slotKeys().count(HashSlot.of(a))).isEqualTo(1);
        byte[] b = "b".getBytes(StandardCharsets.US_ASCII);
        db.rename(slot, b, 0, 1);
        assertThat(db.slotKeys().count(HashSlot.of(a))).isZero();
        assertThat(db.slotKeys().count(HashSlot.of(b))).isEqualTo(1);
    }

    @Test
    void outsideClusterModeThereIsNoIndex() {
        Keyspace db = new Keyspace(new SipHash(1, 2), () -> 0, new KeyspaceStats());
        assertThat(db.slotKeys()).isNull();
    }
}
