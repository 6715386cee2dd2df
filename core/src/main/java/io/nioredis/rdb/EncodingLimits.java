package io.nioredis.rdb;

/**
 * The configuration that decides which compact encoding Redis would hold a value in, and so which RDB
 * type it writes. Defaults are Redis 7.0's.
 *
 * @param listMaxListpackSize list-max-listpack-size: negative -1..-5 for 4/8/16/32/64 KB per quicklist
 *     node, positive for a maximum element count per node (with an 8 KB safety limit)
 * @param listPackedThreshold elements this many bytes or longer get a quicklist node of their own
 *     (a "plain" node); Redis's packed_threshold, 1 GB unless changed with DEBUG
 * @param setMaxIntsetEntries set-max-intset-entries
 * @param hashMaxListpackEntries hash-max-listpack-entries
 * @param hashMaxListpackValue hash-max-listpack-value
 * @param zsetMaxListpackEntries zset-max-listpack-entries
 * @param zsetMaxListpackValue zset-max-listpack-value
 */
public record EncodingLimits(
        int listMaxListpackSize,
        long listPackedThreshold,
        int setMaxIntsetEntries,
        int hashMaxListpackEntries,
        int hashMaxListpackValue,
        int zsetMaxListpackEntries,
        int zsetMaxListpackValue) {

    public static final EncodingLimits DEFAULTS = new EncodingLimits(-2, 1L << 30, 512, 512, 64, 128, 64);
}
