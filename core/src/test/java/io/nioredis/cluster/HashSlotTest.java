package io.nioredis.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashSlotTest {
    private static int slot(String key) {
        return HashSlot.of(key.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void crc16IsXmodemWithRedisTestVector() {
        // crc16.c: "123456789" gives 0x31C3.
        byte[] b = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertThat(HashSlot.crc16(b, 0, b.length)).isEqualTo(0x31C3);
        assertThat(slot("123456789")).isEqualTo(0x31C3 & 16383).isEqualTo(12739);
    }

    @Test
    void slotsAsRedisComputesThem() {
        // Expected values are redis-server 7.0's CLUSTER KEYSLOT replies.
        assertThat(slot("foo")).isEqualTo(12182);
        assertThat(slot("")).isEqualTo(0);
        assertThat(slot("{user1000}.following")).isEqualTo(3443);
        assertThat(slot("foo{}{bar}")).isEqualTo(8363);
        assertThat(slot("foo{{bar}}zap")).isEqualTo(4015);
        assertThat(slot("foo{bar}{zap}")).isEqualTo(5061);
        assertThat(slot("a{b")).isEqualTo(13340);
    }

    @Test
    void hashTagsKeepRelatedKeysTogether() {
        assertThat(slot("{user1000}.following")).isEqualTo(slot("{user1000}.followers")).isEqualTo(slot("user1000"));
        assertThat(slot("foo{{bar}}zap")).isEqualTo(slot("{bar"));
        assertThat(slot("foo{bar}{zap}")).isEqualTo(slot("bar"));
        assertThat(slot("foo{}{bar}")).isNotEqualTo(slot("bar")); // an empty tag hashes the whole key
    }

    @Test
    void slotOfAKeyInsideALargerArray() {
        byte[] b = "xx{tag}yy".getBytes(StandardCharsets.US_ASCII);
        assertThat(HashSlot.of(b, 2, 5)).isEqualTo(slot("tag"));
        assertThat(HashSlot.of(b, 0, 2)).isEqualTo(slot("xx"));
    }
}
