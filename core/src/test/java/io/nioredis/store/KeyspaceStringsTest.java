package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The keyspace's string changes against a plain map, over random sequences that move entries between arena
 * chunks of every size and arrays of their own: every key keeps exactly its value, whatever happened to the
 * entries around it.
 */
class KeyspaceStringsTest {
    private final ManualClock clock = new ManualClock(1000);
    private final Keyspace keyspace = new Keyspace(new SipHash(3, 4), clock, new KeyspaceStats());
    private final Keyspace other = new Keyspace(new SipHash(5, 6), clock, new KeyspaceStats());
    private final Map<String, byte[]> model = new HashMap<>();
    private final Map<String, byte[]> otherModel = new HashMap<>();

    @Test
    void everyKeyKeepsItsValueThroughRandomChanges() {
        Random random = new Random(20261201);
        for (int op = 0; op < 60_000; op++) {
            String key = "k" + random.nextInt(400);
            byte[] k = bytes(key);
            int slot = keyspace.lookup(k, 0, k.length);
            int choice = random.nextInt(100);
            if (slot < 0) {
                byte[] v = value(random);
                keyspace.addString(k, 0, k.length, v, 0, v.length, StringEntry.BY_VALUE);
                model.put(key, v);
            } else if (choice < 40) {
                byte[] v = value(random);
                keyspace.setString(slot, v, 0, v.length, StringEntry.BY_VALUE);
                model.put(key, v);
            } else if (choice < 65) {
                byte[] old = model.get(key);
                int length = Math.max(0, old.length + random.nextInt(41) - 20);
                if (random.nextInt(10) == 0) {
                    length = random.nextInt(3 * StringArena.MAX_CHUNK);
                }
                keyspace.resizeString(slot, length, StringEntry.RAW);
                model.put(key, Arrays.copyOf(old, length));
            } else if (choice < 80) {
                keyspace.delete(slot);
                model.remove(key);
            } else if (choice < 88) {
                String to = "k" + random.nextInt(400);
                byte[] t = bytes(to);
                if (!to.equals(key) && keyspace.lookup(t, 0, t.length) < 0) {
                    keyspace.rename(slot, t, 0, t.length);
                    model.put(to, model.remove(key));
                }
            } else if (choice < 94) {
                if (other.lookup(k, 0, k.length) < 0) {
                    keyspace.copyTo(slot, other, k, 0, k.length);
                    otherModel.put(key, model.get(key).clone());
                }
            } else {
                int there = other.lookup(k, 0, k.length);
                if (there >= 0) {
                    other.delete(there);
                }
                keyspace.moveTo(slot, other);
                otherModel.put(key, model.remove(key));
            }
            if (op % 5_000 == 0) {
                assertHolds(keyspace, model);
                assertHolds(other, otherModel);
            }
        }
        assertHolds(keyspace, model);
        assertHolds(other, otherModel);
        for (String key : new ArrayList<>(model.keySet())) {
            byte[] k = bytes(key);
            keyspace.delete(keyspace.lookup(k, 0, k.length));
        }
        assertThat(keyspace.memoryUsage() - keyspace.mainTableOverhead() - keyspace.expiresOverhead())
                .as("every entry's bytes given back").isZero();
    }

    @Test
    void aFreedChunkIsUsedAgainByTheNextStringOfItsSize() {
        byte[] v = bytes("value");
        int a = keyspace.addString(bytes("a"), 0, 1, v, 0, v.length, StringEntry.BY_VALUE);
        byte[] page = keyspace.stringArray(a);
        int base = keyspace.stringBase(a);
        keyspace.delete(a);
        int b = keyspace.addString(bytes("b"), 0, 1, v, 0, v.length, StringEntry.BY_VALUE);
        assertThat(keyspace.stringArray(b)).isSameAs(page);
        assertThat(keyspace.stringBase(b)).isEqualTo(base);
    }

    @Test
    void aStringLargerThanAChunkHasAnArrayOfItsOwn() {
        byte[] v = new byte[StringArena.MAX_CHUNK];
        int slot = keyspace.addString(bytes("big"), 0, 3, v, 0, v.length, StringEntry.BY_VALUE);
        assertThat(keyspace.stringBase(slot)).isZero();
        assertThat(keyspace.stringArray(slot)).hasSize(StringEntry.size(3, v.length));
        keyspace.resizeString(slot, 10, StringEntry.RAW);
        assertThat(keyspace.stringArray(slot).length).isEqualTo(StringArena.PAGE_BYTES);
    }

    private static void assertHolds(Keyspace keyspace, Map<String, byte[]> model) {
        assertThat(keyspace.size()).isEqualTo(model.size());
        for (Map.Entry<String, byte[]> e : model.entrySet()) {
            byte[] k = bytes(e.getKey());
            int slot = keyspace.lookup(k, 0, k.length);
            assertThat(slot).as(e.getKey()).isNotNegative();
            byte[] a = keyspace.stringArray(slot);
            int b = keyspace.stringBase(slot);
            int off = StringEntry.valueOffset(a, b);
            assertThat(Arrays.copyOfRange(a, off, off + StringEntry.valueLength(a, b))).as(e.getKey())
                    .isEqualTo(e.getValue());
            assertThat(Keyspace.keyOf(a, b)).isEqualTo(k);
        }
    }

    private static byte[] value(Random random) {
        int length = random.nextInt(8) == 0 ? random.nextInt(2 * StringArena.MAX_CHUNK) : random.nextInt(40);
        byte[] v = new byte[length];
        random.nextBytes(v);
        return v;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
