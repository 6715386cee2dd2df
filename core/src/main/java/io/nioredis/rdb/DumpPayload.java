package io.nioredis.rdb;

/**
 * The DUMP/RESTORE serialization (cluster.c createDumpPayload and verifyDumpPayload): the value as
 * rdbSaveObjectType + rdbSaveObject write it, then the RDB version as 2 bytes little endian, then the
 * CRC-64 of everything before as 8 bytes little endian.
 */
public final class DumpPayload {
    /** RESTORE's reply when the footer is wrong. */
    public static final String VERSION_OR_CHECKSUM_WRONG = "ERR DUMP payload version or checksum are wrong";
    /** RESTORE's reply when the footer is right but the value cannot be decoded. */
    public static final String BAD_DATA_FORMAT = "ERR Bad data format";

    private static final int FOOTER_SIZE = 10;

    private DumpPayload() {}

    public static byte[] create(RdbValue value, EncodingLimits limits) {
        RdbOutput out = new RdbOutput();
        new RdbValueWriter(limits).write(out, value);
        out.writeLittleEndian(RdbType.RDB_VERSION, 2);
        long crc = Crc64.update(0, out.buffer(), 0, out.size());
        out.writeLittleEndian(crc, 8);
        return out.toByteArray();
    }

    /**
     * Checks the footer as verifyDumpPayload does (at least 10 bytes, a version no newer than ours, the
     * checksum) and gives an input over the body, positioned at the type byte.
     */
    public static RdbInput verifyAndOpen(byte[] payload) throws DumpPayloadException {
        if (payload.length < FOOTER_SIZE) {
            throw new DumpPayloadException();
        }
        int footer = payload.length - FOOTER_SIZE;
        int version = (payload[footer] & 0xff) | (payload[footer + 1] & 0xff) << 8;
        if (version > RdbType.RDB_VERSION) {
            throw new DumpPayloadException();
        }
        long expected = 0;
        for (int i = 0; i < 8; i++) {
            expected |= (payload[footer + 2 + i] & 0xffL) << (8 * i);
        }
        if (Crc64.update(0, payload, 0, payload.length - 8) != expected) {
            throw new DumpPayloadException();
        }
        return new RdbInput(payload, 0, footer);
    }

    /**
     * Verifies the footer and decodes the value: the whole of RESTORE's reading. Like Redis 7.0, bytes
     * left over after the value are ignored.
     *
     * @throws DumpPayloadException the footer is wrong: reply {@link #VERSION_OR_CHECKSUM_WRONG}
     * @throws RdbFormatException the value is corrupt or unsupported: reply {@link #BAD_DATA_FORMAT}
     */
    public static RdbValue restore(byte[] payload) throws DumpPayloadException, RdbFormatException {
        return RdbValueReader.read(verifyAndOpen(payload));
    }
}
