package io.nioredis.config;

/**
 * {@code proto-max-bulk-len} as a plain field kept current by a config listener: the largest string a command
 * may build or address (APPEND, SETRANGE, SETBIT, GETBIT, BITFIELD), read on every such call, where looking
 * the setting up by name and parsing its text cost as much as the rest of a GETBIT.
 */
public final class BulkLimit implements Config.Listener {
    private static final String NAME = "proto-max-bulk-len";

    public long maxBulkLength;

    private final Config config;

    BulkLimit(Config config) {
        this.config = config;
        maxBulkLength = config.getLong(NAME);
        config.addListener(this);
    }

    @Override
    public void changed(String name) {
        if (name.equals(NAME)) {
            maxBulkLength = config.getLong(NAME);
        }
    }
}
