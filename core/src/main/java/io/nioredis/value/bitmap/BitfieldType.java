package io.nioredis.value.bitmap;

import io.nioredis.text.Ascii;

/**
 * A BITFIELD field type: signed i1..i64 or unsigned u1..u63 (Redis refuses u64, whose values could not all be
 * replied as a signed 64-bit integer).
 */
public record BitfieldType(boolean signed, int bits) {

    public BitfieldType {
        if (bits < 1 || bits > (signed ? 64 : 63)) {
            throw new IllegalArgumentException((signed ? "i" : "u") + bits);
        }
    }

    /** The type named by a BITFIELD argument such as "i16" or "u8", or null for Redis's "Invalid bitfield type" error. */
    public static BitfieldType parse(byte[] arg) {
        if (arg.length < 2 || (arg[0] != 'i' && arg[0] != 'u')) {
            return null;
        }
        boolean signed = arg[0] == 'i';
        long bits = Ascii.isLong(arg, 1, arg.length - 1) ? Ascii.parseLong(arg, 1, arg.length - 1) : -1;
        if (bits < 1 || bits > (signed ? 64 : 63)) {
            return null;
        }
        return new BitfieldType(signed, (int) bits);
    }

    @Override
    public String toString() {
        return (signed ? "i" : "u") + bits;
    }
}
