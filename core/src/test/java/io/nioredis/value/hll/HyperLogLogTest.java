package io.nioredis.value.hll;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.nioredis.value.hll.RedisCapture.assertValue;
import static io.nioredis.value.hll.RedisCapture.element;
import static org.assertj.core.api.Assertions.assertThat;

/** PFCOUNT, the cache, validation, corrupt values and the PFDEBUG views, against what Redis 7.0.15 does. */
class HyperLogLogTest {
    private final HyperLogLogEditor editor = new HyperLogLogEditor();

    /** An HLL of el-from .. el-(to-1), cache stale, as PFADD leaves it. */
    private byte[] hllOf(int from, int to) {
        editor.openNew(HyperLogLog.DEFAULT_SPARSE_MAX_BYTES);
        for (int i = from; i < to; i++) {
            byte[] e = element(i);
            editor.add(e, 0, e.length);
        }
        editor.invalidateCache();
        return editor.toByteArray();
    }

    @Test
    void createIsRedisEmptyHllWithAValidZeroCache() {
        byte[] empty = HyperLogLog.create();
        assertThat(HexFormat.of().formatHex(empty)).isEqualTo("48594c4c" + "01000000" + "0000000000000000" + "7fff");
        assertThat(HyperLogLog.hasValidCache(empty, 0)).isTrue();
        assertThat(HyperLogLog.count(empty, 0, empty.length)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 10, 100, 1000, 2000, 3000, 10000, 100000})
    void countIsRedisCountAndWritesTheCacheAsRedisDoes(int n) {
        byte[] value = hllOf(0, n);
        assertThat(HyperLogLog.hasValidCache(value, 0)).isFalse();
        long count = HyperLogLog.count(value, 0, value.length);
        assertThat(count).isEqualTo(RedisCapture.number("n-" + n, "count"));
        assertThat(HyperLogLog.hasValidCache(value, 0)).isTrue();
        assertValue("n-" + n + "-cached", value, 0, value.length);
        // The second count reads the cache, leaving the bytes alone.
        byte[] cached = value.clone();
        assertThat(HyperLogLog.count(value, 0, value.length)).isEqualTo(count);
        assertThat(value).isEqualTo(cached);
    }

    @Test
    void theEstimatorFollowsRedisAlongAGrowingKeyUpToAMillion() {
        editor.openNew(HyperLogLog.DEFAULT_SPARSE_MAX_BYTES);
        int checked = 0;
        for (int n = 1; n <= 1_000_000; n++) {
            byte[] e = element(n - 1);
            editor.add(e, 0, e.length);
            if (RedisCapture.has("curve-" + n, "count")) {
                long expected = RedisCapture.number("curve-" + n, "count");
                assertThat(HyperLogLog.estimate(editor.array(), editor.offset(), editor.length()))
                        .as("estimate after %d elements", n).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(400);
    }

    @Test
    void theCachedCardinalityIsReadLittleEndian() {
        byte[] value = RedisCapture.hex("abc-cached");
        assertThat(HyperLogLog.hasValidCache(value, 0)).isTrue();
        assertThat(HyperLogLog.cachedCardinality(value, 0)).isEqualTo(3);
        assertThat(HyperLogLog.count(value, 0, value.length)).isEqualTo(RedisCapture.number("abc", "count"));
        HyperLogLog.invalidateCache(value, 0);
        assertThat(value).isEqualTo(withStaleFlag("abc-cached"));
        assertThat(HyperLogLog.hasValidCache(value, 0)).isFalse();
    }

    private static byte[] withStaleFlag(String name) {
        byte[] v = RedisCapture.hex(name);
        v[15] |= (byte) 0x80;
        return v;
    }

    @Test
    void theUnionCountIsRedisPfcountOfSeveralKeys() {
        byte[] a = hllOf(0, 100);
        byte[] b = hllOf(50, 250);
        byte[] c = hllOf(1000, 6000);
        byte[] d = hllOf(3000, 40000);
        assertThat(unionCount(a, b)).isEqualTo(RedisCapture.number("union-AB", "count"));
        assertThat(unionCount(a, c)).isEqualTo(RedisCapture.number("union-AC", "count"));
        assertThat(unionCount(c, d)).isEqualTo(RedisCapture.number("union-CD", "count"));
        assertThat(unionCount(a, b, c, d)).isEqualTo(RedisCapture.number("union-ABCD", "count"));
        assertThat(unionCount(a)).isEqualTo(RedisCapture.number("union-A", "count"));
        assertThat(unionCount()).isZero();
    }

    private static long unionCount(byte[]... values) {
        HyperLogLogUnion union = new HyperLogLogUnion();
        for (byte[] v : values) {
            assertThat(union.add(v, 0, v.length)).isTrue();
        }
        return union.estimate();
    }

    @Test
    void onlyHllStringsAreValid() {
        assertThat(HyperLogLog.isValid(HyperLogLog.create(), 0, 18)).isTrue();
        assertThat(HyperLogLog.isValid("foo".getBytes(), 0, 3)).isFalse();
        assertThat(HyperLogLog.isValid("HYLL".getBytes(), 0, 4)).isFalse();
        byte[] badEncoding = HyperLogLog.create();
        badEncoding[4] = 2;
        assertThat(HyperLogLog.isValid(badEncoding, 0, badEncoding.length)).isFalse();
        byte[] badMagic = HyperLogLog.create();
        badMagic[3] = 'X';
        assertThat(HyperLogLog.isValid(badMagic, 0, badMagic.length)).isFalse();
        // A dense header must be followed by exactly 12288 register bytes.
        byte[] shortDense = HyperLogLog.create();
        shortDense[4] = HyperLogLog.DENSE;
        assertThat(HyperLogLog.isValid(shortDense, 0, shortDense.length)).isFalse();
        byte[] dense = hllOf(0, 5000);
        assertThat(HyperLogLog.isValid(dense, 0, dense.length)).isTrue();
        assertThat(HyperLogLog.isValid(Arrays.copyOf(dense, dense.length + 1), 0, dense.length + 1)).isFalse();
        // The value may sit anywhere in a larger array.
        byte[] entry = new byte[40];
        System.arraycopy(HyperLogLog.create(), 0, entry, 20, 18);
        assertThat(HyperLogLog.isValid(entry, 20, 18)).isTrue();
    }

    @Test
    void corruptSparseValuesAreDetectedEverywhere() {
        List<byte[]> corrupt = new ArrayList<>();
        byte[] under = HyperLogLog.create(); // XZERO:16383, one register short
        under[17] = (byte) 0xfe;
        corrupt.add(under);
        byte[] over = Arrays.copyOf(HyperLogLog.create(), 19); // XZERO:16384 then ZERO:1
        corrupt.add(over);
        byte[] truncated = Arrays.copyOf(HyperLogLog.create(), 17); // XZERO with its second byte missing
        corrupt.add(truncated);
        byte[] noOpcodes = Arrays.copyOf(HyperLogLog.create(), 16);
        corrupt.add(noOpcodes);
        byte[] valOverflow = Arrays.copyOf(HyperLogLog.create(), 19); // XZERO:16383 then VAL:1,2
        valOverflow[17] = (byte) 0xfe;
        valOverflow[18] = SparseRegisters.val(1, 2);
        corrupt.add(valOverflow);
        for (byte[] v : corrupt) {
            HyperLogLog.invalidateCache(v, 0);
            assertThat(HyperLogLog.isValid(v, 0, v.length)).isTrue();
            byte[] before = v.clone();
            assertThat(HyperLogLog.count(v, 0, v.length)).isEqualTo(HyperLogLog.CORRUPTED);
            assertThat(v).as("a failed count leaves the value").isEqualTo(before);
            assertThat(new HyperLogLogUnion().add(v, 0, v.length)).isFalse();
            assertThat(HyperLogLog.toDense(v, 0, v.length)).isNull();
        }
    }

    @Test
    void aCorruptCacheIsTrustedAsRedisTrustsIt() {
        byte[] v = RedisCapture.hex("abc-cached");
        v[8] = 42;
        assertThat(HyperLogLog.count(v, 0, v.length)).isEqualTo(42);
    }

    @Test
    void pfdebugViews() {
        byte[] abc = RedisCapture.hex("abc");
        assertThat(HyperLogLog.encodingName(abc, 0)).isEqualTo("sparse");
        assertThat(HyperLogLog.decodeSparse(abc, 0, abc.length)).isEqualTo(RedisCapture.reply("abc", "decode"));
        byte[] dense = HyperLogLog.toDense(abc, 0, abc.length);
        assertThat(HyperLogLog.encodingName(dense, 0)).isEqualTo("dense");
        assertThat(Arrays.copyOf(dense, 16)).as("the header is kept, encoding aside")
                .isEqualTo(withEncoding(Arrays.copyOf(abc, 16), HyperLogLog.DENSE));
        StringBuilder nonZero = new StringBuilder();
        for (int i = 0; i < HyperLogLog.REGISTERS; i++) {
            int r = HyperLogLog.register(dense, 0, i);
            if (r != 0) {
                nonZero.append(nonZero.length() > 0 ? " " : "").append(i).append(':').append(r);
            }
        }
        assertThat(nonZero.toString()).isEqualTo(RedisCapture.reply("abc", "getreg-nonzero"));
        assertThat(HyperLogLog.estimate(dense, 0, dense.length)).isEqualTo(3);
    }

    private static byte[] withEncoding(byte[] header, byte encoding) {
        header[4] = encoding;
        return header;
    }

    @Test
    void patternLengthCountsTheZerosAboveTheIndexPlusOne() {
        assertThat(HyperLogLog.patternLength(1L << 14)).isEqualTo(1);
        assertThat(HyperLogLog.patternLength(1L << 16)).isEqualTo(3);
        assertThat(HyperLogLog.patternLength(0)).isEqualTo(51);
        assertThat(HyperLogLog.patternLength(0x3fff)).isEqualTo(51);
        assertThat(HyperLogLog.registerIndex(-1L)).isEqualTo(16383);
    }
}
