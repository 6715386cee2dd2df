package io.nioredis.value.hll;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MurmurHash64ATest {
    private static long hash(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return MurmurHash64A.hash(b, 0, b.length, MurmurHash64A.HLL_SEED);
    }

    @Test
    void placesAbcWhereRedisPlacesThem() {
        // PFADD x a leaves XZERO:12711 VAL:2,1 XZERO:3672 in Redis; a, b, c fill registers 8436, 12711, 15780.
        long a = hash("a");
        assertThat(HyperLogLog.registerIndex(a)).isEqualTo(12711);
        assertThat(HyperLogLog.patternLength(a)).isEqualTo(2);
        Set<Integer> abc = Set.of(HyperLogLog.registerIndex(hash("b")), HyperLogLog.registerIndex(hash("c")));
        assertThat(abc).containsExactlyInAnyOrder(8436, 15780);
    }

    @Test
    void hashesTheSliceOnlyAndEveryTailLength() {
        long seed = System.nanoTime();
        System.out.println("MurmurHash64ATest seed " + seed);
        Random random = new Random(seed);
        byte[] data = new byte[40];
        random.nextBytes(data);
        Set<Long> seen = new HashSet<>();
        for (int len = 0; len <= 24; len++) {
            byte[] copy = java.util.Arrays.copyOfRange(data, 5, 5 + len);
            long inPlace = MurmurHash64A.hash(data, 5, len, MurmurHash64A.HLL_SEED);
            assertThat(inPlace).isEqualTo(MurmurHash64A.hash(copy, 0, len, MurmurHash64A.HLL_SEED));
            assertThat(seen.add(inPlace)).as("length %d collides", len).isTrue();
        }
    }

    @Test
    void theSeedIsAn32BitUnsignedValue() {
        byte[] b = {1, 2, 3};
        assertThat(MurmurHash64A.hash(b, 0, 3, 0xadc83b19L))
                .isEqualTo(MurmurHash64A.hash(b, 0, 3, 0xffffffff_adc83b19L))
                .isNotEqualTo(MurmurHash64A.hash(b, 0, 3, 0));
    }
}
