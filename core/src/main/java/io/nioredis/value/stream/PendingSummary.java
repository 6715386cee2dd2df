package io.nioredis.value.stream;

import java.util.List;

/**
 * The reply of XPENDING key group: the count, the smallest and largest pending ids (null when none)
 * and, per consumer with pending entries in name order, how many it owns.
 */
public record PendingSummary(long count, StreamId smallest, StreamId largest, List<ConsumerCount> consumers) {
    public record ConsumerCount(byte[] name, long pending) {}
}
