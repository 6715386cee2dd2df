package io.nioredis.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StringEntryTest {
    @Test
    void packsKeyAndValueForEveryKeyLengthEncoding() {
        for (int klen : new int[] {0, 1, 127, 128, 16_383, 16_384, 2_097_152}) {
            byte[] k = new byte[klen];
            Arrays.fill(k, (byte) 'k');
            byte[] v = {1, 2, 3};
            byte[] e = StringEntry.create(k, 0, klen, v, 0, 3);
            assertThat(StringEntry.keyLength(e)).isEqualTo(klen);
            assertThat(Arrays.copyOfRange(e, StringEntry.keyOffset(e), StringEntry.keyOffset(e) + klen)).isEqualTo(k);
            assertThat(StringEntry.valueLength(e)).isEqualTo(3);
            assertThat(e[StringEntry.valueOffset(e)]).isEqualTo((byte) 1);
            byte[] w = StringEntry.withValue(e, new byte[] {9}, 0, 1);
            assertThat(StringEntry.keyLength(w)).isEqualTo(klen);
            assertThat(StringEntry.valueLength(w)).isEqualTo(1);
        }
    }

    @Test
    void smallEntryIsOneByteOfHeader() {
        byte[] e = StringEntry.create("key:1".getBytes(), 0, 5, "abc".getBytes(), 0, 3);
        assertThat(e).hasSize(1 + 5 + 3);
    }
}
