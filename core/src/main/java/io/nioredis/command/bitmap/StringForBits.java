package io.nioredis.command.bitmap;

import io.nioredis.command.Errors;
import io.nioredis.command.Lookup;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;

/**
 * Redis's lookupStringForBitCommand for SETBIT and BITFIELD: the string at a key, created or grown with zero bytes
 * so that it holds at least the bytes the command writes, ready to be changed in place. A string's value
 * belongs to its key alone (no reply or other key shares its bytes), so the bits are written straight into it.
 *
 * <p>One instance per command, reused: after {@link #lookupOrReply} the fields describe the value.
 */
final class StringForBits {
    private static final byte[] TOO_BIG = Errors.encode("ERR string exceeds maximum allowed size (proto-max-bulk-len)");
    /** Java's largest array, less room for the packed key. */
    private static final long MAX_VALUE_BYTES = Integer.MAX_VALUE - 8 - 1024;

    /** The array holding the value (its string entry's, see {@link Keyspace#stringArray}). */
    byte[] entry;
    /** Where the value starts in {@link #entry}. */
    int from;
    /** The value's length, after any growth. */
    int length;
    /** True when the key was created or the string grew: Redis then counts the command as a change. */
    boolean dirty;

    /**
     * Looks the key up for writing and makes its value at least {@code bytesNeeded} long; false after replying
     * WRONGTYPE for a key of another type.
     */
    boolean lookupOrReply(Keyspace keyspace, byte[] k, int koff, int klen, long bytesNeeded, RespWriter out) {
        int slot = keyspace.lookup(k, koff, klen);
        if (Lookup.checkType(keyspace, slot, byte[].class, out)) {
            return false;
        }
        if (bytesNeeded > MAX_VALUE_BYTES) {
            out.raw(TOO_BIG); // only when proto-max-bulk-len is set past what a Java array can hold
            return false;
        }
        if (slot < 0) {
            slot = keyspace.addZeroedString(k, koff, klen, (int) bytesNeeded, StringEntry.RAW);
            dirty = true;
        } else {
            dirty = keyspace.growString(slot, (int) bytesNeeded, StringEntry.RAW); // Redis's dbUnshareStringValue
        }
        entry = keyspace.stringArray(slot);
        int base = keyspace.stringBase(slot);
        from = StringEntry.valueOffset(entry, base);
        length = StringEntry.valueLength(entry, base);
        return true;
    }

    /** Drops the reference to the value, so that the reused instance keeps no key's string alive. */
    void release() {
        entry = null;
    }
}
