package io.nioredis.value.bitmap;

/**
 * BITFIELD's GET, SET and INCRBY on one field: an integer of 1 to 64 bits at any bit offset, most significant bit
 * first (the SETBIT numbering), with Redis 7.0's overflow arithmetic.
 *
 * <p>The command layer parses all subcommands first, grows the string once to the farthest bit any SET or INCRBY
 * reaches ({@link #bytesNeeded}; Redis grows it even when OVERFLOW FAIL then writes nothing), and runs the
 * operations in order. To tell whether a write changed the string (for dirty counts and notifications), compare
 * {@link #get} before and after.
 */
public final class Bitfield {

    /** GET: the field at {@code offset}; bits past the end of the string read as 0. */
    public static long get(byte[] value, int from, int length, BitfieldType type, long offset) {
        long raw = getUnsigned(value, from, length, offset, type.bits());
        return type.signed() ? signExtend(raw, type.bits()) : raw;
    }

    /**
     * SET: writes {@code newValue} (wrapped or saturated into the type by {@code overflow}) and returns the field's
     * previous value, or null when OVERFLOW FAIL refuses the value (the string is then left as it is).
     */
    public static Long set(byte[] value, int from, int length, BitfieldType type, long offset, long newValue,
                           BitfieldOverflow overflow) {
        int bits = type.bits();
        long old = get(value, from, length, type, offset);
        long stored;
        if (type.signed()) {
            int o = signedOverflow(newValue, 0, bits);
            if (o != 0 && overflow == BitfieldOverflow.FAIL) {
                return null;
            }
            stored = o == 0 ? newValue : signedLimit(newValue, 0, bits, o, overflow);
        } else {
            int o = unsignedOverflow(newValue, 0, bits);
            if (o != 0 && overflow == BitfieldOverflow.FAIL) {
                return null;
            }
            stored = o == 0 ? newValue : unsignedLimit(newValue, 0, bits, o, overflow);
        }
        put(value, from, offset, bits, stored);
        return old;
    }

    /**
     * INCRBY: adds {@code increment} to the field (wrapping or saturating by {@code overflow}) and returns the new
     * value, or null when OVERFLOW FAIL refuses the result (the string is then left as it is).
     */
    public static Long incrBy(byte[] value, int from, int length, BitfieldType type, long offset, long increment,
                              BitfieldOverflow overflow) {
        int bits = type.bits();
        long old = get(value, from, length, type, offset);
        int o = type.signed() ? signedOverflow(old, increment, bits) : unsignedOverflow(old, increment, bits);
        if (o != 0 && overflow == BitfieldOverflow.FAIL) {
            return null;
        }
        long result;
        if (o == 0) {
            result = old + increment;
        } else if (type.signed()) {
            result = signedLimit(old, increment, bits, o, overflow);
        } else {
            result = unsignedLimit(old, increment, bits, o, overflow);
        }
        put(value, from, offset, bits, result);
        return result;
    }

    /** The string length a SET or INCRBY of {@code bits} bits at {@code offset} needs. */
    public static long bytesNeeded(long offset, int bits) {
        return ((offset + bits - 1) >>> 3) + 1;
    }

    /** The raw bits of the field, zero padded past {@code length}. */
    static long getUnsigned(byte[] value, int from, int length, long offset, int bits) {
        long v = 0;
        for (int j = 0; j < bits; j++, offset++) {
            long index = offset >>> 3;
            int bit = index < length ? (value[from + (int) index] >> (7 - (int) (offset & 7))) & 1 : 0;
            v = (v << 1) | bit;
        }
        return v;
    }

    /** Writes the low {@code bits} bits of {@code v} at {@code offset}. */
    static void put(byte[] value, int from, long offset, int bits, long v) {
        for (int j = 0; j < bits; j++, offset++) {
            int bit = (int) (v >>> (bits - 1 - j)) & 1;
            int index = from + (int) (offset >>> 3);
            int shift = 7 - (int) (offset & 7);
            value[index] = (byte) ((value[index] & ~(1 << shift)) | (bit << shift));
        }
    }

    private static long signExtend(long raw, int bits) {
        return bits == 64 ? raw : (raw << (64 - bits)) >> (64 - bits);
    }

    /** Redis's checkUnsignedBitfieldOverflow: 1 on overflow, -1 on underflow, 0 when value + incr fits. */
    private static int unsignedOverflow(long value, long incr, int bits) {
        long max = (1L << bits) - 1; // bits <= 63
        long maxIncr = max - value;
        long minIncr = -value;
        if (Long.compareUnsigned(value, max) > 0 || (incr > 0 && incr > maxIncr)) {
            return 1;
        }
        if (incr < 0 && incr < minIncr) {
            return -1;
        }
        return 0;
    }

    private static long unsignedLimit(long value, long incr, int bits, int direction, BitfieldOverflow overflow) {
        if (overflow == BitfieldOverflow.SAT) {
            return direction > 0 ? (1L << bits) - 1 : 0;
        }
        return (value + incr) & ~(-1L << bits);
    }

    /** Redis's checkSignedBitfieldOverflow: 1 on overflow, -1 on underflow, 0 when value + incr fits. */
    private static int signedOverflow(long value, long incr, int bits) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        long min = -max - 1;
        long maxIncr = max - value; // may wrap; only compared once value is known to be in range, as in Redis
        long minIncr = min - value;
        if (value > max || (bits != 64 && incr > maxIncr) || (value >= 0 && incr > 0 && incr > maxIncr)) {
            return 1;
        }
        if (value < min || (bits != 64 && incr < minIncr) || (value < 0 && incr < 0 && incr < minIncr)) {
            return -1;
        }
        return 0;
    }

    private static long signedLimit(long value, long incr, int bits, int direction, BitfieldOverflow overflow) {
        long max = bits == 64 ? Long.MAX_VALUE : (1L << (bits - 1)) - 1;
        if (overflow == BitfieldOverflow.SAT) {
            return direction > 0 ? max : -max - 1;
        }
        return signExtend(value + incr, bits); // wrap: keep the low bits, their top bit is the sign
    }

    private Bitfield() {
    }
}
