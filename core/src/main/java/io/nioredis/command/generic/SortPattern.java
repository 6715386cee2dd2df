package io.nioredis.command.generic;

import io.nioredis.store.Keyspace;
import io.nioredis.store.StringEntry;
import io.nioredis.value.HashValue;

/**
 * A BY or GET pattern of SORT, as Redis's lookupKeyByPattern reads it: {@code #} is the element itself;
 * otherwise the first {@code *} is replaced by the element to name a string key, or with {@code ->field}
 * after the star a field of a hash. A pattern without a star names nothing. Like Redis, which treats the
 * pattern as a C string here, a NUL byte ends the search for {@code #}, {@code *} and {@code ->}.
 */
final class SortPattern {
    private final byte[] pattern;
    private final boolean self;
    /** Position of the star, -1 if none. */
    private final int star;
    /** Where the field name starts, -1 for a string-key pattern. */
    private final int field;
    private final int postfixLength;

    SortPattern(byte[] pattern) {
        this.pattern = pattern;
        int cLength = cLength(pattern);
        this.self = cLength == 1 && pattern[0] == '#';
        int s = -1;
        for (int i = 0; i < cLength; i++) {
            if (pattern[i] == '*') {
                s = i;
                break;
            }
        }
        this.star = s;
        int f = -1;
        if (s >= 0) {
            for (int i = s + 1; i + 2 < cLength; i++) {
                if (pattern[i] == '-' && pattern[i + 1] == '>') {
                    f = i + 2;
                    break;
                }
            }
        }
        this.field = f;
        int fieldLength = f < 0 ? 0 : pattern.length - f;
        this.postfixLength = s < 0 ? 0 : pattern.length - (s + 1) - (f < 0 ? 0 : fieldLength + 2);
    }

    /** True if the pattern has a star: BY without one means "do not sort". */
    boolean hasStar() {
        return star >= 0;
    }

    /** The value the pattern names for this element, or null (missing key, wrong type, no field). */
    byte[] lookup(Keyspace keyspace, byte[] element) {
        if (self) {
            return element;
        }
        if (star < 0) {
            return null;
        }
        byte[] key = new byte[star + element.length + postfixLength];
        System.arraycopy(pattern, 0, key, 0, star);
        System.arraycopy(element, 0, key, star, element.length);
        System.arraycopy(pattern, star + 1, key, star + element.length, postfixLength);
        int slot = keyspace.lookupRead(key, 0, key.length);
        if (slot < 0) {
            return null;
        }
        Object entry = keyspace.entry(slot);
        if (field < 0) {
            if (!(entry instanceof byte[])) {
                return null;
            }
            byte[] e = (byte[]) entry;
            int eb = keyspace.stringBase(slot);
            int off = StringEntry.valueOffset(e, eb);
            return java.util.Arrays.copyOfRange(e, off, off + StringEntry.valueLength(e, eb));
        }
        if (!(entry instanceof HashValue)) {
            return null;
        }
        HashValue hash = (HashValue) entry;
        int h = hash.find(pattern, field, pattern.length - field);
        if (h < 0) {
            return null;
        }
        int off = hash.valueOffset(h);
        return java.util.Arrays.copyOfRange(hash.valueArray(h), off, off + hash.valueLength(h));
    }

    private static int cLength(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return b.length;
    }
}
