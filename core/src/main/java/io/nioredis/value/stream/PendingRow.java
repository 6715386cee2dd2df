package io.nioredis.value.stream;

/** One row of the extended XPENDING: id, owner, milliseconds since last delivery, delivery count. */
public record PendingRow(StreamId id, byte[] consumer, long idle, long deliveryCount) {}
