package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DictTest {
    private final Dict dict = new Dict(new SipHash(7, 11));

    @Test
    void removesAKeyAddedToTheNewTableWhileItsOldBucketIsNotMovedYet() {
        // 64 keys fill the table; the next add starts a rehash that moves one bucket per operation. Keys
        // added meanwhile go to the new table, even when their old bucket has not been moved yet.
        for (int i = 0; i < 64; i++) {
            dict.add(entry("k" + i));
        }
        int removedWhileRehashing = 0;
        for (int i = 0; i < 20; i++) {
            int slot = dict.add(entry("n" + i));
            if (dict.isRehashing()) {
                dict.remove(slot);
                removedWhileRehashing++;
            }
        }
        assertThat(removedWhileRehashing).isGreaterThan(5);
        assertThat(dict.size()).isEqualTo(64 + 20 - removedWhileRehashing);
        for (int i = 0; i < 64; i++) {
            assertThat(find("k" + i)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void randomOperationsAgreeWithAHashMap() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Map<String, Integer> model = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            String key = "key" + random.nextInt(random.nextBoolean() ? 50 : 3000);
            int slot = find(key);
            assertThat(slot >= 0).as("seed %d op %d %s", seed, op, key).isEqualTo(model.containsKey(key));
            if (slot >= 0 && random.nextInt(3) > 0) {
                dict.remove(slot);
                model.remove(key);
            } else if (slot < 0) {
                model.put(key, dict.add(entry(key)));
            }
            if (random.nextInt(100) == 0) {
                dict.rehashSteps(1 + random.nextInt(4));
            }
        }
        assertThat(dict.size()).as("seed %d", seed).isEqualTo(model.size());
    }

    private int find(String key) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        return dict.find(k, 0, k.length);
    }

    private static byte[] entry(String key) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        return StringEntry.create(k, 0, k.length, k, 0, 0);
    }
}
