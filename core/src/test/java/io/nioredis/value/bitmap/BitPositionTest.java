package io.nioredis.value.bitmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitPositionTest {

    @Test
    void answersAsRedisDid() {
        var lines = RedisBitmapReplies.of("BITPOS");
        assertThat(lines).hasSizeGreaterThan(1000);
        for (var line : lines) {
            byte[] value = line.bytes(0);
            String[] args = line.args(1);
            int bit = Integer.parseInt(args[0]);
            long pos = switch (args.length) {
                case 1 -> BitPosition.find(value, 0, value.length, bit);
                case 2 -> BitPosition.find(value, 0, value.length, bit, Long.parseLong(args[1]));
                default -> BitPosition.find(value, 0, value.length, bit, Long.parseLong(args[1]), Long.parseLong(args[2]),
                        true, args.length == 4 && args[3].equalsIgnoreCase("BIT"));
            };
            assertThat(Long.toString(pos)).as(line.toString()).isEqualTo(line.fields()[2]);
        }
    }

    @Test
    void zeroPastTheEndOnlyWithoutAnExplicitEnd() {
        byte[] ones = {(byte) 0xff, (byte) 0xff};
        assertThat(BitPosition.find(ones, 0, 2, 0)).isEqualTo(16);
        assertThat(BitPosition.find(ones, 0, 2, 0, 1)).isEqualTo(16);
        assertThat(BitPosition.find(ones, 0, 2, 0, 0, 1, true, false)).isEqualTo(-1);
        assertThat(BitPosition.find(ones, 0, 2, 1)).isZero();
        assertThat(BitPosition.find(new byte[0], 0, 0, 0)).isEqualTo(-1);
    }

    @Test
    void matchesBitByBitModel() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("BitPositionTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(40);
            byte[] value = new byte[length + random.nextInt(3)];
            fill(random, value);
            int bit = random.nextInt(2);
            boolean bitUnit = random.nextBoolean();
            long total = bitUnit ? length * 8L : length;
            long start = random.nextInt((int) total * 2 + 21) - total - 10;
            long end = random.nextInt((int) total * 2 + 21) - total - 10;
            boolean endGiven = bitUnit || random.nextBoolean();
            if (!endGiven) {
                end = length - 1;
            }
            long expected = model(value, length, bit, start, end, endGiven, bitUnit);
            assertThat(BitPosition.find(value, 0, length, bit, start, end, endGiven, bitUnit))
                    .as("seed %d: bit %d %d..%d given=%s bit=%s of %d bytes", seed, bit, start, end, endGiven, bitUnit,
                            length)
                    .isEqualTo(expected);
        }
    }

    /** Runs of zeros and ones, so that the word-at-a-time skipping is exercised. */
    private static void fill(Random random, byte[] value) {
        int i = 0;
        while (i < value.length) {
            int run = 1 + random.nextInt(20);
            int kind = random.nextInt(3);
            for (int j = 0; j < run && i < value.length; j++, i++) {
                value[i] = (byte) (kind == 0 ? 0 : kind == 1 ? 0xff : random.nextInt(256));
            }
        }
    }

    private static long model(byte[] value, int length, int bit, long start, long end, boolean endGiven,
                              boolean bitUnit) {
        long total = bitUnit ? length * 8L : length;
        long s = Math.max(0, start < 0 ? total + start : start);
        long e = Math.min(total - 1, Math.max(0, end < 0 ? total + end : end));
        if (s > e) {
            return -1;
        }
        long from = bitUnit ? s : s * 8;
        long to = bitUnit ? e : e * 8 + 7;
        long found = NaiveBits.first(value, length, bit, from, to);
        if (found == -1 && bit == 0 && !endGiven) {
            return to + 1; // the string reads as zero padded on the right
        }
        return found;
    }
}
