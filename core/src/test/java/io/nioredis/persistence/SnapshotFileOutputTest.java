package io.nioredis.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileOutputTest {

    @Test
    void writesEveryChunkWholeAndInOrderWhateverItsLength(@TempDir Path dir) throws Exception {
        SnapshotFileOutput output = new SnapshotFileOutput(dir, "dump.rdb", "temp-1.rdb", SnapshotTarget.DUMP_FILE);
        output.open();
        Random random = new Random(7);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        // Around and across the direct buffer's 64 KB, and the first length bytes of a longer array.
        for (int length : new int[] {0, 1, 65_535, 65_536, 65_537, 150_000, 3}) {
            byte[] chunk = new byte[length + 10];
            random.nextBytes(chunk);
            output.write(chunk, length);
            expected.write(chunk, 0, length);
        }
        // The same arrays again, as the writer thread's buffers come back: shorter, longer, after another.
        byte[] first = new byte[1000];
        byte[] second = new byte[1000];
        for (int length : new int[] {800, 20, 1000}) {
            for (byte[] chunk : new byte[][] {first, first, second}) {
                random.nextBytes(chunk);
                output.write(chunk, length);
                expected.write(chunk, 0, length);
            }
        }
        output.commit();
        assertThat(Files.readAllBytes(dir.resolve("dump.rdb"))).isEqualTo(expected.toByteArray());
        assertThat(dir.resolve("temp-1.rdb")).doesNotExist();
    }
}
