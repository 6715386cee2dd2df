package io.nioredis.aof;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * The background fsync of {@code appendfsync everysec} (Redis's bio fsync job): the loop hands it the file
 * at most once a second and never waits for it. A failed fsync is kept for the loop to see, which refuses
 * writes as Redis does on an AOF fsync error.
 */
final class AofFsyncer {
    private final Thread thread;
    private FileChannel requested;
    private boolean busy;
    private volatile String failure;
    private boolean stopped;

    AofFsyncer() {
        thread = new Thread(this::run, "nioredis-aof-fsync");
        thread.setDaemon(true);
        thread.start();
    }

    /** True while an fsync asked for earlier has not finished (Redis's aof_pending_bio_fsync). */
    synchronized boolean pending() {
        return busy || requested != null;
    }

    /** Asks for an fsync of {@code file}; false (and nothing asked) if one is still pending. */
    synchronized boolean request(FileChannel file) {
        if (busy || requested != null) {
            return false;
        }
        requested = file;
        notifyAll();
        return true;
    }

    /** The reason the last background fsync failed, or null; cleared by a later success. */
    String failure() {
        return failure;
    }

    /** Waits for a pending fsync (before the file is closed or switched). */
    synchronized void drain() {
        while (busy || requested != null) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    synchronized void stop() {
        stopped = true;
        notifyAll();
    }

    private void run() {
        while (true) {
            FileChannel file;
            synchronized (this) {
                while (requested == null && !stopped) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopped) {
                    return;
                }
                file = requested;
                requested = null;
                busy = true;
            }
            try {
                file.force(false);
                failure = null;
            } catch (java.nio.channels.ClosedChannelException e) {
                // the file was switched or closed meanwhile, and synced by whoever closed it
            } catch (IOException e) {
                failure = AofFiles.reason(e);
            }
            synchronized (this) {
                busy = false;
                notifyAll();
            }
        }
    }
}
