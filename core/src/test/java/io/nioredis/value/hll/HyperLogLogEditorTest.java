package io.nioredis.value.hll;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.nioredis.value.hll.RedisCapture.assertValue;
import static io.nioredis.value.hll.RedisCapture.element;
import static org.assertj.core.api.Assertions.assertThat;

/** PFADD and PFMERGE through the editor must leave the very bytes Redis 7.0.15 stores. */
class HyperLogLogEditorTest {
    private final HyperLogLogEditor editor = new HyperLogLogEditor();

    /** A key's value as the command layer would keep it between commands. */
    private byte[] stored;

    /** PFADD key elements... as pfaddCommand does it: create if missing, add each, invalidate once. */
    private int pfadd(int sparseMaxBytes, byte[]... elements) {
        int updated = 0;
        if (stored == null) {
            editor.openNew(sparseMaxBytes);
            updated++;
        } else {
            assertThat(HyperLogLog.isValid(stored, 0, stored.length)).isTrue();
            editor.open(stored, 0, stored.length, sparseMaxBytes);
        }
        for (byte[] e : elements) {
            int r = editor.add(e, 0, e.length);
            assertThat(r).isNotEqualTo(HyperLogLogEditor.CORRUPTED);
            updated += r;
        }
        if (updated > 0) {
            editor.invalidateCache();
        }
        if (!editor.editedInPlace()) {
            stored = editor.toByteArray();
        }
        return updated > 0 ? 1 : 0;
    }

    private int pfadd(byte[]... elements) {
        return pfadd(HyperLogLog.DEFAULT_SPARSE_MAX_BYTES, elements);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private void addRange(int from, int to) {
        for (int start = from; start < to; start += 500) {
            byte[][] batch = new byte[Math.min(to, start + 500) - start][];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = element(start + i);
            }
            pfadd(batch);
        }
    }

    @Test
    void pfaddOfNothingCreatesTheEmptySparseValue() {
        assertThat(pfadd()).isEqualTo(1);
        assertValue("empty", stored, 0, stored.length);
    }

    @Test
    void pfaddOfAbc() {
        pfadd(ascii("a"), ascii("b"), ascii("c"));
        assertValue("abc", stored, 0, stored.length);
    }

    @Test
    void pfaddOneLetterAtATime() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        for (int i = 0; i < letters.length(); i++) {
            int r = pfadd(ascii(letters.substring(i, i + 1)));
            assertThat(r).as("PFADD reply %d", i).isEqualTo(RedisCapture.number("az-" + i, "ret"));
            assertValue("az-" + i, stored, 0, stored.length);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1000, 2000, 3000, 10000, 100000})
    void pfaddInBatchesMatchesRedisIncludingThePromotionToDense(int n) {
        addRange(0, n);
        assertValue("n-" + n, stored, 0, stored.length);
        assertThat(HyperLogLog.encodingName(stored, 0)).isEqualTo(RedisCapture.reply("n-" + n, "encoding"));
    }

    @Test
    void pfaddOneElementAtATimeThroughTheSparseLimit() {
        for (int i = 0; i < 2000; i++) {
            int r = pfadd(element(i));
            String name = "step-" + i;
            if (RedisCapture.has(name, "ret")) {
                assertThat(r).as("PFADD reply %d", i).isEqualTo(RedisCapture.number(name, "ret"));
                assertValue(name, stored, 0, stored.length);
            }
        }
        assertThat(HyperLogLog.isDense(stored, 0)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 200, 1000})
    void aSmallerSparseMaxBytesPromotesEarlier(int sparseMaxBytes) {
        for (int n : new int[] {5, 50, 300}) {
            stored = null;
            for (int i = 0; i < n; i++) {
                pfadd(sparseMaxBytes, element(i));
            }
            assertValue("max-" + sparseMaxBytes + "-n-" + n, stored, 0, stored.length);
        }
    }

    /** Found by search: its pattern length is 33, more than a sparse VAL can hold. */
    private static final byte[] COUNT_33 = littleEndian(3130853818L);

    private static byte[] littleEndian(long v) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    @Test
    void aRegisterAbove32PromotesToDense() {
        long hash = MurmurHash64A.hash(COUNT_33, 0, 8, MurmurHash64A.HLL_SEED);
        assertThat(HyperLogLog.patternLength(hash)).isEqualTo(33);
        assertThat(HyperLogLog.registerIndex(hash)).isEqualTo(3655);

        pfadd(ascii("a"), ascii("b"), ascii("c"));
        assertThat(pfadd(COUNT_33)).isEqualTo(1);
        assertValue("promote-val33", stored, 0, stored.length);

        stored = null;
        pfadd(COUNT_33);
        assertValue("promote-val33-fresh", stored, 0, stored.length);
    }

    @Test
    void aDenseValueIsEditedInPlaceInsideALargerArray() {
        addRange(0, 10000);
        byte[] entry = new byte[7 + stored.length];
        System.arraycopy(stored, 0, entry, 7, stored.length);
        editor.open(entry, 7, stored.length, HyperLogLog.DEFAULT_SPARSE_MAX_BYTES);
        int updated = 0;
        for (int i = 10000; i < 100000; i++) {
            byte[] e = element(i);
            updated += editor.add(e, 0, e.length);
        }
        editor.invalidateCache();
        assertThat(updated).isPositive();
        assertThat(editor.editedInPlace()).isTrue();
        assertThat(editor.array()).isSameAs(entry);
        assertValue("n-100000", entry, 7, stored.length);
    }

    @Test
    void addingAnElementAlreadyCountedChangesNothing() {
        pfadd(ascii("a"), ascii("b"));
        byte[] before = stored.clone();
        HyperLogLog.count(stored, 0, stored.length);
        byte[] cached = stored.clone();
        assertThat(pfadd(ascii("a"))).isZero();
        assertThat(stored).isEqualTo(cached).isNotEqualTo(before);
    }

    // PFMERGE, as pfmergeCommand does it: the destination, when present, is merged as a source too.
    private byte[] pfmerge(byte[] destination, byte[]... sources) {
        HyperLogLogUnion union = new HyperLogLogUnion();
        union.clear();
        if (destination != null) {
            assertThat(union.add(destination, 0, destination.length)).isTrue();
        }
        for (byte[] s : sources) {
            assertThat(union.add(s, 0, s.length)).isTrue();
        }
        if (destination == null) {
            editor.openNew(HyperLogLog.DEFAULT_SPARSE_MAX_BYTES);
        } else {
            editor.open(destination, 0, destination.length, HyperLogLog.DEFAULT_SPARSE_MAX_BYTES);
        }
        assertThat(editor.merge(union)).isEqualTo(HyperLogLogEditor.UPDATED);
        return editor.editedInPlace() ? destination : editor.toByteArray();
    }

    private byte[] hllOf(int from, int to) {
        stored = null;
        addRange(from, to);
        return stored;
    }

    @Test
    void pfmergeMatchesRedis() {
        byte[] a = hllOf(0, 100);
        byte[] b = hllOf(50, 250);
        byte[] c = hllOf(1000, 6000);
        byte[] d = hllOf(3000, 40000);
        assertValue("merge-AB", pfmerge(null, a, b), 0, 603);
        byte[] ac = pfmerge(null, a, c);
        assertValue("merge-AC", ac, 0, ac.length);
        byte[] cd = pfmerge(null, c, d);
        assertValue("merge-CD", cd, 0, cd.length);
        byte[] abcd = pfmerge(null, a, b, c, d);
        assertValue("merge-ABCD", abcd, 0, abcd.length);
        byte[] onlyA = pfmerge(null, a);
        assertValue("merge-A", onlyA, 0, onlyA.length);
        byte[] none = pfmerge(null);
        assertValue("merge-none", none, 0, none.length);

        // The capture ran PFCOUNT A before: the stale flag is set on top of the cached 100, which PFMERGE keeps.
        assertThat(HyperLogLog.count(a, 0, a.length)).isEqualTo(100);
        byte[] intoA = pfmerge(a, b);
        assertValue("merge-into-A", intoA, 0, intoA.length);
        HyperLogLog.count(c, 0, c.length);
        byte[] intoC = pfmerge(c, b);
        assertThat(intoC).isSameAs(c);
        assertValue("merge-into-C", intoC, 0, intoC.length);
    }

    @Test
    void corruptSparseValuesAreEditedAsRedisEditsThem() {
        // Redis 7.0.15: SET under/over to these bytes, PFADD key a b c (replies 1), GET key.
        String header = "48594c4c" + "01000000" + "0000000000000080";
        stored = HexFormat.of().parseHex(header + "7ffe"); // XZERO:16383, one register short
        assertThat(pfadd(ascii("a"), ascii("b"), ascii("c"))).isEqualTo(1);
        assertThat(HexFormat.of().formatHex(stored)).isEqualTo(header + "60f38050b1844bfb804259");
        stored = HexFormat.of().parseHex(header + "7fff00"); // XZERO:16384 then ZERO:1, one too many
        assertThat(pfadd(ascii("a"), ascii("b"), ascii("c"))).isEqualTo(1);
        assertThat(HexFormat.of().formatHex(stored)).isEqualTo(header + "60f38050b1844bfb80425a00");
    }

    @Test
    void aCorruptSparseValueIsReportedNotFollowed() {
        // XZERO:16383 covers one register too few: index 16383 lands past the last opcode.
        byte[] under = RedisCapture.hex("empty");
        under[17] = (byte) 0xfe;
        editor.open(under, 0, under.length, HyperLogLog.DEFAULT_SPARSE_MAX_BYTES);
        assertThat(editor.set(16383, 1)).isEqualTo(HyperLogLogEditor.CORRUPTED);
        assertThat(editor.set(100, 1)).isEqualTo(HyperLogLogEditor.UPDATED);
        // Promotion needs a full decode, which finds the corruption.
        assertThat(editor.set(200, 40)).isEqualTo(HyperLogLogEditor.CORRUPTED);
        assertThat(Arrays.copyOf(editor.array(), 16)).isEqualTo(Arrays.copyOf(under, 16));
    }

    /** The registers a value holds, one byte each, whatever its encoding. */
    private static byte[] registersOf(byte[] a, int off, int len) {
        byte[] registers = new byte[HyperLogLog.REGISTERS];
        assertThat(HyperLogLog.mergeInto(registers, a, off, len)).isTrue();
        return registers;
    }

    @Test
    void randomEditsAgreeWithAPlainRegisterArray() {
        long seed = System.nanoTime();
        System.out.println("HyperLogLogEditorTest seed " + seed);
        Random random = new Random(seed);
        int[] limits = {18, 30, 100, 500, 3000, 20000};
        for (int round = 0; round < 40; round++) {
            int sparseMaxBytes = limits[random.nextInt(limits.length)];
            byte[] model = new byte[HyperLogLog.REGISTERS];
            editor.openNew(sparseMaxBytes);
            int ops = 1 + random.nextInt(4000);
            // Some rounds keep to a few registers so that VAL runs form, split and join.
            int spread = random.nextBoolean() ? HyperLogLog.REGISTERS : 1 + random.nextInt(64);
            int base = random.nextInt(HyperLogLog.REGISTERS - spread + 1);
            for (int op = 0; op < ops; op++) {
                int index;
                int count;
                int result;
                if (random.nextInt(4) == 0) {
                    byte[] e = new byte[random.nextInt(20)];
                    random.nextBytes(e);
                    long hash = MurmurHash64A.hash(e, 0, e.length, MurmurHash64A.HLL_SEED);
                    index = HyperLogLog.registerIndex(hash);
                    count = HyperLogLog.patternLength(hash);
                    result = editor.add(e, 0, e.length);
                } else {
                    index = base + random.nextInt(spread);
                    count = random.nextInt(50) == 0 ? 1 + random.nextInt(51) : 1 + random.nextInt(6);
                    result = editor.set(index, count);
                }
                boolean grows = count > model[index];
                if (grows) {
                    model[index] = (byte) count;
                }
                assertThat(result).as("seed %d round %d op %d", seed, round, op)
                        .isEqualTo(grows ? HyperLogLogEditor.UPDATED : HyperLogLogEditor.UNCHANGED);
                if (!editor.isDense()) {
                    assertThat(editor.length()).isLessThanOrEqualTo(Math.max(sparseMaxBytes, 18));
                }
                if (op % 97 == 0 || op == ops - 1) {
                    assertThat(registersOf(editor.array(), editor.offset(), editor.length()))
                            .as("seed %d round %d op %d", seed, round, op).isEqualTo(model);
                }
            }
            long expected = HyperLogLog.estimateRegisters(model);
            assertThat(HyperLogLog.estimate(editor.array(), editor.offset(), editor.length())).isEqualTo(expected);
            if (!editor.isDense()) {
                byte[] dense = HyperLogLog.toDense(editor.array(), editor.offset(), editor.length());
                assertThat(registersOf(dense, 0, dense.length)).isEqualTo(model);
                assertThat(HyperLogLog.estimate(dense, 0, dense.length)).isEqualTo(expected);
            }
        }
    }

    @Test
    void theErrorStaysWithinRedisBounds() {
        long seed = System.nanoTime();
        System.out.println("HyperLogLogEditorTest seed " + seed);
        Random random = new Random(seed);
        double standardError = 1.04 / Math.sqrt(HyperLogLog.REGISTERS); // 0.81%
        byte[] e = new byte[16];
        for (int n : new int[] {100, 1000, 10_000, 100_000, 500_000}) {
            editor.openNew(HyperLogLog.DEFAULT_SPARSE_MAX_BYTES);
            for (int i = 0; i < n; i++) {
                random.nextBytes(e);
                editor.add(e, 0, e.length);
            }
            long estimate = HyperLogLog.estimate(editor.array(), editor.offset(), editor.length());
            assertThat(Math.abs(estimate - n) / (double) n).as("seed %d, %d elements, estimate %d", seed, n, estimate)
                    .isLessThan(5 * standardError);
        }
    }
}
