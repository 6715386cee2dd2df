package io.nioredis.text;

import java.util.Arrays;

/**
 * A byte string as a hash-map key, for the small maps of watched keys and pub/sub channels. Stored keys
 * own a copy of their bytes; a lookup reuses one probe pointed at the request's bytes, so asking "is this
 * key watched?" allocates nothing.
 */
public final class BytesKey {
    private byte[] bytes;
    private int off;
    private int len;
    private int hash;

    private BytesKey() {}

    /** A key owning a copy of the bytes. */
    public static BytesKey copyOf(byte[] b, int off, int len) {
        BytesKey k = new BytesKey();
        k.point(Arrays.copyOfRange(b, off, off + len), 0, len);
        return k;
    }

    public static BytesKey probe() {
        return new BytesKey();
    }

    /** Re-aims a probe; only for lookups, never stored. */
    public BytesKey point(byte[] b, int off, int len) {
        this.bytes = b;
        this.off = off;
        this.len = len;
        int h = 1;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + b[i];
        }
        this.hash = h;
        return this;
    }

    /** The bytes; for stored keys the array is exactly the key. */
    public byte[] bytes() {
        return off == 0 && len == bytes.length ? bytes : Arrays.copyOfRange(bytes, off, off + len);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof BytesKey)) {
            return false;
        }
        BytesKey k = (BytesKey) o;
        return hash == k.hash && Arrays.equals(bytes, off, off + len, k.bytes, k.off, k.off + k.len);
    }
}
