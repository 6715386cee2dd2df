package io.nioredis.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotReceptionTest {
    private static final String MARK = "0123456789abcdef0123456789abcdef01234567";
    private static final String STREAM = "*1\r\n$4\r\nPING\r\n";

    @TempDir
    Path dir;

    private static byte[] payload() {
        byte[] b = new byte[300];
        new Random(7).nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds {@code frame} in two pieces split at {@code split}; returns the bytes left after DONE. */
    private String receiveSplit(byte[] frame, int split, Path file, boolean expectEof) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            SnapshotReception reception = new SnapshotReception(channel);
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            boolean done = false;
            for (int[] piece : new int[][] {{0, split}, {split, frame.length}}) {
                ByteBuffer in = ByteBuffer.wrap(frame, piece[0], piece[1] - piece[0]).slice();
                while (!done && in.hasRemaining()) {
                    SnapshotReception.Progress p = reception.receive(in);
                    done = p == SnapshotReception.Progress.DONE;
                    if (p == SnapshotReception.Progress.MORE && in.hasRemaining()) {
                        throw new AssertionError("MORE with bytes left");
                    }
                }
                if (done) {
                    rest.writeBytes(java.util.Arrays.copyOfRange(in.array(), in.arrayOffset() + in.position(),
                            in.arrayOffset() + in.limit()));
                }
            }
            assertThat(done).as("split at %d", split).isTrue();
            assertThat(reception.eofFramed()).isEqualTo(expectEof);
            return rest.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void lengthFramedPayloadSplitAtEveryByteEndsWhereTheStreamStarts() throws IOException {
        byte[] frame = concat(ascii("$300\r\n"), payload(), ascii(STREAM));
        for (int split = 0; split <= frame.length; split++) {
            Path file = dir.resolve("len-" + split);
            assertThat(receiveSplit(frame, split, file, false)).as("split at %d", split).isEqualTo(STREAM);
            assertThat(Files.readAllBytes(file)).as("split at %d", split).isEqualTo(payload());
        }
    }

    @Test
    void eofFramedPayloadSplitAtEveryByteLosesItsMark() throws IOException {
        byte[] frame = concat(ascii("$EOF:" + MARK + "\r\n"), payload(), ascii(MARK));
        for (int split = 0; split <= frame.length; split++) {
            Path file = dir.resolve("eof-" + split);
            assertThat(receiveSplit(frame, split, file, true)).isEmpty();
            assertThat(Files.readAllBytes(file)).as("split at %d", split).isEqualTo(payload());
        }
    }

    @Test
    void eofFramedPayloadByteByByte() throws IOException {
        byte[] frame = concat(ascii("\n\n$EOF:" + MARK + "\r\n"), payload(), ascii(MARK));
        Path file = dir.resolve("bytes");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            SnapshotReception reception = new SnapshotReception(channel);
            int keepalives = 0;
            SnapshotReception.Progress last = null;
            for (byte b : frame) {
                last = reception.receive(ByteBuffer.wrap(new byte[] {b}));
                if (last == SnapshotReception.Progress.KEEPALIVE) {
                    keepalives++;
                }
            }
            assertThat(keepalives).isEqualTo(2); // the master's newlines while it prepares the snapshot
            assertThat(last).isEqualTo(SnapshotReception.Progress.DONE);
            assertThat(reception.size()).isZero(); // master_sync_total_bytes with an EOF mark, as Redis shows it
            assertThat(reception.read()).isEqualTo(300 + 40);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(payload());
    }

    @Test
    void anErrorInsteadOfTheHeaderAbortsWithRedisLine() throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve("err"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            SnapshotReception reception = new SnapshotReception(channel);
            assertThatThrownBy(() -> reception.receive(ByteBuffer.wrap(ascii("-ERR no snapshot\r\n"))))
                    .isInstanceOf(IOException.class);
            assertThat(reception.error()).isEqualTo("MASTER aborted replication with an error: ERR no snapshot");
            SnapshotReception other = new SnapshotReception(channel);
            assertThatThrownBy(() -> other.receive(ByteBuffer.wrap(ascii("+PONG\r\n"))))
                    .isInstanceOf(IOException.class);
            assertThat(other.error()).isEqualTo("Bad protocol from MASTER, the first byte is not '$' (we received"
                    + " '+PONG'), are you sure the host and port are right?");
        }
    }
}
