package io.nioredis.value.hll;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
}
