package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import io.nioredis.store.Dict;
import io.nioredis.store.FieldEntry;
import org.junit.jupiter.api.Test;

class HashValueTest {
    /** The limits these tests run under; HashValue takes them from its caller. */
    private static final int MAX_SMALL_ENTRIES = 128;
    private static final int MAX_SMALL_VALUE = 64;
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean put(HashValue hash, String field, String value) {
        byte[] f = b(field);
        byte[] v = b(value);
        return hash.put(f, 0, f.length, v, 0, v.length, MAX_SMALL_ENTRIES, MAX_SMALL_VALUE);
    }

    private static String get(HashValue hash, String field) {
        byte[] f = b(field);
        int h = hash.find(f, 0, f.length);
        return h < 0 ? null : new String(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h),
                StandardCharsets.UTF_8);
    }

    private static Map<String, String> contents(HashValue hash) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int h = 0; h < hash.handleLimit(); h++) {
            if (hash.has(h)) {
                map.put(new String(hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h), StandardCharsets.UTF_8),
                        new String(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    @Test
    void copyIsDeepInBothEncodings() {
        for (int fields : new int[] {3, MAX_SMALL_ENTRIES + 10}) {
            HashValue hash = new HashValue("a".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < fields; i++) {
                byte[] f = ("f" + i).getBytes(StandardCharsets.US_ASCII);
                hash.put(f, 0, f.length, f, 0, f.length, MAX_SMALL_ENTRIES, MAX_SMALL_VALUE);
            }
            HashValue copy = (HashValue) hash.copy("b".getBytes(StandardCharsets.US_ASCII));
            byte[] f0 = "f0".getBytes(StandardCharsets.US_ASCII);
            byte[] other = "zz".getBytes(StandardCharsets.US_ASCII);
            hash.put(f0, 0, 2, other, 0, 2, MAX_SMALL_ENTRIES, MAX_SMALL_VALUE);
            int h = copy.find(f0, 0, 2);
            assertThat(copy.size()).isEqualTo(fields);
            assertThat(new String(copy.valueArray(h), copy.valueOffset(h), copy.valueLength(h), StandardCharsets.US_ASCII))
                    .isEqualTo("f0");
        }
    }

    @Test
    void smallHashKeepsInsertionOrderAcrossUpdatesAndDeletes() {
        HashValue hash = new HashValue(b("k"));
        assertThat(put(hash, "a", "1")).isTrue();
        assertThat(put(hash, "b", "2")).isTrue();
        assertThat(put(hash, "c", "3")).isTrue();
        assertThat(put(hash, "a", "4")).isFalse();
        byte[] b = b("b");
        assertThat(hash.remove(b, 0, 1)).isTrue();
        assertThat(hash.remove(b, 0, 1)).isFalse();
        assertThat(List.copyOf(contents(hash).entrySet()).toString()).isEqualTo("[a=4, c=3]");
        assertThat(hash.isSmall()).isTrue();
        assertThat(hash.typeName()).isEqualTo("hash");
    }

    @Test
    void convertsWhenAValueIsLongOrTheHashIsBig() {
        HashValue hash = new HashValue(b("k"));
        put(hash, "a", "x".repeat(MAX_SMALL_VALUE));
        assertThat(hash.isSmall()).isTrue();
        put(hash, "b", "x".repeat(MAX_SMALL_VALUE + 1));
        assertThat(hash.isSmall()).isFalse();
        assertThat(get(hash, "a")).hasSize(MAX_SMALL_VALUE);

        HashValue many = new HashValue(b("k"));
        for (int i = 0; i < MAX_SMALL_ENTRIES; i++) {
            put(many, "f" + i, "v");
        }
        assertThat(many.isSmall()).isTrue();
        put(many, "one more", "v");
        assertThat(many.isSmall()).isFalse();
        assertThat(many.size()).isEqualTo(MAX_SMALL_ENTRIES + 1);
        assertThat(get(many, "f0")).isEqualTo("v");
    }

    @Test
    void scanOfALargeHashVisitsEveryField() {
        HashValue hash = new HashValue(b("k"));
        for (int i = 0; i < 1000; i++) {
            put(hash, "f" + i, "v" + i);
        }
        Set<Integer> seen = new HashSet<>();
        long cursor = 0;
        do {
            cursor = hash.scan(cursor, seen::add);
        } while (cursor != 0);
        assertThat(seen).hasSize(1000);
    }

    /** Random operations against a LinkedHashMap, printed seed; small hashes must also match its order. */
    @Test
    void randomOperationsMatchALinkedHashMap() {
        long seed = System.nanoTime();
        System.out.println("HashValueTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 30; round++) {
            HashValue hash = new HashValue(b("k"));
            Map<String, String> model = new LinkedHashMap<>();
            int fields = 1 + random.nextInt(round < 15 ? 100 : 400);
            for (int op = 0; op < 3000; op++) {
                String field = "f" + random.nextInt(fields);
                int kind = random.nextInt(10);
                if (kind < 5) {
                    String value = random.nextInt(100) == 0 ? "long".repeat(20) : "v" + random.nextInt(1000);
                    boolean isNew = !model.containsKey(field);
                    // LinkedHashMap keeps the original position on update, as the small encoding does.
                    model.put(field, value);
                    assertThat(put(hash, field, value)).as("seed %d", seed).isEqualTo(isNew);
                } else if (kind < 8) {
                    byte[] f = b(field);
                    assertThat(hash.remove(f, 0, f.length)).as("seed %d", seed)
                            .isEqualTo(model.remove(field) != null);
                } else {
                    assertThat(get(hash, field)).as("seed %d", seed).isEqualTo(model.get(field));
                }
                assertThat(hash.size()).as("seed %d", seed).isEqualTo(model.size());
            }
            if (hash.isSmall()) {
                assertThat(new ArrayList<>(contents(hash).entrySet())).as("seed %d", seed)
                        .isEqualTo(new ArrayList<>(model.entrySet()));
            } else {
                assertThat(contents(hash)).as("seed %d", seed).isEqualTo(model);
            }
        }
    }

    /**
     * The packed small encoding against a LinkedHashMap, printed seed: overwrites with longer, shorter and
     * equal values, deletes anywhere, handles read in and out of order, and conversion by a long value or
     * by size; the array's slack stays bounded.
     */
    @Test
    void packedPairsMatchALinkedHashMapThroughOverwritesDeletesAndConversion() {
        long seed = System.nanoTime();
        System.out.println("HashValueTest packed seed " + seed);
        Random random = new Random(seed);
        long empty = new HashValue(b("k")).memoryUsage();
        for (int round = 0; round < 200; round++) {
            HashValue hash = new HashValue(b("k"));
            Map<String, String> model = new LinkedHashMap<>();
            int fields = 1 + random.nextInt(round % 4 == 0 ? 140 : 100);
            boolean converted = false;
            for (int op = 0; op < 600; op++) {
                int n = random.nextInt(fields);
                // A third of the fields are too long for the header's nibble, so that both forms mix.
                String field = n % 3 == 0 ? "a-field-name-past-the-nibble-" + n : "f" + n;
                int kind = random.nextInt(10);
                if (kind < 6) {
                    int length = random.nextInt(300) == 0 ? MAX_SMALL_VALUE + 1
                            : random.nextInt(MAX_SMALL_VALUE + 1);
                    String value = randomText(random, length);
                    boolean isNew = !model.containsKey(field);
                    model.put(field, value);
                    assertThat(put(hash, field, value)).as("seed %d", seed).isEqualTo(isNew);
                } else if (kind < 9) {
                    byte[] f = b(field);
                    assertThat(hash.remove(f, 0, f.length)).as("seed %d", seed)
                            .isEqualTo(model.remove(field) != null);
                } else {
                    assertThat(get(hash, field)).as("seed %d", seed).isEqualTo(model.get(field));
                }
                assertThat(hash.size()).as("seed %d", seed).isEqualTo(model.size());
                boolean mustBeLarge = converted || model.size() > MAX_SMALL_ENTRIES
                        || model.values().stream().anyMatch(v -> v.length() > MAX_SMALL_VALUE);
                if (!hash.isSmall()) {
                    converted = true;
                    continue;
                }
                assertThat(mustBeLarge).as("seed %d", seed).isFalse();
                assertThat(new ArrayList<>(contents(hash).entrySet())).as("seed %d", seed)
                        .isEqualTo(new ArrayList<>(model.entrySet()));
                long data = 0;
                for (Map.Entry<String, String> e : model.entrySet()) {
                    data += PackedPair.size(e.getKey().length(), e.getValue().length());
                }
                long array = hash.memoryUsage() - empty;
                assertThat(array).as("seed %d", seed).isGreaterThanOrEqualTo(data)
                        .isLessThanOrEqualTo(2 * data + 16);
            }
            if (hash.isSmall() && hash.size() > 0) {
                // Handles read backwards and at random walk from the start again.
                List<String> order = new ArrayList<>(model.keySet());
                for (int k = 0; k < 50; k++) {
                    int h = k % 2 == 0 ? hash.size() - 1 - (k / 2) % hash.size() : hash.randomHandle();
                    String f = new String(hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h),
                            StandardCharsets.UTF_8);
                    assertThat(f).as("seed %d", seed).isEqualTo(order.get(h));
                    assertThat(new String(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h),
                            StandardCharsets.UTF_8)).as("seed %d", seed).isEqualTo(model.get(f));
                }
                HashValue copy = (HashValue) hash.copy(b("c"));
                put(hash, order.get(0), "changed after the copy");
                model.put(order.get(0), "changed after the copy");
                assertThat(contents(copy).get(order.get(0))).isNotEqualTo("changed after the copy");
                assertThat(copy.size()).isEqualTo(hash.size());
            }
            assertThat(contents(hash)).as("seed %d", seed).isEqualTo(model);
            if (hash.isSmall()) {
                long data = 0;
                for (Map.Entry<String, String> e : model.entrySet()) {
                    data += PackedPair.size(e.getKey().length(), e.getValue().length());
                }
                hash.trimToSize();
                assertThat(hash.memoryUsage() - empty).as("seed %d", seed).isEqualTo((data + 7) & ~7);
                assertThat(new ArrayList<>(contents(hash).entrySet())).as("seed %d", seed)
                        .isEqualTo(new ArrayList<>(model.entrySet()));
            }
        }
    }

    private static String randomText(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    /**
     * Past {@link FieldEntry#SHARED_FROM} fields the entries move into the dict's pages: every field and value
     * stays, updates of the same and of another length and removals keep matching a map, a value too long
     * for a page keeps an array of its own, the bytes counted stay each entry's, and a copy owns its entries.
     */
    @Test
    void aHashPastTheSharingMarkKeepsEveryFieldAndCountsItsBytes() {
        Random random = new Random(7);
        HashValue hash = new HashValue(b("big"));
        Map<String, String> model = new LinkedHashMap<>();
        for (int i = 0; i < FieldEntry.SHARED_FROM - 1; i++) {
            String value = i % 1000 == 0 ? "v".repeat(2000) : "value-" + i;
            put(hash, "field:" + i, value);
            model.put("field:" + i, value);
        }
        Dict dict = hash.memberDict();
        long fixed = hash.memoryUsage() - dict.overheadBytes() - entryBytes(hash);
        assertThat(dict.base(hash.find(b("field:1"), 0, 7))).isZero();

        put(hash, "field:last", "x");
        model.put("field:last", "x");
        assertThat(dict.base(hash.find(b("field:1"), 0, 7))).as("moved into a page").isNotZero();
        assertThat(dict.base(hash.find(b("field:1000"), 0, 10))).as("too long for a page").isZero();

        for (int op = 0; op < 50_000; op++) {
            String field = "field:" + random.nextInt(FieldEntry.SHARED_FROM + 2000);
            switch (random.nextInt(4)) {
                case 0 -> assertThat(hash.remove(b(field), 0, b(field).length)).isEqualTo(model.remove(field) != null);
                case 1 -> {
                    String value = model.getOrDefault(field, "same-length");
                    assertThat(put(hash, field, value)).isEqualTo(model.put(field, value) == null);
                }
                default -> {
                    String value = "w".repeat(random.nextInt(random.nextInt(10) == 0 ? 1500 : 40));
                    assertThat(put(hash, field, value)).isEqualTo(model.put(field, value) == null);
                }
            }
        }
        assertThat(contents(hash)).isEqualTo(model);
        assertThat(hash.memoryUsage() - dict.overheadBytes() - entryBytes(hash)).isEqualTo(fixed);

        HashValue copy = (HashValue) hash.copy(b("big"));
        String field = model.keySet().iterator().next();
        String value = model.get(field);
        put(hash, field, "z".repeat(value.length()));
        assertThat(get(copy, field)).isEqualTo(value);
        assertThat(contents(copy)).isEqualTo(model);
    }

    private static long entryBytes(HashValue hash) {
        long total = 0;
        for (int h = 0; h < hash.handleLimit(); h++) {
            if (hash.has(h)) {
                total += FieldEntry.bytes(hash.memberDict(), h);
            }
        }
        return total;
    }
}
