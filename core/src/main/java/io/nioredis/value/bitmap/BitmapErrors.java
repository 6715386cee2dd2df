package io.nioredis.value.bitmap;

/**
 * The error replies of the bit commands, spelled exactly as Redis 7.0 spells them (without the leading '-').
 * They are to move into the central error table when this package is wired to the command layer.
 */
public final class BitmapErrors {
    /** A GETBIT/SETBIT/BITFIELD offset that is not a non-negative integer below 2^32 (512 MB of bits). */
    public static final String BIT_OFFSET = "ERR bit offset is not an integer or out of range";
    /** SETBIT's value other than 0 or 1. */
    public static final String BIT_VALUE = "ERR bit is not an integer or out of range";
    /** BITPOS's bit argument other than 0 or 1. */
    public static final String BITPOS_BIT = "ERR The bit argument must be 1 or 0.";
    public static final String BITFIELD_TYPE =
            "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is.";
    public static final String BITFIELD_OVERFLOW = "ERR Invalid OVERFLOW type specified";
    public static final String BITFIELD_RO_WRITE = "ERR BITFIELD_RO only supports the GET subcommand";
    public static final String BITOP_NOT_ARITY = "ERR BITOP NOT must be called with a single source key.";

    private BitmapErrors() {
    }
}
