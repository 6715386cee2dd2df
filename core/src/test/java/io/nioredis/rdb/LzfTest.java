package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LzfTest {
    private final Lzf lzf = new Lzf();

    private byte[] compress(byte[] in, int limit) {
        byte[] out = new byte[limit + 8];
        int n = lzf.compress(in, 0, in.length, out, limit);
        return n == 0 ? null : Arrays.copyOf(out, n);
    }

    @Test
    void compressesARunAsRedisDoes() throws Exception {
        // Redis 7.0.15 DUMP of "a" x 100: c3 09 40 64 | 01 61 61 e0 57 00 01 61 61
        byte[] in = "a".repeat(100).getBytes();
        assertThat(HexFormat.of().formatHex(compress(in, 96))).isEqualTo("016161e05700016161");
        assertThat(Lzf.decompress(HexFormat.of().parseHex("016161e05700016161"), 0, 9, 100)).isEqualTo(in);
    }

    @Test
    void givesUpWhenTheOutputWouldNotFit() {
        byte[] random = new byte[300];
        new Random(1).nextBytes(random);
        assertThat(compress(random, random.length - 4)).isNull();
        assertThat(compress(new byte[0], 10)).isNull();
    }

    @Test
    void roundTripsRandomInputs() throws Exception {
        long seed = System.nanoTime();
        System.out.println("LzfTest.roundTripsRandomInputs seed=" + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 300; trial++) {
            byte[] in = randomCompressible(random, 1 + random.nextInt(trial < 250 ? 2000 : 40000));
            byte[] out = compress(in, in.length + 64);
            assertThat(out).as("seed " + seed + " trial " + trial).isNotNull();
            assertThat(Lzf.decompress(out, 0, out.length, in.length)).as("seed " + seed + " trial " + trial)
                    .isEqualTo(in);
        }
    }

    /** Runs, repeats at near and far distances (up to past the 8 KB window) and noise. */
    static byte[] randomCompressible(Random random, int length) {
        byte[] b = new byte[length];
        int p = 0;
        while (p < length) {
            int kind = random.nextInt(4);
            int n = Math.min(length - p, 1 + random.nextInt(kind == 0 ? 400 : 40));
            if (kind == 0) {
                Arrays.fill(b, p, p + n, (byte) random.nextInt(3));
            } else if (kind == 1 && p > 0) {
                int from = Math.max(0, p - 1 - random.nextInt(Math.min(p, 9000)));
                for (int i = 0; i < n; i++) {
                    b[p + i] = b[from + i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    b[p + i] = (byte) random.nextInt(kind == 2 ? 4 : 256);
                }
            }
            p += n;
        }
        return b;
    }

    @Test
    void decompressRejectsCorruption() {
        byte[] good = HexFormat.of().parseHex("016161e05700016161");
        assertThatThrownBy(() -> Lzf.decompress(good, 0, good.length, 99))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("longer than 99");
        assertThatThrownBy(() -> Lzf.decompress(good, 0, good.length, 101))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("instead of 101");
        for (int cut = 0; cut < good.length; cut++) {
            int len = cut;
            assertThatThrownBy(() -> Lzf.decompress(good, 0, len, 100)).isInstanceOf(RdbFormatException.class);
        }
        // A back reference before the start of the output.
        byte[] before = HexFormat.of().parseHex("0061" + "2005");
        assertThatThrownBy(() -> Lzf.decompress(before, 0, before.length, 4))
                .isInstanceOf(RdbFormatException.class).hasMessageContaining("before the start");
    }

    @Test
    void randomGarbageNeverEscapesAsAnotherException() {
        long seed = System.nanoTime();
        System.out.println("LzfTest.randomGarbageNeverEscapesAsAnotherException seed=" + seed);
        Random random = new Random(seed);
        for (int trial = 0; trial < 2000; trial++) {
            byte[] garbage = new byte[1 + random.nextInt(40)];
            random.nextBytes(garbage);
            try {
                Lzf.decompress(garbage, 0, garbage.length, random.nextInt(200));
            } catch (RdbFormatException expected) {
                // fine
            }
        }
    }

    /** Through a window of any size, compressedLength and compressTo give exactly compress's output. */
    @Test
    void compressingThroughAWindowGivesTheSameBytes() throws Exception {
        long seed = System.nanoTime();
        System.out.println("LzfTest.compressingThroughAWindowGivesTheSameBytes seed=" + seed);
        Random random = new Random(seed);
        Lzf lzf = new Lzf();
        for (int round = 0; round < 200; round++) {
            byte[] in = new byte[1 + random.nextInt(random.nextBoolean() ? 100 : 50_000)];
            int alphabet = 1 + random.nextInt(random.nextBoolean() ? 4 : 256);
            for (int i = 0; i < in.length; i++) {
                in[i] = (byte) random.nextInt(alphabet);
            }
            int limit = Math.max(1, in.length - random.nextInt(5));
            byte[] whole = new byte[limit + 8];
            int expected = lzf.compress(in, 0, in.length, whole, limit);
            byte[] window = new byte[Lzf.MIN_WINDOW + random.nextInt(2000)];
            assertThat(lzf.compressedLength(in, 0, in.length, limit, window)).as("seed %d", seed).isEqualTo(expected);
            if (expected > 0) {
                java.io.ByteArrayOutputStream pieces = new java.io.ByteArrayOutputStream();
                assertThat(lzf.compressTo(in, 0, in.length, limit, window, (b, n) -> pieces.write(b, 0, n)))
                        .isEqualTo(expected);
                assertThat(pieces.toByteArray()).as("seed %d", seed).isEqualTo(java.util.Arrays.copyOf(whole, expected));
            }
        }
    }
}
