package io.nioredis.cluster;

/**
 * Redis Cluster's key to hash slot mapping (cluster.c keyHashSlot, crc16.c): the low 14 bits of the
 * CRC16/XMODEM of the key, or of the part between the first '{' and the next '}' when that part is not
 * empty (a hash tag), so that related keys can be kept in one slot.
 */
public final class HashSlot {
    /** Redis Cluster's fixed number of hash slots. */
    public static final int COUNT = 16384;

    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int crc = i << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            TABLE[i] = crc & 0xFFFF;
        }
    }

    private HashSlot() {}

    /** The slot of the key {@code k[off, off + len)}. */
    public static int of(byte[] k, int off, int len) {
        int end = off + len;
        int open = off;
        while (open < end && k[open] != '{') {
            open++;
        }
        if (open == end) {
            return crc16(k, off, len) & (COUNT - 1);
        }
        int close = open + 1;
        while (close < end && k[close] != '}') {
            close++;
        }
        if (close == end || close == open + 1) {
            return crc16(k, off, len) & (COUNT - 1); // no '}' or "{}": the whole key is hashed
        }
        return crc16(k, open + 1, close - open - 1) & (COUNT - 1);
    }

    public static int of(byte[] k) {
        return of(k, 0, k.length);
    }

    /** CRC16/XMODEM (polynomial 0x1021, initial value 0), as Redis's crc16. */
    public static int crc16(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            crc = ((crc << 8) ^ TABLE[((crc >>> 8) ^ b[i]) & 0xFF]) & 0xFFFF;
        }
        return crc;
    }
}
