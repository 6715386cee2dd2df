package io.nioredis.value.bitmap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitOperationTest {

    @Test
    void answersAsRedisDid() {
        var lines = RedisBitmapReplies.of("BITOP");
        assertThat(lines).hasSizeGreaterThan(100);
        for (var line : lines) {
            BitOperation op = BitOperation.parse(line.fields()[0].getBytes(US_ASCII));
            String[] hexes = line.fields()[1].split(",");
            byte[][] sources = new byte[hexes.length][];
            int[] lengths = new int[hexes.length];
            for (int i = 0; i < hexes.length; i++) {
                sources[i] = RedisBitmapReplies.hex(hexes[i]);
                lengths[i] = sources[i].length;
            }
            byte[] result = apply(op, sources, lengths, hexes.length);
            assertThat(Integer.toString(result.length)).as(line.toString()).isEqualTo(line.fields()[2]);
            assertThat(RedisBitmapReplies.hex(result, result.length)).as(line.toString()).isEqualTo(line.fields()[3]);
        }
    }

    @Test
    void parsesNamesInAnyCase() {
        assertThat(BitOperation.parse("xOr".getBytes(US_ASCII))).isEqualTo(BitOperation.XOR);
        assertThat(BitOperation.parse("nand".getBytes(US_ASCII))).isNull();
        assertThat(BitOperation.parse(new byte[0])).isNull();
    }

    @Test
    void matchesByteByByteModel() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("BitOperationTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 5_000; round++) {
            BitOperation op = BitOperation.values()[random.nextInt(4)];
            int count = op == BitOperation.NOT ? 1 : 1 + random.nextInt(5);
            byte[][] sources = new byte[count][];
            int[] lengths = new int[count];
            int max = 0;
            for (int i = 0; i < count; i++) {
                lengths[i] = random.nextInt(50);
                sources[i] = random.nextInt(10) == 0 && lengths[i] == 0 ? null : new byte[lengths[i] + random.nextInt(9)];
                if (sources[i] != null) {
                    random.nextBytes(sources[i]);
                }
                max = Math.max(max, lengths[i]);
            }
            byte[] result = apply(op, sources, lengths, count);
            assertThat(result).as("seed %d", seed).hasSize(max);
            for (int j = 0; j < max; j++) {
                int expected = j < lengths[0] ? sources[0][j] & 0xff : 0;
                if (op == BitOperation.NOT) {
                    expected = ~expected & 0xff;
                }
                for (int i = 1; i < count; i++) {
                    int b = j < lengths[i] ? sources[i][j] & 0xff : 0;
                    expected = op == BitOperation.AND ? expected & b : op == BitOperation.OR ? expected | b : expected ^ b;
                }
                assertThat(result[j] & 0xff).as("seed %d byte %d", seed, j).isEqualTo(expected);
            }
        }
    }

    /** Runs the operation with each source behind a few unrelated bytes, as a packed key precedes a value. */
    private static byte[] apply(BitOperation op, byte[][] sources, int[] lengths, int count) {
        byte[][] shifted = new byte[count][];
        int[] offsets = new int[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = i + 1;
            shifted[i] = new byte[offsets[i] + (sources[i] == null ? 0 : sources[i].length)];
            if (sources[i] != null) {
                System.arraycopy(sources[i], 0, shifted[i], offsets[i], sources[i].length);
            }
        }
        int length = BitOperation.resultLength(lengths, count);
        byte[] out = new byte[3 + length];
        op.apply(shifted, offsets, lengths, count, out, 3);
        return java.util.Arrays.copyOfRange(out, 3, out.length);
    }
}
