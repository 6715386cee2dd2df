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
            byte[] e = StringEntries.create(k, 0, klen, v, 0, 3, StringEntry.BY_VALUE);
            assertThat(StringEntry.keyLength(e, 0)).isEqualTo(klen);
            assertThat(Arrays.copyOfRange(e, StringEntry.keyOffset(e, 0), StringEntry.keyOffset(e, 0) + klen)).isEqualTo(k);
            assertThat(StringEntry.valueLength(e, 0)).isEqualTo(3);
            assertThat(e[StringEntry.valueOffset(e, 0)]).isEqualTo((byte) 1);
            assertThat(StringEntry.size(e, 0)).isEqualTo(e.length).isEqualTo(StringEntry.size(klen, 3));
            byte[] shared = new byte[7 + e.length];
            System.arraycopy(e, 0, shared, 7, e.length);
            assertThat(StringEntry.keyLength(shared, 7)).isEqualTo(klen);
            assertThat(StringEntry.valueLength(shared, 7)).isEqualTo(3);
            assertThat(shared[StringEntry.valueOffset(shared, 7)]).isEqualTo((byte) 1);
        }
    }

    @Test
    void smallEntryHasOneByteForEachLength() {
        byte[] e = StringEntries.create("key:1".getBytes(), 0, 5, "abc".getBytes(), 0, 3, StringEntry.RAW);
        assertThat(e).hasSize(1 + 5 + 1 + 3);
        assertThat(StringEntry.made(e, 0)).isEqualTo(StringEntry.RAW);
    }
}
