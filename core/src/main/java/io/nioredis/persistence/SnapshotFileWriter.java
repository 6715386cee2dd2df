package io.nioredis.persistence;

import io.nioredis.rdb.Crc64;
import io.nioredis.rdb.RdbStreamWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The disk half of a background save, on a thread of its own: takes the chunks the loop serializes, keeps
 * the running CRC-64, writes them to the temporary file and, after the last one, appends the checksum,
 * fsyncs and renames (see {@link RdbFileStore}). The loop never waits for it: it hands chunks over with
 * {@link #offer}, which never blocks, and throttles its own serializing on {@link #queued} instead, so the
 * chunks in flight stay bounded. The outcome is null on success, else the line to log.
 */
final class SnapshotFileWriter {
    private static final byte[] END = new byte[0];
    private static final byte[] ABORT = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final CompletableFuture<String> outcome = new CompletableFuture<>();
    private final Path dir;
    private final String fileName;
    private final String tempName;
    private final boolean checksum;

    SnapshotFileWriter(Path dir, String fileName, String tempName, boolean checksum) {
        this.dir = dir;
        this.fileName = fileName;
        this.tempName = tempName;
        this.checksum = checksum;
    }

    void start() {
        Thread thread = new Thread(this::run, "nioredis-rdb-writer");
        thread.setDaemon(true);
        thread.start();
    }

    CompletableFuture<String> outcome() {
        return outcome;
    }

    /** Hands a chunk of the file over; never blocks. */
    void offer(byte[] chunk) {
        if (chunk.length > 0) {
            chunks.add(chunk);
        }
    }

    /** Every chunk has been offered: the file ends here. */
    void end() {
        chunks.add(END);
    }

    /** The save is abandoned: the temporary file is removed and the previous file stays. */
    void abort() {
        chunks.add(ABORT);
    }

    /** Chunks handed over and not written yet. */
    int queued() {
        return chunks.size();
    }

    private void run() {
        try {
            outcome.complete(writeAll());
        } catch (InterruptedException e) {
            outcome.complete("Background saving interrupted");
        } catch (RuntimeException | Error e) {
            outcome.complete("Write error saving DB on disk: " + e);
        }
    }

    private String writeAll() throws InterruptedException {
        FileChannel channel;
        try {
            channel = RdbFileStore.openTemp(dir, tempName);
        } catch (RdbFileStore.SaveFailure e) {
            chunks.clear();
            return e.getMessage();
        }
        long crc = 0;
        try {
            while (true) {
                byte[] chunk = chunks.take();
                if (chunk == ABORT) {
                    RdbFileStore.discard(channel, dir, tempName);
                    return "Background saving aborted";
                }
                if (chunk == END) {
                    RdbFileStore.append(channel, RdbStreamWriter.trailer(checksum ? crc : 0));
                    break;
                }
                if (checksum) {
                    crc = Crc64.update(crc, chunk, 0, chunk.length);
                }
                RdbFileStore.append(channel, chunk);
            }
        } catch (IOException e) {
            RdbFileStore.discard(channel, dir, tempName);
            chunks.clear();
            return RdbFileStore.writeError(e).getMessage();
        }
        try {
            RdbFileStore.commit(channel, dir, fileName, tempName);
            return null;
        } catch (RdbFileStore.SaveFailure e) {
            return e.getMessage();
        }
    }
}
