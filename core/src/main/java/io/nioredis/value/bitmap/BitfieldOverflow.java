package io.nioredis.value.bitmap;

/**
 * BITFIELD's OVERFLOW policy for SET and INCRBY results that do not fit the field: WRAP around (the default),
 * SATurate at the type's limit, or FAIL (nothing is written and the reply is nil).
 */
public enum BitfieldOverflow {
    WRAP, SAT, FAIL;

    /** The policy named by OVERFLOW's argument (any case), or null for Redis's "Invalid OVERFLOW type" error. */
    public static BitfieldOverflow parse(byte[] name) {
        for (BitfieldOverflow o : values()) {
            if (AsciiCase.equalsIgnoreCase(name, o.name())) {
                return o;
            }
        }
        return null;
    }
}
