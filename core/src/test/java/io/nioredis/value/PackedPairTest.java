package io.nioredis.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PackedPairTest {
    private static final int[] LENGTHS = {0, 1, 14, 15, 16, 127, 128, 129, 4000, PackedPair.MAX_LENGTH};

    @Test
    void everyCombinationOfShortAndLongLengthsRoundTrips() {
        for (int flen : LENGTHS) {
            for (int vlen : LENGTHS) {
                byte[] f = new byte[flen];
                Arrays.fill(f, (byte) 'f');
                byte[] v = new byte[vlen];
                Arrays.fill(v, (byte) 'v');
                int size = PackedPair.size(flen, vlen);
                int header = size - flen - vlen;
                assertThat(header).isEqualTo(PackedPair.headerSize(flen, vlen))
                        .isEqualTo(1 + (flen < 15 ? 0 : flen < 128 ? 1 : 2) + (vlen < 15 ? 0 : vlen < 128 ? 1 : 2));
                byte[] packed = new byte[3 + size + 1];
                assertThat(PackedPair.write(packed, 3, f, 0, flen, v, 0, vlen)).as("%d/%d", flen, vlen)
                        .isEqualTo(size);
                assertThat(PackedPair.headerSizeAt(packed, 3)).isEqualTo(header);
                assertThat(PackedPair.fieldLength(packed, 3)).isEqualTo(flen);
                assertThat(PackedPair.valueLength(packed, 3)).isEqualTo(vlen);
                assertThat(PackedPair.fieldOffset(packed, 3)).isEqualTo(3 + header);
                assertThat(PackedPair.valueOffset(packed, 3)).isEqualTo(3 + header + flen);
                assertThat(PackedPair.next(packed, 3)).isEqualTo(3 + size);
            }
        }
    }

    @Test
    void aPairOfShortStringsCostsOneHeaderByte() {
        byte[] packed = new byte[16];
        byte[] f = "f:12".getBytes();
        byte[] v = "v:12".getBytes();
        assertThat(PackedPair.write(packed, 0, f, 0, 4, v, 0, 4)).isEqualTo(9);
        assertThat(packed[0]).isEqualTo((byte) 0x44);
        assertThat(new String(packed, 1, 8)).isEqualTo("f:12v:12");
    }
}
