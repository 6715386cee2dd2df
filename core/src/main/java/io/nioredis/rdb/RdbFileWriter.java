package io.nioredis.rdb;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A whole RDB file as Redis 7.0's rdbSaveRio lays it out: the "REDIS0010" magic, AUX fields, then per
 * non-empty database SELECTDB and RESIZEDB followed by its entries (an optional EXPIRETIME_MS, the type,
 * the key and the value), then EOF and the CRC-64 of everything before it (zero when rdbchecksum is off,
 * which tells a loader to skip the check). The file is built in memory; {@link #writeTo} hands it on.
 */
public final class RdbFileWriter {
    private final RdbOutput out;
    private final RdbValueWriter values;
    private final boolean checksum;
    private boolean finished;

    public RdbFileWriter(EncodingLimits limits, boolean compression, boolean checksum) {
        this.out = new RdbOutput(compression);
        this.values = new RdbValueWriter(limits);
        this.checksum = checksum;
        out.writeBytes(RdbFileFormat.magic());
    }

    /** An AUX field with a text value (rdbSaveAuxFieldStrStr). */
    public RdbFileWriter aux(String key, String value) {
        out.writeAux(key, value);
        return this;
    }

    /** An AUX field with an integer value, integer-encoded when it fits (rdbSaveAuxFieldStrInt). */
    public RdbFileWriter aux(String key, long value) {
        out.writeAux(key, value);
        return this;
    }

    /** SELECTDB and the RESIZEDB hint that opens a database's entries. */
    public void selectDb(int db, long keys, long keysWithExpiry) {
        out.writeType(RdbType.OPCODE_SELECTDB);
        out.writeLength(db);
        out.writeType(RdbType.OPCODE_RESIZEDB);
        out.writeLength(keys);
        out.writeLength(keysWithExpiry);
    }

    /** One key; {@code expireAtMillis} is an absolute unix time, or negative for none. */
    public void entry(byte[] key, RdbValue value, long expireAtMillis) {
        if (expireAtMillis >= 0) {
            out.writeExpireMillis(expireAtMillis);
        }
        values.write(out, key, value);
    }

    /** Bytes so far, for progress and memory figures. */
    public int size() {
        return out.size();
    }

    /** EOF and the checksum; nothing may be added afterwards. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        out.writeType(RdbType.OPCODE_EOF);
        long crc = checksum ? Crc64.update(0, out.buffer(), 0, out.size()) : 0;
        out.writeLittleEndian(crc, 8);
    }

    /** The finished file. */
    public void writeTo(OutputStream stream) throws IOException {
        finish();
        stream.write(out.buffer(), 0, out.size());
    }

    public byte[] toByteArray() {
        finish();
        return out.toByteArray();
    }
}
