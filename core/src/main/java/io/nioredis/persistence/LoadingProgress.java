package io.nioredis.persistence;

/**
 * How far a load that clients can watch has got (a replica loading its master's snapshot): Redis's
 * loading_start_time, loading_total_bytes, loading_rdb_used_mem and loading_loaded_bytes, from which INFO
 * works out the percentage and the time left as Redis's genRedisInfoString does.
 */
public final class LoadingProgress {
    private long startSeconds;
    private long totalBytes;
    private long rdbUsedMemory;
    private long loadedBytes;
    /** Serves clients between keys (the event loop's nested pass), as Redis's processEventsWhileBlocked. */
    private final Runnable events;

    LoadingProgress(Runnable events) {
        this.events = events;
    }

    /** Redis's startLoading: the figures start again for a load of {@code totalBytes}. */
    void start(long nowSeconds, long totalBytes) {
        this.startSeconds = nowSeconds;
        this.totalBytes = totalBytes;
        this.rdbUsedMemory = 0;
        this.loadedBytes = 0;
    }

    /** The snapshot's used-mem AUX field: the memory its writer had, a hint at what the load will take. */
    void rdbUsedMemory(long bytes) {
        rdbUsedMemory = bytes;
    }

    /** Redis's rdbLoadProgressCallback: records where the load is and lets the clients in. */
    void advance(long bytesLoaded) {
        loadedBytes = bytesLoaded;
        events.run();
    }

    public long startSeconds() {
        return startSeconds;
    }

    public long totalBytes() {
        return totalBytes;
    }

    public long rdbUsedMemory() {
        return rdbUsedMemory;
    }

    public long loadedBytes() {
        return loadedBytes;
    }

    /** loading_loaded_perc, 0 while the size is unknown. */
    public double loadedPercent() {
        return totalBytes == 0 ? 0 : (double) loadedBytes / totalBytes * 100;
    }

    /** loading_eta_seconds: the time so far scaled by the bytes left; 1 in the first second, as Redis. */
    public long etaSeconds(long nowSeconds) {
        long remaining = totalBytes == 0 ? 1 : totalBytes - loadedBytes;
        long elapsed = nowSeconds - startSeconds;
        return elapsed == 0 ? 1 : elapsed * remaining / (loadedBytes + 1);
    }
}
