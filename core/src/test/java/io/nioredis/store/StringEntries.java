package io.nioredis.store;

/** String entries in arrays of their own (base 0), as a keyspace keeps a string too big for its arena. */
public final class StringEntries {
    private StringEntries() {}

    public static byte[] create(byte[] k, int koff, int klen, byte[] v, int voff, int vlen, int made) {
        byte[] e = new byte[StringEntry.size(klen, vlen)];
        System.arraycopy(v, voff, e, StringEntry.write(e, 0, k, koff, klen, vlen, made), vlen);
        return e;
    }
}
