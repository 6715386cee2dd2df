package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Crc64Test {
    @Test
    void matchesRedisTestVector() {
        // crc64.c's self test: crc64(0, "123456789", 9) == 0xe9c6d914c4b8d9ca
        assertThat(Crc64.of("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xe9c6d914c4b8d9caL);
    }

    @Test
    void emptyInputLeavesTheCrcUnchanged() {
        assertThat(Crc64.of(new byte[0])).isZero();
        assertThat(Crc64.update(0x1234L, new byte[] {1, 2}, 1, 0)).isEqualTo(0x1234L);
    }

    @Test
    void continuesAcrossChunks() {
        Random random = seeded("continuesAcrossChunks");
        byte[] data = randomBytes(random, 1000);
        int cut = random.nextInt(data.length);
        long whole = Crc64.of(data);
        assertThat(Crc64.update(Crc64.update(0, data, 0, cut), data, cut, data.length - cut)).isEqualTo(whole);
    }

    /** Every length and alignment around the eight-byte steps against one byte at a time. */
    @Test
    void eightBytesAStepMatchesOneByteAStep() {
        Random random = seeded("eightBytesAStepMatchesOneByteAStep");
        byte[] data = randomBytes(random, 64);
        for (int offset = 0; offset < 9; offset++) {
            for (int length = 0; offset + length <= data.length; length++) {
                long start = random.nextLong();
                assertThat(Crc64.update(start, data, offset, length))
                        .as("offset %d length %d", offset, length).isEqualTo(byteAtATime(start, data, offset, length));
            }
        }
    }

    /** A random source whose seed is printed, so that a failure can be replayed. */
    private static Random seeded(String test) {
        long seed = System.nanoTime();
        System.out.println("Crc64Test." + test + " seed=" + seed);
        return new Random(seed);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        return data;
    }

    /** The textbook loop, bit by bit: the reference the tables are checked against. */
    private static long byteAtATime(long crc, byte[] bytes, int offset, int length) {
        long poly = Long.reverse(0xad93d23594c935a9L);
        for (int i = offset; i < offset + length; i++) {
            crc ^= bytes[i] & 0xffL;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ poly : crc >>> 1;
            }
        }
        return crc;
    }

    @Test
    void checksRedisDumpFooter() {
        // DUMP of "hello" from Redis 7.0.15: body, version 10, CRC little endian.
        byte[] payload = java.util.HexFormat.of().parseHex("000568656c6c6f0a006372df766534200a");
        long stored = 0;
        for (int i = 0; i < 8; i++) {
            stored |= (payload[payload.length - 8 + i] & 0xffL) << (8 * i);
        }
        assertThat(Crc64.update(0, payload, 0, payload.length - 8)).isEqualTo(stored);
    }
}
