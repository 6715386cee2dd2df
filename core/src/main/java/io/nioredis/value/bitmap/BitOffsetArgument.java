package io.nioredis.value.bitmap;

import io.nioredis.text.Ascii;

/**
 * The bit offset argument of GETBIT, SETBIT and BITFIELD, parsed as Redis's getBitOffsetFromArgument: a decimal
 * integer (Redis's strict string2ll: no sign '+', no leading zeros, no spaces), not negative, whose byte lies
 * below proto-max-bulk-len. BITFIELD also takes "#n", meaning n times the field's width.
 */
public final class BitOffsetArgument {
    /** Redis's default proto-max-bulk-len (512 MB): the largest string a bit offset may reach into. */
    public static final long DEFAULT_MAX_BULK_LENGTH = 512L * 1024 * 1024;


    /** A GETBIT/SETBIT offset, or -1 when Redis replies "bit offset is not an integer or out of range". */
    public static long parse(byte[] arg) {
        return parse(arg, 0, DEFAULT_MAX_BULK_LENGTH);
    }

    /**
     * A bit offset, or -1 when Redis replies its bit offset error.
     *
     * @param fieldBits     the BITFIELD field width, to accept the "#n" form (n * fieldBits); 0 refuses that form
     * @param maxBulkLength proto-max-bulk-len; offsets whose byte is at or past it are refused (a master or the AOF
     *                      is not limited: pass Long.MAX_VALUE)
     */
    public static long parse(byte[] arg, int fieldBits, long maxBulkLength) {
        return parse(arg, 0, arg.length, fieldBits, maxBulkLength);
    }

    /** As {@link #parse(byte[], int, long)}, for the argument {@code a[off, off + len)}. */
    public static long parse(byte[] a, int off, int len, int fieldBits, long maxBulkLength) {
        boolean multiplied = len > 0 && a[off] == '#' && fieldBits > 0;
        int from = multiplied ? off + 1 : off;
        if (!Ascii.isLong(a, from, off + len - from)) {
            return -1;
        }
        long offset = Ascii.parseLong(a, from, off + len - from);
        if (multiplied) {
            offset *= fieldBits; // wraps on overflow like the C multiplication, and then fails the sign test
        }
        if (offset < 0 || (offset >> 3) >= maxBulkLength) {
            return -1;
        }
        return offset;
    }

    private BitOffsetArgument() {
    }
}
