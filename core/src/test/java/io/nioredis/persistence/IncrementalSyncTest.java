package io.nioredis.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncrementalSyncTest {
    @Test
    void syncsEveryFourMegabytesWrittenWithWhatCameBeforeAlreadyOut() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<Integer> syncedAt = new ArrayList<>();
        IncrementalSync out = new IncrementalSync(file, Persistence.AUTOSYNC_BYTES, () -> syncedAt.add(file.size()));
        byte[] chunk = new byte[1024 * 1024 + 7];
        for (int i = 0; i < 10; i++) {
            out.write(chunk, 0, chunk.length);
        }
        out.write(1);
        assertThat(file.size()).isEqualTo(10 * chunk.length + 1);
        assertThat(syncedAt).containsExactly(4 * chunk.length, 8 * chunk.length);
    }

    @Test
    void zeroNeverSyncs() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        List<Integer> syncedAt = new ArrayList<>();
        IncrementalSync out = new IncrementalSync(file, 0, () -> syncedAt.add(file.size()));
        out.write(new byte[9 * 1024 * 1024], 0, 9 * 1024 * 1024);
        assertThat(syncedAt).isEmpty();
        assertThat(file.size()).isEqualTo(9 * 1024 * 1024);
    }
}
