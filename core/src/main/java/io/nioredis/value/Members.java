package io.nioredis.value;

/**
 * A value made of distinct members addressed by their bytes: a hash's fields, a set's members, a sorted
 * set's members. HDEL, SREM and ZREM remove through it alike.
 */
public interface Members {
    /** Removes the member if present; true if it was there. */
    boolean remove(byte[] b, int off, int len);
}
