package io.nioredis.value.stream;

import java.util.Arrays;

/** A group or consumer name as a map key, ordered by unsigned bytes like Redis's radix tree. */
record NameKey(byte[] bytes) implements Comparable<NameKey> {
    @Override
    public int compareTo(NameKey o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
