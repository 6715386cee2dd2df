package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PackedPairTest {
    @Test
    void lengthsRoundTripInOneOrTwoBytes() {
        byte[] packed = new byte[2];
        for (int length = 0; length <= PackedPair.MAX_LENGTH; length++) {
            int size = PackedPair.writeLength(packed, 0, length);
            assertThat(size).isEqualTo(length < 128 ? 1 : 2).isEqualTo(PackedPair.headerSize(length));
            assertThat(PackedPair.headerSizeAt(packed, 0)).isEqualTo(size);
            assertThat(PackedPair.lengthAt(packed, 0)).isEqualTo(length);
        }
    }

    @Test
    void pairsFollowOneAnotherWithoutPadding() {
        byte[] field = "field".getBytes();
        byte[] value = new byte[200];
        Arrays.fill(value, (byte) 'v');
        int size = PackedPair.size(field.length, value.length);
        assertThat(size).isEqualTo(1 + 5 + 2 + 200);
        byte[] packed = new byte[2 * size];
        assertThat(PackedPair.write(packed, 0, field, 0, field.length, value, 0, value.length)).isEqualTo(size);
        assertThat(PackedPair.write(packed, size, value, 0, 3, field, 0, 0)).isEqualTo(1 + 3 + 1);
        assertThat(PackedPair.next(packed, 0)).isEqualTo(size);
        assertThat(PackedPair.valueHeaderAt(packed, 0)).isEqualTo(6);
        assertThat(PackedPair.lengthAt(packed, 6)).isEqualTo(200);
        assertThat(PackedPair.lengthAt(packed, size)).isEqualTo(3);
        assertThat(PackedPair.next(packed, size)).isEqualTo(size + 5);
    }
}
