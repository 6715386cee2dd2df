package io.nioredis.value;

import io.nioredis.text.Ascii;

/**
 * A reusable view of one set member's bytes, whichever way the set holds it: a range of a hashtable entry,
 * or the decimal digits of an intset element written into this view's own buffer. Filled by
 * {@link SetValue#member}; valid until the set changes or the view is filled again. One view per user, so
 * walking a set allocates nothing.
 */
public final class SetMember {
    private final byte[] digits = new byte[20];
    public byte[] array;
    public int offset;
    public int length;

    void bytes(byte[] array, int offset, int length) {
        this.array = array;
        this.offset = offset;
        this.length = length;
    }

    void integer(long v) {
        array = digits;
        offset = 0;
        length = Ascii.writeLong(digits, 0, v);
    }
}
