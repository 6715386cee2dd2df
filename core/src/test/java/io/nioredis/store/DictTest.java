package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DictTest {
    private final Dict dict = new Dict(new SipHash(1, 2));

    private static byte[] key(int i) {
        return ("key:" + i).getBytes(StandardCharsets.US_ASCII);
    }

    private int add(int i) {
        byte[] k = key(i);
        return dict.add(StringEntry.create(k, 0, k.length, new byte[] {'v'}, 0, 1));
    }

    private int find(int i) {
        byte[] k = key(i);
        return dict.find(k, 0, k.length);
    }

    @Test
    void removesAKeyAddedDuringARehashBeforeItsOldBucketMoved() {
        for (int i = 0; i < 256; i++) {
            add(i);
        }
        int slot = add(256); // the table is full: this add starts growing to 512 buckets
        assertThat(dict.isRehashing()).isTrue();
        dict.remove(slot);
        assertThat(find(256)).isEqualTo(-1);
        for (int i = 0; i < 256; i++) {
            assertThat(find(i)).isGreaterThanOrEqualTo(0);
        }
        assertThat(dict.size()).isEqualTo(256);
    }

    @Test
    void randomOperationsMatchAHashMap() {
        long seed = new Random().nextLong();
        System.out.println("DictTest seed " + seed);
        Random random = new Random(seed);
        Map<Integer, Integer> model = new HashMap<>();
        List<Integer> present = new ArrayList<>();
        for (int op = 0; op < 200_000; op++) {
            // Phases of growth and of shrinking, so that adds and removes meet rehashes both ways.
            boolean growing = (op / 20_000) % 2 == 0;
            int choice = random.nextInt(10);
            if (choice < (growing ? 6 : 2)) {
                int i = random.nextInt(1_000_000);
                if (!model.containsKey(i)) {
                    int slot = add(i);
                    model.put(i, slot);
                    present.add(i);
                }
            } else if (choice < 8 && !present.isEmpty()) {
                int at = random.nextInt(present.size());
                int i = present.get(at);
                present.set(at, present.get(present.size() - 1));
                present.remove(present.size() - 1);
                int slot = model.remove(i);
                assertThat(find(i)).as("seed %d key %d", seed, i).isEqualTo(slot);
                dict.remove(slot);
                assertThat(find(i)).as("seed %d key %d", seed, i).isEqualTo(-1);
            } else {
                int i = random.nextInt(1_000_000);
                assertThat(find(i)).as("seed %d key %d", seed, i).isEqualTo(model.getOrDefault(i, -1));
            }
            if (random.nextInt(100) == 0) {
                dict.rehashSteps(1 + random.nextInt(4));
            }
            assertThat(dict.size()).isEqualTo(model.size());
        }
        for (Map.Entry<Integer, Integer> e : model.entrySet()) {
            assertThat(find(e.getKey())).as("seed %d", seed).isEqualTo(e.getValue());
        }
    }
}
