package io.nioredis.replication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReplicationBacklogTest {
    @Test
    void anEmptyBacklogStartsAfterTheOffsetItWasMadeAt() {
        ReplicationBacklog b = new ReplicationBacklog(16, 78);
        assertThat(b.firstByteOffset()).isEqualTo(79); // Redis: repl_backlog_first_byte_offset = offset + 1
        assertThat(b.histlen()).isZero();
        assertThat(b.holdsFrom(79)).isFalse();
    }

    @Test
    void randomAppendsKeepTheNewestBytesAsAStreamModelDoes() {
        long seed = new Random().nextLong();
        System.out.println("ReplicationBacklogTest seed " + seed);
        Random random = new Random(seed);
        ReplicationBacklog b = new ReplicationBacklog(1 + random.nextInt(300), 0);
        ByteArrayOutputStream model = new ByteArrayOutputStream();
        long held = 0; // a shrink loses history that a later growth does not bring back
        for (int i = 0; i < 2000; i++) {
            if (random.nextInt(50) == 0) {
                b.resize(1 + random.nextInt(300));
                held = Math.min(held, b.size());
            }
            byte[] chunk = new byte[random.nextInt(random.nextBoolean() ? 20 : 400)];
            random.nextBytes(chunk);
            int off = chunk.length == 0 ? 0 : random.nextInt(chunk.length);
            b.append(chunk, off, chunk.length - off);
            model.write(chunk, off, chunk.length - off);
            byte[] all = model.toByteArray();
            long end = all.length;
            held = Math.min(held + chunk.length - off, b.size());
            assertThat(b.histlen()).as("seed %d", seed).isEqualTo(held);
            assertThat(b.firstByteOffset()).isEqualTo(end - b.histlen() + 1);
            if (b.histlen() > 0) {
                long from = b.firstByteOffset() + random.nextInt((int) b.histlen() + 1);
                assertThat(b.holdsFrom(from)).isTrue();
                assertThat(b.copyFrom(from)).as("seed %d", seed)
                        .isEqualTo(Arrays.copyOfRange(all, (int) from - 1, all.length));
                assertThat(b.holdsFrom(b.firstByteOffset() - 1)).isFalse();
                assertThat(b.holdsFrom(end + 2)).isFalse();
            }
        }
    }
}
