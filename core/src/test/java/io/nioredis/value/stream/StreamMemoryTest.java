package io.nioredis.value.stream;

import static io.nioredis.value.stream.StreamTestSupport.b;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Prints bytes per entry for 1M entries of three small fields (a=i, b=i*7%1000, c=val, 1000 ids per
 * millisecond), the same load Redis 7.0.15 took at about 25.8 bytes per entry (INFO used_memory delta;
 * MEMORY USAGE said 29.5). Printed, not asserted: heap measurements vary with the collector.
 */
class StreamMemoryTest {

    @Test
    void printsBytesPerEntry() {
        int n = 1_000_000;
        long heapBefore = usedHeap();
        Stream s = new Stream();
        byte[][] pairs = {b("a"), null, b("b"), null, b("c"), b("val")};
        for (int i = 0; i < n; i++) {
            pairs[1] = b(Integer.toString(i));
            pairs[3] = b(Integer.toString(i * 7 % 1000));
            s.add(XaddId.explicit(1_700_000_000_000L + i / 1000, i % 1000), pairs, 0, 3, 0, NodeLimits.DEFAULT);
        }
        long heapAfter = usedHeap();
        assertThat(s.length()).isEqualTo(n);
        assertThat(s.nodeCount()).isEqualTo(10_000); // Redis: radix-tree-keys 10000
        System.out.printf("stream memory: %d entries, memoryUsage() %.1f bytes/entry, measured heap %.1f bytes/entry"
                        + " (Redis 7.0.15: 25.8 by used_memory, 29.5 by MEMORY USAGE)%n",
                n, s.memoryUsage() / (double) n, (heapAfter - heapBefore) / (double) n);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
