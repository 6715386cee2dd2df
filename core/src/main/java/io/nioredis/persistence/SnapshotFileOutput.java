package io.nioredis.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** A snapshot written to {@code dir}/{@code tempName}, fsynced and renamed to {@code fileName} (see {@link RdbFileStore}). */
final class SnapshotFileOutput implements SnapshotOutput {
    private final Path dir;
    private final String fileName;
    private final String tempName;
    private final SnapshotTarget target;
    private FileChannel channel;
    /**
     * The last array written and its wrapper: the writer thread writes from the same few buffers over and
     * over (its compressed output's, or the recycled chunks), so one wrapper each is reused.
     */
    private byte[] wrapped;
    private ByteBuffer wrapper;

    SnapshotFileOutput(Path dir, String fileName, String tempName, SnapshotTarget target) {
        this.dir = dir;
        this.fileName = fileName;
        this.tempName = tempName;
        this.target = target;
    }

    @Override
    public void open() throws RdbFileStore.SaveFailure {
        channel = RdbFileStore.openTemp(dir, tempName, target);
    }

    @Override
    public void write(byte[] bytes, int length) throws IOException {
        if (bytes != wrapped) {
            wrapped = bytes;
            wrapper = ByteBuffer.wrap(bytes);
        }
        wrapper.clear().limit(length);
        while (wrapper.hasRemaining()) {
            channel.write(wrapper);
        }
    }

    @Override
    public void sync() throws IOException {
        channel.force(false); // so the final fsync does not meet a mountain of dirty pages
    }

    @Override
    public void commit() throws RdbFileStore.SaveFailure {
        RdbFileStore.commit(channel, dir, fileName, tempName, target);
    }

    @Override
    public void discard() {
        if (channel != null) {
            RdbFileStore.discard(channel, dir, tempName);
        }
    }
}
