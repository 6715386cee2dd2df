package io.nioredis.value.stream;

import static io.nioredis.value.stream.StreamTestSupport.add;
import static io.nioredis.value.stream.StreamTestSupport.b;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A group keeps its memory figure as consumers and pending entries come and go, without walking its
 * consumers: after random reads, claims that move entries between consumers, acks and consumer deletions, it
 * is what a walk over everything adds up to.
 */
class ConsumerGroupMemoryTest {
    @Test
    void theKeptFigureIsWhatAWalkAddsUp() {
        Random random = new Random(3);
        Stream s = new Stream();
        for (int i = 1; i <= 5000; i++) {
            add(s, i + "-0", "f", "v");
        }
        ConsumerGroup g = s.createGroup(b("workers"), StreamId.MIN, 0);
        IdList delivered = new IdList();
        for (int op = 0; op < 4000; op++) {
            String name = "consumer-" + random.nextInt(40);
            switch (random.nextInt(6)) {
                case 0, 1, 2 -> {
                    Consumer c = g.consumer(b(name));
                    if (c == null) c = g.createConsumer(b(name), op);
                    g.readNew(c, 1 + random.nextInt(5), false, op, delivered);
                }
                case 3 -> {
                    long id = 1 + random.nextInt(5000);
                    g.claim(b(name), 0, List.of(new StreamId(id, 0)), ClaimOptions.NONE, op);
                }
                case 4 -> g.ack(1 + random.nextInt(5000), 0);
                default -> g.deleteConsumer(b(name));
            }
            assertThat(g.memoryUsage()).as("after op %d", op).isEqualTo(walked(g));
        }
        assertThat(g.consumerCount()).isPositive();
        assertThat(g.pendingCount()).isPositive();
    }

    private static long walked(ConsumerGroup g) {
        long bytes = 64 + g.name().length + 2 * 48L;
        bytes += g.store().bytes() + chunks(g.pending()) * PendingList.CHUNK_BYTES;
        List<Consumer> consumers = new ArrayList<>(g.consumers());
        for (Consumer c : consumers) {
            bytes += 40 + 32 + 48 + 16 + c.name().length + chunks(c.pending()) * PendingList.CHUNK_BYTES;
        }
        return bytes;
    }

    private static int chunks(Object pel) {
        return ((PendingList) pel).chunkCount();
    }
}
