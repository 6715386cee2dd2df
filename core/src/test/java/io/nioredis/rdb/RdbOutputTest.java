package io.nioredis.rdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RdbOutputTest {
    private static String hex(Consumer<RdbOutput> write) {
        RdbOutput out = new RdbOutput();
        write.accept(out);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesLengthsInFourSizes() {
        assertThat(hex(o -> o.writeLength(0))).isEqualTo("00");
        assertThat(hex(o -> o.writeLength(63))).isEqualTo("3f");
        assertThat(hex(o -> o.writeLength(64))).isEqualTo("4040");
        assertThat(hex(o -> o.writeLength(16383))).isEqualTo("7fff");
        assertThat(hex(o -> o.writeLength(16384))).isEqualTo("8000004000");
        assertThat(hex(o -> o.writeLength(0xFFFFFFFFL))).isEqualTo("80ffffffff");
        assertThat(hex(o -> o.writeLength(0x100000000L))).isEqualTo("810000000100000000");
    }

    @Test
    void writesShortCanonicalIntegersEncoded() {
        assertThat(hex(o -> o.writeString(b("0")))).isEqualTo("c000");
        assertThat(hex(o -> o.writeString(b("-128")))).isEqualTo("c080");
        assertThat(hex(o -> o.writeString(b("128")))).isEqualTo("c18000");
        assertThat(hex(o -> o.writeString(b("-2147483648")))).isEqualTo("c200000080");
        // Eleven characters at most, and must fit 32 bits.
        assertThat(hex(o -> o.writeString(b("2147483648")))).isEqualTo("0a32313437343833363438");
        assertThat(hex(o -> o.writeString(b("007")))).isEqualTo("03303037");
        assertThat(hex(o -> o.writeLongAsString(1L << 40))).isEqualTo("0d31303939353131363237373736");
        assertThat(hex(o -> o.writeLongAsString(-1))).isEqualTo("c0ff");
    }

    @Test
    void compressesOnlyAboveTwentyBytesAndOnlyWhenItSavesFour() {
        assertThat(hex(o -> o.writeString(b("a".repeat(20))))).startsWith("14");
        // As Redis 7.0.15 dumped it: the first byte is never a match source, so "aa" then a 19-byte copy.
        assertThat(hex(o -> o.writeString(b("a".repeat(21))))).isEqualTo("c30615" + "016161" + "e00a00");
        RdbOutput uncompressed = new RdbOutput(false);
        uncompressed.writeString(b("a".repeat(21)));
        assertThat(uncompressed.toByteArray()).hasSize(22);
        byte[] noisy = new byte[40];
        new java.util.Random(7).nextBytes(noisy);
        assertThat(hex(o -> o.writeString(noisy))).startsWith("28");
    }

    @Test
    void writesDoublesAndTimes() {
        assertThat(hex(o -> o.writeBinaryDouble(1.5))).isEqualTo("000000000000f83f");
        assertThat(hex(o -> o.writeStringDouble(1.5))).isEqualTo("03312e35");
        assertThat(hex(o -> o.writeStringDouble(3))).isEqualTo("0133");
        assertThat(hex(o -> o.writeStringDouble(Double.NaN))).isEqualTo("fd");
        assertThat(hex(o -> o.writeStringDouble(Double.POSITIVE_INFINITY))).isEqualTo("fe");
        assertThat(hex(o -> o.writeStringDouble(Double.NEGATIVE_INFINITY))).isEqualTo("ff");
        assertThat(hex(o -> o.writeExpireMillis(0x0102030405L))).isEqualTo("fc0504030201000000");
    }

    /**
     * An output deferring compression, handed over at random points and each piece expanded by
     * writeCompressing, makes exactly the bytes of an output compressing as it goes.
     */
    @Test
    void deferredCompressionMakesTheSameBytesAsCompressingInPlace() {
        long seed = new java.util.Random().nextLong();
        System.out.println("RdbOutputTest seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        RdbOutput direct = new RdbOutput(true);
        RdbOutput deferring = RdbOutput.deferringCompression();
        RdbOutput expanded = new RdbOutput(true);
        assertThat(deferring.isEmpty()).isTrue();
        for (int i = 0; i < 5000; i++) {
            int op = random.nextInt(10);
            if (op < 6) {
                byte[] s = new byte[random.nextInt(random.nextBoolean() ? 30 : 3000)];
                int alphabet = 1 + random.nextInt(random.nextBoolean() ? 3 : 256);
                for (int j = 0; j < s.length; j++) {
                    s[j] = (byte) ('0' + random.nextInt(alphabet));
                }
                int off = s.length == 0 ? 0 : random.nextInt(s.length);
                direct.writeString(s, off, s.length - off);
                deferring.writeString(s, off, s.length - off);
            } else if (op < 8) {
                long n = random.nextLong() >>> random.nextInt(64);
                direct.writeLength(n);
                deferring.writeLength(n);
            } else if (op < 9) {
                direct.writeBinaryDouble(i * 0.5);
                deferring.writeBinaryDouble(i * 0.5);
            } else {
                int length = deferring.size();
                expanded.writeCompressing(deferring.handOver(new byte[1 + random.nextInt(100)]), length);
                assertThat(deferring.isEmpty()).isTrue();
            }
        }
        int length = deferring.size();
        expanded.writeCompressing(deferring.handOver(new byte[8]), length);
        assertThat(expanded.toByteArray()).as("seed %d", seed).isEqualTo(direct.toByteArray());
    }
}
