package io.nioredis.value.bitmap;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BitTest {

    @Test
    void getbitAnswersAsRedisDid() {
        var lines = RedisBitmapReplies.of("GETBIT");
        assertThat(lines).isNotEmpty();
        for (var line : lines) {
            byte[] value = line.bytes(0);
            long offset = BitOffsetArgument.parse(line.fields()[1].getBytes(US_ASCII));
            assertThat(Integer.toString(Bit.get(value, 0, value.length, offset))).as(line.toString())
                    .isEqualTo(line.fields()[2]);
        }
    }

    @Test
    void setbitAnswersAndGrowsAsRedisDid() {
        var lines = RedisBitmapReplies.of("SETBIT");
        assertThat(lines).isNotEmpty();
        for (var line : lines) {
            byte[] value = line.bytes(0);
            String[] args = line.args(1);
            long offset = BitOffsetArgument.parse(args[0].getBytes(US_ASCII));
            int bit = Bit.parseBitValue(args[1].getBytes(US_ASCII));
            byte[] grown = Arrays.copyOf(value, (int) Math.max(value.length, Bit.bytesNeeded(offset)));
            int old = Bit.set(grown, 0, offset, bit);
            assertThat(Integer.toString(old)).as(line.toString()).isEqualTo(line.fields()[2]);
            assertThat(RedisBitmapReplies.hex(grown, grown.length)).as(line.toString()).isEqualTo(line.fields()[3]);
        }
    }

    @Test
    void bitValueIsExactlyZeroOrOne() {
        assertThat(Bit.parseBitValue("0".getBytes(US_ASCII))).isZero();
        assertThat(Bit.parseBitValue("1".getBytes(US_ASCII))).isEqualTo(1);
        for (String bad : new String[] {"2", "-1", "01", "+1", " 1", "", "1.0", "x"}) {
            assertThat(Bit.parseBitValue(bad.getBytes(US_ASCII))).as(bad).isEqualTo(-1);
        }
    }

    @Test
    void readsPastTheEndAsZero() {
        byte[] value = {(byte) 0x80, 0x01};
        assertThat(Bit.get(value, 0, 2, 0)).isEqualTo(1);
        assertThat(Bit.get(value, 0, 2, 15)).isEqualTo(1);
        assertThat(Bit.get(value, 0, 1, 15)).isZero();
        assertThat(Bit.get(value, 0, 2, 1L << 40)).isZero();
    }
}
