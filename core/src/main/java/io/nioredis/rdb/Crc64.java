package io.nioredis.rdb;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Redis's CRC-64 (the "Jones" polynomial 0xad93d23594c935a9, reflected in and out, no final xor), the
 * checksum at the end of DUMP payloads and RDB files.
 *
 * <p>Eight bytes a step ("slicing-by-8", as Redis's crcspeed.c does): the byte at position k of a little-endian
 * word still has 7 - k bytes to pass through, and table k holds what one byte contributes after k more
 * shifts, so the eight lookups are independent instead of a chain of eight. A save checksums every byte of
 * the file on its writer thread, which shares the core with the loop: one byte a step took about 2 ns a byte.
 */
public final class Crc64 {
    /** The polynomial with its bits reversed, as a reflected CRC consumes the least significant bit first. */
    private static final long REFLECTED_POLY = Long.reverse(0xad93d23594c935a9L);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Eight tables of 256 side by side: entry {@code k << 8 | b} is byte b followed by k zero bytes. */
    private static final long[] TABLES = buildTables();

    private Crc64() {}

    private static long[] buildTables() {
        long[] tables = new long[8 << 8];
        for (int n = 0; n < 256; n++) {
            long crc = n;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ REFLECTED_POLY : crc >>> 1;
            }
            tables[n] = crc;
        }
        for (int k = 1; k < 8; k++) {
            for (int n = 0; n < 256; n++) {
                long previous = tables[(k - 1) << 8 | n];
                tables[k << 8 | n] = (previous >>> 8) ^ tables[(int) (previous & 0xff)];
            }
        }
        return tables;
    }

    /** Continues {@code crc} over the bytes; start with 0, as Redis does. */
    public static long update(long crc, byte[] bytes, int offset, int length) {
        long[] t = TABLES;
        int i = offset;
        int end = offset + length;
        for (; i <= end - Long.BYTES; i += Long.BYTES) {
            long x = crc ^ (long) LONGS.get(bytes, i);
            crc = t[7 << 8 | (int) (x & 0xff)] ^ t[6 << 8 | (int) ((x >>> 8) & 0xff)]
                    ^ t[5 << 8 | (int) ((x >>> 16) & 0xff)] ^ t[4 << 8 | (int) ((x >>> 24) & 0xff)]
                    ^ t[3 << 8 | (int) ((x >>> 32) & 0xff)] ^ t[2 << 8 | (int) ((x >>> 40) & 0xff)]
                    ^ t[1 << 8 | (int) ((x >>> 48) & 0xff)] ^ t[(int) (x >>> 56)];
        }
        for (; i < end; i++) {
            crc = t[(int) ((crc ^ bytes[i]) & 0xff)] ^ (crc >>> 8);
        }
        return crc;
    }

    public static long of(byte[] bytes) {
        return update(0, bytes, 0, bytes.length);
    }
}
