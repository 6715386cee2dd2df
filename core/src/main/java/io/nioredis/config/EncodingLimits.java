package io.nioredis.config;

/**
 * The thresholds below which Redis keeps a small value in its compact encoding (listpack, intset), as plain
 * fields kept current by a config listener so a value type can read them on every write without parsing.
 * Redis reports a value's encoding in OBJECT ENCODING and converts when a threshold is crossed.
 */
public final class EncodingLimits implements Config.Listener {
    public long hashMaxListpackEntries;
    public long hashMaxListpackValue;
    public long setMaxIntsetEntries;
    public long zsetMaxListpackEntries;
    public long zsetMaxListpackValue;
    /** Positive: entries per list node; -1 to -5: node size limits of 4kb to 64kb, as Redis. */
    public int listMaxListpackSize;
    public int listCompressDepth;
    public long streamNodeMaxBytes;
    public long streamNodeMaxEntries;
    public long hllSparseMaxBytes;

    private final Config config;

    EncodingLimits(Config config) {
        this.config = config;
        changed("");
        config.addListener(this);
    }

    @Override
    public void changed(String name) {
        hashMaxListpackEntries = config.getLong("hash-max-listpack-entries");
        hashMaxListpackValue = config.getLong("hash-max-listpack-value");
        setMaxIntsetEntries = config.getLong("set-max-intset-entries");
        zsetMaxListpackEntries = config.getLong("zset-max-listpack-entries");
        zsetMaxListpackValue = config.getLong("zset-max-listpack-value");
        listMaxListpackSize = (int) config.getLong("list-max-listpack-size");
        listCompressDepth = (int) config.getLong("list-compress-depth");
        streamNodeMaxBytes = config.getLong("stream-node-max-bytes");
        streamNodeMaxEntries = config.getLong("stream-node-max-entries");
        hllSparseMaxBytes = config.getLong("hll-sparse-max-bytes");
    }
}
