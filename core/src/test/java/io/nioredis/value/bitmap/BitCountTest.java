package io.nioredis.value.bitmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BitCountTest {

    @Test
    void answersAsRedisDid() {
        var lines = RedisBitmapReplies.of("BITCOUNT");
        assertThat(lines).hasSizeGreaterThan(500);
        for (var line : lines) {
            byte[] value = line.bytes(0);
            String[] args = line.args(1);
            long count = args.length == 0
                    ? BitCount.count(value, 0, value.length)
                    : BitCount.count(value, 0, value.length, Long.parseLong(args[0]), Long.parseLong(args[1]),
                            args.length == 3 && args[2].equalsIgnoreCase("BIT"));
            assertThat(Long.toString(count)).as(line.toString()).isEqualTo(line.fields()[2]);
        }
    }

    @Test
    void bitUnitCountsPartialBytes() {
        byte[] value = {(byte) 0xff, (byte) 0xf0, 0x00};
        assertThat(BitCount.count(value, 0, 3, 5, 30, true)).isEqualTo(7);
        assertThat(BitCount.count(value, 0, 3, 4, 11, true)).isEqualTo(8);
        assertThat(BitCount.count(value, 0, 3, -20, -13, true)).isEqualTo(8);
        assertThat(BitCount.count(value, 0, 3, 9, 9, true)).isEqualTo(1);
    }

    @Test
    void viewLengthBoundsTheCount() {
        byte[] value = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff};
        assertThat(BitCount.count(value, 0, 9)).isEqualTo(72);
        assertThat(BitCount.count(value, 0, 9, 0, -1, false)).isEqualTo(72);
        assertThat(BitCount.count(value, 0, 0, 0, -1, false)).isZero();
    }

    @Test
    void matchesBitByBitModel() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("BitCountTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(70);
            byte[] value = new byte[length + random.nextInt(3)]; // spare capacity past the view must not count
            random.nextBytes(value);
            boolean bitUnit = random.nextBoolean();
            long total = bitUnit ? length * 8L : length;
            long start = random.nextInt((int) total * 2 + 21) - total - 10;
            long end = random.nextInt((int) total * 2 + 21) - total - 10;

            long expected = modelCount(value, length, start, end, bitUnit);
            assertThat(BitCount.count(value, 0, length, start, end, bitUnit))
                    .as("seed %d: %d..%d bit=%s of %d bytes", seed, start, end, bitUnit, length).isEqualTo(expected);
        }
    }

    private static long modelCount(byte[] value, int length, long start, long end, boolean bitUnit) {
        long total = bitUnit ? length * 8L : length;
        long s = Math.max(0, start < 0 ? total + start : start);
        long e = Math.min(total - 1, Math.max(0, end < 0 ? total + end : end));
        if (start < 0 && end < 0 && start > end || s > e) {
            return 0;
        }
        return bitUnit ? NaiveBits.count(value, length, s, e) : NaiveBits.count(value, length, s * 8, e * 8 + 7);
    }
}
