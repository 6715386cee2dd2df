package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DictTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] entry(String key, String value) {
        byte[] k = bytes(key);
        byte[] v = bytes(value);
        return StringEntries.create(k, 0, k.length, v, 0, v.length, StringEntry.BY_VALUE);
    }

    private static String valueOf(Object entry) {
        byte[] e = (byte[]) entry;
        return new String(e, StringEntry.valueOffset(e, 0), StringEntry.valueLength(e, 0), StandardCharsets.ISO_8859_1);
    }

    private static int find(Dict dict, String key) {
        byte[] k = bytes(key);
        return dict.find(k, 0, k.length);
    }

    private static Dict dict(SipHash hasher, boolean keepingHashes) {
        Dict dict = new Dict(hasher);
        if (keepingHashes) {
            dict.keepHashes();
        }
        return dict;
    }

    @ParameterizedTest(name = "keeping hashes: {0}")
    @ValueSource(booleans = {false, true})
    void randomOperationsMatchHashMap(boolean keepingHashes) {
        long seed = System.nanoTime();
        System.out.println("DictTest seed " + seed);
        Random random = new Random(seed);
        Dict dict = dict(new SipHash(random.nextLong(), random.nextLong()), keepingHashes);
        Map<String, String> model = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            // Phases of growth then shrinkage, so both directions of rehash run with ops in between.
            boolean growing = (op / 50_000) % 2 == 0;
            String key = "k" + random.nextInt(20_000);
            int choice = random.nextInt(10);
            // Half the lookups go through the hash-once pair, find then add with the same hash.
            boolean hashOnce = random.nextBoolean();
            byte[] k = bytes(key);
            long hash = dict.hash(k, 0, k.length);
            int slot = hashOnce ? dict.find(k, 0, k.length, hash) : find(dict, key);
            assertThat(slot >= 0).as("seed %d op %d presence of %s", seed, op, key).isEqualTo(model.containsKey(key));
            if (slot >= 0) {
                assertThat(valueOf(dict.get(slot))).as("seed %d", seed).isEqualTo(model.get(key));
            }
            if (choice < (growing ? 6 : 2)) {
                String value = Integer.toString(random.nextInt());
                if (slot >= 0) {
                    dict.set(slot, entry(key, value));
                } else if (hashOnce) {
                    dict.add(entry(key, value), hash);
                } else {
                    dict.addAfterMiss(entry(key, value));
                }
                model.put(key, value);
            } else if (choice < 9 && slot >= 0) {
                dict.remove(slot);
                model.remove(key);
            }
            assertThat(dict.size()).as("seed %d", seed).isEqualTo(model.size());
        }
        for (Map.Entry<String, String> e : model.entrySet()) {
            assertThat(valueOf(dict.get(find(dict, e.getKey())))).isEqualTo(e.getValue());
        }
    }

    @Test
    void prefetchReadsTheKeysBucketsAndChangesNothing() {
        Dict dict = new Dict(new SipHash(1, 2));
        byte[] keys = bytes("key:1key:2");
        int[] offsets = {0, 0, 0};
        int[] lengths = {5, 5, 5};
        int[] none = {-1, -1, -1};
        byte[] e = entry("key:1", "value");
        dict.add(e);
        assertThat(dict.prefetch(keys, offsets, lengths, none, lengths, 3)).as("small enough to stay cached").isZero();

        int n = 2;
        while (dict.size() < Dict.PREFETCH_MIN_SIZE || dict.isRehashing()) {
            dict.add(entry("key:" + n++, "v"));
            dict.rehashSteps(100);
        }
        // key:1 is alone in its bucket or behind others; either way its bucket's first entry is read, once
        // for a run of requests naming it, again where another key came between
        int first = dict.prefetch(keys, new int[] {0}, new int[] {5}, none, lengths, 1);
        int second = dict.prefetch(keys, new int[] {5}, new int[] {5}, none, lengths, 1);
        assertThat(first).isPositive();
        assertThat(second).isPositive();
        assertThat(dict.prefetch(keys, offsets, lengths, none, lengths, 3)).isEqualTo(first);
        assertThat(dict.prefetch(keys, new int[] {0, 5, 0}, lengths, none, lengths, 3)).isEqualTo(2 * first + second);

        while (!dict.isRehashing()) {
            dict.add(entry("key:" + n++, "v")); // until the table is full and starts growing
        }
        // Some 16k of the old table's ~41k filled buckets moved to the new table (twice as long), the rest not.
        dict.rehashSteps(dict.buckets() / 8);
        assertThat(dict.isRehashing()).isTrue();
        int size = dict.size();
        for (int i = 0; i < 100_000; i++) {
            // each would have moved a bucket if prefetch were a find: enough to end the rehash
            dict.prefetch(keys, new int[] {0, 5}, new int[] {5, 5}, none, lengths, 2);
        }
        for (int i = 2; i < 2000; i++) {
            // A present key's bucket is never empty, wherever the rehash has put it: its first entry, a key
            // of 5 to 8 bytes, starts with a positive header byte.
            byte[] key = bytes("key:" + i);
            assertThat(dict.prefetch(key, new int[] {0}, new int[] {key.length}, none, lengths, 1))
                    .as("key:%d while rehashing", i).isPositive();
        }
        assertThat(dict.isRehashing()).as("a find would have moved buckets; prefetch moved none").isTrue();
        assertThat(dict.size()).isEqualTo(size);
        assertThat(valueOf(dict.get(find(dict, "key:1")))).isEqualTo("value");
    }

    @Test
    void prefetchWithKeptHashesReadsOnlyTheEntryOfAKeyThatIsThere() {
        Dict dict = new Dict(new SipHash(17, 18));
        int n = 0;
        while (!dict.keepsHashes() || dict.isRehashing()) {
            dict.add(entry("key:" + n++, "v"));
            dict.rehashSteps(100);
        }
        int[] none = {-1};
        for (int i = 0; i < 2000; i++) {
            // about half of these land in a bucket holding other keys, whose entries are not read either
            byte[] absent = bytes("absent:" + i);
            assertThat(dict.prefetch(absent, new int[] {0}, new int[] {absent.length}, none, none, 1))
                    .as("absent:%d", i).isZero();
            // a present key's own entry, wherever it is in its chain: a key of 5 to 9 bytes starts with a
            // positive header byte
            byte[] present = bytes("key:" + i);
            assertThat(dict.prefetch(present, new int[] {0}, new int[] {present.length}, none, none, 1))
                    .as("key:%d", i).isPositive();
        }
    }

    @Test
    void prefetchLooksMembersUpInTheSetTheirKeyHolds() {
        Dict keyspace = new Dict(new SipHash(1, 2));
        io.nioredis.value.SetValue set = new io.nioredis.value.SetValue(bytes("set"));
        for (int i = 0; i < Dict.PREFETCH_MIN_SIZE + 100; i++) {
            byte[] member = bytes("member:" + i);
            set.add(member, 0, member.length, 512);
            keyspace.add(entry("key:" + i, "v"));
        }
        keyspace.add(set);
        while (keyspace.rehashSteps(100) || set.memberDict().rehashSteps(100)) {
            // settle both tables: nothing is looked up ahead in a dict that is rehashing
        }
        byte[] b = bytes("setmember:7");
        int[] keyOffsets = {0, 0};
        int[] keyLengths = {3, 3};
        int keysOnly = keyspace.prefetch(b, keyOffsets, keyLengths, new int[] {-1, -1}, new int[] {0, 0}, 2);
        int withMembers = keyspace.prefetch(b, keyOffsets, keyLengths, new int[] {3, 3}, new int[] {8, 8}, 2);
        assertThat(withMembers).isGreaterThan(keysOnly);
        // a lone request on the set gains nothing from looking ahead
        assertThat(keyspace.prefetch(b, keyOffsets, keyLengths, new int[] {3, -1}, new int[] {8, 0}, 2))
                .isEqualTo(keysOnly);
    }

    @Test
    void removesAKeyAddedDuringARehashBeforeItsOldBucketMoved() {
        Dict dict = new Dict(new SipHash(1, 2));
        for (int i = 0; i < 256; i++) {
            dict.add(entry("key:" + i, "v"));
        }
        int slot = dict.add(entry("key:256", "v")); // the table is full: this add starts growing it
        assertThat(dict.isRehashing()).isTrue();
        dict.remove(slot);
        assertThat(find(dict, "key:256")).isEqualTo(-1);
        for (int i = 0; i < 256; i++) {
            assertThat(find(dict, "key:" + i)).isGreaterThanOrEqualTo(0);
        }
        assertThat(dict.size()).isEqualTo(256);
    }

    @Test
    void growsIncrementallyAndFinishesTheRehash() {
        Dict dict = new Dict(new SipHash(1, 2));
        for (int i = 0; i < 5000; i++) {
            dict.add(entry("key" + i, "v"));
        }
        assertThat(dict.buckets()).isGreaterThanOrEqualTo(5000);
        while (dict.rehashSteps(100)) {
            // finish any rehash in progress
        }
        assertThat(dict.isRehashing()).isFalse();
        for (int i = 0; i < 5000; i++) {
            assertThat(find(dict, "key" + i)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void shrinksWhenMostlyEmpty() {
        Dict dict = new Dict(new SipHash(3, 4));
        for (int i = 0; i < 10_000; i++) {
            dict.add(entry("key" + i, "v"));
        }
        while (dict.rehashSteps(1000)) {
            // settle
        }
        int big = dict.buckets();
        for (int i = 0; i < 9_990; i++) {
            dict.remove(find(dict, "key" + i));
        }
        while (dict.rehashSteps(1000)) {
            // settle
        }
        assertThat(dict.buckets()).isLessThan(big / 100);
        for (int i = 9_990; i < 10_000; i++) {
            assertThat(find(dict, "key" + i)).isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest(name = "keeping hashes: {0}")
    @ValueSource(booleans = {false, true})
    void scanVisitsEveryKeyPresentThroughoutWhileTheTableGrowsAndShrinks(boolean keepingHashes) {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Dict dict = dict(new SipHash(random.nextLong(), random.nextLong()), keepingHashes);
        Set<String> stable = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            dict.add(entry("stable" + i, ""));
            stable.add("stable" + i);
        }
        Set<String> seen = new HashSet<>();
        long cursor = 0;
        int calls = 0;
        int grows = 0;
        int shrinks = 0;
        int lastBuckets = dict.buckets();
        do {
            cursor = dict.scan(cursor, slot -> {
                byte[] e = (byte[]) dict.get(slot);
                seen.add(new String(e, StringEntry.keyOffset(e, 0), StringEntry.keyLength(e, 0), StandardCharsets.ISO_8859_1));
            });
            // Between calls, add 5000 other keys over ten calls, then remove them over ten calls, so that
            // the table grows (load 1) and shrinks (fill under 10%) while the scan is under way.
            int phase = (calls / 10) % 2;
            int batch = calls % 10;
            for (int i = batch * 500; i < batch * 500 + 500; i++) {
                if (phase == 0) {
                    dict.add(entry("churn" + i, ""));
                } else {
                    dict.remove(find(dict, "churn" + i));
                }
            }
            dict.rehashSteps(random.nextInt(50));
            grows += dict.buckets() > lastBuckets ? 1 : 0;
            shrinks += dict.buckets() < lastBuckets ? 1 : 0;
            lastBuckets = dict.buckets();
            calls++;
        } while (cursor != 0 && calls < 100_000);
        assertThat(cursor).as("seed %d: scan ends", seed).isZero();
        assertThat(grows).as("seed %d: the table grew during the scan", seed).isPositive();
        assertThat(shrinks).as("seed %d: the table shrank during the scan", seed).isPositive();
        assertThat(seen).as("seed %d", seed).containsAll(stable);
    }

    @ParameterizedTest(name = "keeping hashes: {0}")
    @ValueSource(booleans = {false, true})
    void overheadCountsEverySlotPageWithoutScanningThem(boolean keepingHashes) {
        Dict dict = dict(new SipHash(5, 6), keepingHashes);
        int linkBytes = keepingHashes ? 8 : 4;
        for (int i = 0; i < 10_000; i++) {
            dict.add(entry("k" + i, "v"));
            // Slots grow in one first page up to 4096, then 4096 at a time; each slot costs 4 bytes in the
            // entry page and 4 in the link page (8 with its hash), plus 16-byte array headers.
            int slots = dict.slotLimit();
            long pages = slots <= 4096
                    ? pageBytes(Math.max(4, Integer.highestOneBit(slots - 1) << 1), linkBytes)
                    : ((slots + 4095) / 4096) * pageBytes(4096, linkBytes);
            long tables = 16 + 4L * dict.buckets();
            assertThat(dict.overheadBytes() - tables).as("after %d adds", i + 1)
                    .isBetween(pages, pages + 16 + 4L * dict.buckets());
        }
        dict.clear();
        assertThat(dict.overheadBytes()).isEqualTo(16 + 4L * dict.buckets());
    }

    private static long pageBytes(int slots, int linkBytes) {
        return 16 + 4L * slots + 16 + (long) linkBytes * slots;
    }

    /**
     * At {@link Dict#BIG_PAGES_FROM} slots the small pages become one big page: every key, its value, its
     * chain and a string entry's base survive the copy (freed slots on the free list too), later slots go into
     * big pages, and the overhead counts the pages as they are.
     */
    @Test
    void smallPagesBecomeOneBigPageWithEveryKeyStillThere() {
        Dict dict = new Dict(new SipHash(17, 18));
        StringArena arena = dict.strings();
        Set<String> present = new HashSet<>();
        int i = 0;
        for (; dict.slotLimit() < Dict.BIG_PAGES_FROM; i++) {
            if (i % 3 == 0) { // a string entry in the arena, with a base that is not 0
                byte[] k = ("k" + i).getBytes(StandardCharsets.UTF_8);
                byte[] v = ("v" + i).getBytes(StandardCharsets.UTF_8);
                byte[] page = arena.allocate(StringEntry.size(k.length, v.length));
                int base = arena.allocatedBase();
                int valueAt = StringEntry.write(page, base, k, 0, k.length, v.length, StringEntry.BY_VALUE);
                System.arraycopy(v, 0, page, valueAt, v.length);
                dict.addAt(page, base);
            } else {
                dict.add(entry("k" + i, "v" + i));
            }
            present.add("k" + i);
            if (i % 5 == 0 && i > 0) {
                dict.remove(find(dict, "k" + (i - 1)));
                present.remove("k" + (i - 1));
            }
        }
        while (dict.slotLimit() == Dict.BIG_PAGES_FROM) { // the free list first, then the first new slot
            dict.add(entry("k" + i, "v" + i));
            present.add("k" + i);
            i++;
        }
        // Two big pages, each of entries, links (two arrays with the hashes kept) and bases: the second page's
        // made ahead, bases too, as the first page has some.
        long array = 16 + 4L * Dict.BIG_PAGES_FROM;
        long pages = 2 * array * (2 + (dict.keepsHashes() ? 2 : 1));
        long tables = 16 + 4L * dict.buckets();
        assertThat(dict.overheadBytes() - tables).isBetween(pages, pages + 16 + 4L * dict.buckets());
        i = addKeys(dict, present, i, 50_000);
        for (int j = 0; j < i; j++) {
            int slot = findAsModel(dict, present, j);
            if (slot >= 0) {
                byte[] e = (byte[]) dict.get(slot);
                int base = dict.base(slot);
                assertThat(new String(e, StringEntry.valueOffset(e, base), StringEntry.valueLength(e, base),
                        StandardCharsets.ISO_8859_1)).isEqualTo("v" + j);
            }
        }
        assertThat(dict.size()).isEqualTo(present.size());
    }

    /**
     * The JVM zeroes an array as it makes it, and in memory the heap has not used before that is a page fault
     * per 4 KB: a dict growing into big pages makes their arrays ahead, never more than one of 512 KB in an
     * insert, the merge of the small pages included.
     */
    @Test
    void noInsertMakesMoreThanOneBigArray() {
        Dict dict = new Dict(new SipHash(19, 20));
        StringArena arena = dict.strings();
        long biggestGrowth = 0;
        for (int i = 0; dict.slotLimit() < 3 * Dict.BIG_PAGES_FROM + 1; i++) {
            byte[] k = ("k" + i).getBytes(StandardCharsets.UTF_8);
            byte[] page = arena.allocate(StringEntry.size(k.length, 1));
            int base = arena.allocatedBase();
            StringEntry.write(page, base, k, 0, k.length, 1, StringEntry.BY_VALUE);
            long before = dict.pageBytes();
            dict.addAt(page, base);
            biggestGrowth = Math.max(biggestGrowth, dict.pageBytes() - before);
        }
        long array = 16 + 4L * Dict.BIG_PAGES_FROM;
        assertThat(biggestGrowth).isLessThanOrEqualTo(array);
        // Four big pages: three in use and the next, made ahead.
        assertThat(dict.pageBytes()).isEqualTo(4 * 4 * array);
        for (int i = 0; i < dict.slotLimit(); i++) {
            assertThat(find(dict, "k" + i)).isEqualTo(i);
        }
    }

    /** Adds keys k{from}.. k{from + n - 1} (values v{i}) to the dict and the model; returns from + n. */
    private static int addKeys(Dict dict, Set<String> present, int from, int n) {
        for (int i = from; i < from + n; i++) {
            dict.add(entry("k" + i, "v" + i));
            present.add("k" + i);
        }
        return from + n;
    }

    /** The slot of key k{j}, found exactly when the model holds it. */
    private static int findAsModel(Dict dict, Set<String> present, int j) {
        int slot = find(dict, "k" + j);
        assertThat(slot >= 0).as("k%d", j).isEqualTo(present.contains("k" + j));
        return slot;
    }

    @Test
    void aDictGrowingToTheThresholdStartsKeepingHashesWithEveryKeyStillThere() {
        Dict dict = new Dict(new SipHash(15, 16));
        Set<String> present = new HashSet<>();
        int i = 0;
        while (dict.buckets() < Dict.KEEP_HASHES_FROM / 2 || dict.size() < Dict.KEEP_HASHES_FROM / 2) {
            dict.add(entry("k" + i, "v" + i));
            present.add("k" + i);
            if (i % 7 == 0) { // freed slots wait on the free list, which the change of layout must keep
                dict.remove(find(dict, "k" + (i / 2)));
                present.remove("k" + (i / 2));
            }
            i++;
        }
        assertThat(dict.keepsHashes()).isFalse();
        while (!dict.keepsHashes()) {
            dict.add(entry("k" + i, "v" + i));
            present.add("k" + i);
            i++;
        }
        assertThat(dict.buckets()).isEqualTo(Dict.KEEP_HASHES_FROM);
        i = addKeys(dict, present, i, 1_000); // reuses the freed slots, then new ones
        for (int j = 0; j < i; j++) {
            int slot = findAsModel(dict, present, j);
            if (slot >= 0) {
                assertThat(valueOf(dict.get(slot))).isEqualTo("v" + j);
                dict.remove(slot);
            }
        }
        assertThat(dict.size()).isZero();
    }

    @Test
    void keysWhoseKeptHashesAreEqualAreStillToldApartByTheirBytes() {
        SipHash hasher = new SipHash(13, 14);
        // Two keys whose hashes agree in the 32 bits the dict keeps: about 80k keys find such a pair.
        Map<Integer, String> byHash = new HashMap<>();
        String first = null;
        String second = null;
        for (int i = 0; second == null; i++) {
            byte[] k = bytes("key:" + i);
            String other = byHash.putIfAbsent((int) hasher.hash(k, 0, k.length), "key:" + i);
            if (other != null) {
                first = other;
                second = "key:" + i;
            }
        }
        Dict dict = new Dict(hasher);
        dict.keepHashes();
        // Enough keys that the pair's bucket is one of a big table, and the rehash runs with both present.
        for (int i = 0; i < 5_000; i++) {
            dict.add(entry("filler:" + i, "f"));
        }
        dict.add(entry(first, "one"));
        assertThat(find(dict, second)).as("%s is not %s", second, first).isNegative();
        dict.add(entry(second, "two"));
        for (int i = 5_000; i < 20_000; i++) {
            dict.add(entry("filler:" + i, "f"));
        }
        assertThat(valueOf(dict.get(find(dict, first)))).isEqualTo("one");
        assertThat(valueOf(dict.get(find(dict, second)))).isEqualTo("two");
        dict.remove(find(dict, first));
        assertThat(find(dict, first)).isNegative();
        assertThat(valueOf(dict.get(find(dict, second)))).isEqualTo("two");
    }

    @Test
    void smallDictsStaySmall() {
        Dict dict = new Dict(new SipHash(7, 8));
        dict.add(entry("a", "1"));
        assertThat(dict.overheadBytes()).isLessThan(200);
    }

    @Test
    void binarySafeKeys() {
        Dict dict = new Dict(new SipHash(9, 10));
        byte[] k1 = {0, 1, 2};
        byte[] k2 = {0, 1, 2, 0};
        dict.add(StringEntries.create(k1, 0, 3, k1, 0, 0, StringEntry.BY_VALUE));
        assertThat(dict.find(k1, 0, 3)).isGreaterThanOrEqualTo(0);
        assertThat(dict.find(k2, 0, 4)).isEqualTo(-1);
    }

    @Test
    void randomSlotReturnsLiveSlots() {
        Dict dict = new Dict(new SipHash(11, 12));
        assertThat(dict.randomSlot()).isEqualTo(-1);
        for (int i = 0; i < 100; i++) {
            dict.add(entry("k" + i, ""));
        }
        for (int i = 0; i < 95; i++) {
            dict.remove(find(dict, "k" + i));
        }
        for (int i = 0; i < 50; i++) {
            int s = dict.randomSlot();
            assertThat(dict.get(s)).isNotNull();
        }
    }

    @Test
    void addAfterAMissOfAnotherKeyHashesItsOwnKey() {
        Dict dict = new Dict(new SipHash(3, 4));
        for (int i = 0; i < 50; i++) {
            dict.add(entry("k" + i, "v"));
        }
        assertThat(find(dict, "absent")).isEqualTo(-1);
        dict.addAfterMiss(entry("other", "v"));
        assertThat(find(dict, "other")).isGreaterThanOrEqualTo(0);
        assertThat(find(dict, "absent")).isEqualTo(-1);
        // the same bytes at another offset of another buffer: still the missed key
        byte[] buffer = bytes("xxabsentyy");
        assertThat(dict.find(buffer, 2, 6)).isEqualTo(-1);
        int slot = dict.addAfterMiss(entry("absent", "v"));
        assertThat(find(dict, "absent")).isEqualTo(slot);
        // no find before it at all
        dict.remove(slot);
        int again = dict.addAfterMiss(entry("absent", "w"));
        assertThat(find(dict, "absent")).isEqualTo(again);
    }

    @Test
    void removeOfASlotOtherThanTheOneLastFoundHashesItsOwnKey() {
        Dict dict = new Dict(new SipHash(5, 6));
        for (int i = 0; i < 50; i++) {
            dict.add(entry("k" + i, "v"));
        }
        int first = find(dict, "k1");
        find(dict, "k2");
        dict.remove(first);
        assertThat(find(dict, "k1")).isEqualTo(-1);
        assertThat(find(dict, "k2")).isGreaterThanOrEqualTo(0);
        assertThat(dict.size()).isEqualTo(49);
    }

    /** A dict of {@code total} keys drained to the {@code kept} ones, most of its arena slots free. */
    private static Dict drained(Random random, int total, Set<String> kept, int keep) {
        Dict dict = new Dict(new SipHash(random.nextLong(), random.nextLong()));
        for (int i = 0; i < total; i++) {
            dict.add(entry("m" + i, ""));
        }
        while (kept.size() < keep) {
            kept.add("m" + random.nextInt(total));
        }
        for (int i = 0; i < total; i++) {
            if (!kept.contains("m" + i)) {
                dict.remove(find(dict, "m" + i));
            }
        }
        return dict;
    }

    private static String keyOf(Dict dict, int slot) {
        byte[] e = (byte[]) dict.get(slot);
        return new String(e, StringEntry.keyOffset(e, 0), StringEntry.keyLength(e, 0), StandardCharsets.ISO_8859_1);
    }

    /**
     * Draws {@code perKey} times as many random picks as there are keys and checks each key's share. The
     * bounds are those of Redis's dictGetFairRandomKey, which samples consecutive buckets: keys in sparse
     * stretches of the table come up about twice as often as the average, and those in crowded ones a
     * third as often. During a shrink a key came up more than 2.5 times as often in 3 seeds of 1,000 (at
     * most 2.59 times; one was 45670001315877), so the upper bound is three times. Picking the live slot after a
     * random arena position instead, as a gap-weighted pick, misses keys and picks others ten times too often.
     */
    private static void assertFair(Dict dict, Set<String> keys, Random random, int perKey, long seed) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < keys.size() * perKey; i++) {
            int slot = dict.randomSlot(random);
            assertThat(dict.get(slot)).as("seed %d", seed).isNotNull();
            counts.merge(keyOf(dict, slot), 1, Integer::sum);
        }
        assertThat(counts.keySet()).as("seed %d", seed).isEqualTo(keys);
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            assertThat(c.getValue()).as("seed %d key %s", seed, c.getKey()).isBetween(perKey / 6, perKey * 3);
        }
    }

    @Test
    void randomSlotIsFairOnADrainedArena() {
        long seed = System.nanoTime();
        System.out.println("randomSlotIsFairOnADrainedArena seed " + seed);
        Random random = new Random(seed);
        Set<String> kept = new HashSet<>();
        Dict dict = drained(random, 50_000, kept, 300);
        assertThat(dict.slotLimit()).isGreaterThan(100 * dict.size());
        assertFair(dict, kept, random, 400, seed);
    }

    @Test
    void randomSlotIsFairOnADenseArena() {
        long seed = System.nanoTime();
        System.out.println("randomSlotIsFairOnADenseArena seed " + seed);
        Random random = new Random(seed);
        Set<String> kept = new HashSet<>();
        Dict dict = drained(random, 400, kept, 300);
        assertFair(dict, kept, random, 400, seed);
    }

    @Test
    void randomSlotFindsTheOnlyKeyLeftInAHugeArena() {
        Random random = new Random(42);
        Set<String> kept = new HashSet<>();
        Dict dict = drained(random, 200_000, kept, 1);
        String only = kept.iterator().next();
        for (int i = 0; i < 1000; i++) {
            assertThat(keyOf(dict, dict.randomSlot(random))).isEqualTo(only);
        }
    }

    @Test
    void randomSlotTerminatesWhileASparseOldTableIsRehashed() {
        long seed = System.nanoTime();
        System.out.println("randomSlotTerminatesWhileASparseOldTableIsRehashed seed " + seed);
        Random random = new Random(seed);
        Dict dict = new Dict(new SipHash(random.nextLong(), random.nextLong()));
        int total = 100_000;
        for (int i = 0; i < total; i++) {
            dict.add(entry("m" + i, ""));
        }
        // Drain, picking and removing at random as SPOP does, through the shrinks and their rehashes.
        boolean sawRehash = false;
        while (dict.size() > 0) {
            int slot = dict.randomSlot(random);
            assertThat(dict.get(slot)).as("seed %d size %d", seed, dict.size()).isNotNull();
            sawRehash |= dict.isRehashing();
            dict.remove(slot);
        }
        assertThat(sawRehash).isTrue();
        assertThat(dict.randomSlot(random)).isEqualTo(-1);
    }

    @Test
    void randomSlotIsFairDuringAShrink() {
        long seed = System.nanoTime();
        System.out.println("randomSlotIsFairDuringAShrink seed " + seed);
        Random random = new Random(seed);
        Dict dict = new Dict(new SipHash(random.nextLong(), random.nextLong()));
        for (int i = 0; i < 4096; i++) {
            dict.add(entry("m" + i, ""));
        }
        while (dict.isRehashing()) {
            dict.rehashSteps(100);
        }
        int i = 0;
        while (!dict.isRehashing()) {
            dict.remove(find(dict, "m" + i++));
        }
        Set<String> left = new HashSet<>();
        for (int j = i; j < 4096; j++) {
            left.add("m" + j);
        }
        // The picks themselves advance the rehash: fairness holds over the tables' changing split.
        assertThat(dict.isRehashing()).isTrue();
        assertFair(dict, left, random, 400, seed);
    }

    @Test
    void growingPastTablesMadeAheadKeepsEveryKey() {
        Dict dict = new Dict(new SipHash(7, 8));
        int n = 600_000; // grows through tables of 256k, 512k and 1M buckets, each made ahead in pages
        for (int i = 0; i < n; i++) {
            dict.add(entry("k" + i, "v"));
        }
        while (dict.rehashSteps(1000)) {
            // finish the last growth
        }
        assertThat(dict.buckets()).isEqualTo(1 << 20);
        for (int i = 0; i < n; i++) {
            assertThat(find(dict, "k" + i)).as("k%d", i).isNotNegative();
        }
        assertThat(find(dict, "k" + n)).isNegative();
    }
}
