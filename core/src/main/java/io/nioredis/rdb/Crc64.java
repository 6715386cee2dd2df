package io.nioredis.rdb;

/**
 * Redis's CRC-64 (the "Jones" polynomial 0xad93d23594c935a9, reflected in and out, no final xor), the
 * checksum at the end of DUMP payloads and RDB files. Table driven, one byte a step.
 */
public final class Crc64 {
    /** The polynomial with its bits reversed, as a reflected CRC consumes the least significant bit first. */
    private static final long REFLECTED_POLY = Long.reverse(0xad93d23594c935a9L);
    private static final long[] TABLE = buildTable();

    private Crc64() {}

    private static long[] buildTable() {
        long[] table = new long[256];
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLY : crc >>> 1;
            }
            table[n] = crc;
        }
        return table;
    }

    /** Continues {@code crc} over the bytes; start with 0, as Redis does. */
    public static long update(long crc, byte[] bytes, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            crc = TABLE[(int) ((crc ^ bytes[i]) & 0xff)] ^ (crc >>> 8);
        }
        return crc;
    }

    public static long of(byte[] bytes) {
        return update(0, bytes, 0, bytes.length);
    }
}
