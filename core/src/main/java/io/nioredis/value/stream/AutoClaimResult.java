package io.nioredis.value.stream;

/**
 * The reply of XAUTOCLAIM in 7.0: the cursor for the next call (0-0 when the PEL was scanned to its
 * end), the claimed ids (the caller emits their entries unless JUSTID) and the ids that were pending
 * but no longer exist in the stream, which the call removed from the PEL.
 */
public record AutoClaimResult(StreamId next, IdList claimed, IdList deleted) {}
