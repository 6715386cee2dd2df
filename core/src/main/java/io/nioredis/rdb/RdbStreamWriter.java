package io.nioredis.rdb;


/**
 * An RDB file produced piecewise, for a snapshot that is serialized over many loop turns while another
 * thread writes it out: the same layout as {@link RdbFileWriter}, but the bytes are taken away in chunks
 * with {@link #takeBytes} as they accumulate, and the CRC-64 trailer is left to whoever writes the chunks
 * (it covers every byte, the EOF opcode included; see {@link #trailer}).
 *
 * <p>Entries of one database need not be contiguous: a loader switches database at every SELECTDB, so a
 * snapshot may write an entry of database 3 in the middle of database 0's by selecting 3 and then 0 again.
 */
public final class RdbStreamWriter {
    private final RdbOutput out;
    private final RdbValueWriter values;
    private int selected = -1;

    public RdbStreamWriter(EncodingLimits limits, boolean compression) {
        this(limits, new RdbOutput(compression), true);
    }

    /** A file written into {@code buffer} first (a background save's recycled chunk buffer). */
    public RdbStreamWriter(EncodingLimits limits, boolean compression, byte[] buffer) {
        this(limits, new RdbOutput(compression, buffer), true);
    }

    private RdbStreamWriter(EncodingLimits limits, RdbOutput out, boolean magic) {
        this.out = out;
        this.values = new RdbValueWriter(limits);
        if (magic) {
            out.writeBytes(RdbFileFormat.magic());
        }
    }

    /** A writer of entries only, whose bytes go into the middle of a file another writer started. */
    public static RdbStreamWriter fragment(EncodingLimits limits, boolean compression) {
        return new RdbStreamWriter(limits, new RdbOutput(compression), false);
    }

    /**
     * A file with rdbcompression on whose strings are compressed by whoever writes the chunks: its bytes
     * are framed as {@link RdbOutput#deferringCompression} says, for {@link RdbOutput#writeCompressing}.
     * Written into {@code buffer} first (a background save's recycled chunk buffer).
     */
    public static RdbStreamWriter deferringCompression(EncodingLimits limits, byte[] buffer) {
        return new RdbStreamWriter(limits, RdbOutput.deferringCompression(buffer), true);
    }

    /** An AUX field with a text value (rdbSaveAuxFieldStrStr). */
    public RdbStreamWriter aux(String key, String value) {
        out.writeAux(key, value);
        return this;
    }

    /** An AUX field with an integer value, integer-encoded when it fits (rdbSaveAuxFieldStrInt). */
    public RdbStreamWriter aux(String key, long value) {
        out.writeAux(key, value);
        return this;
    }

    /** SELECTDB with its RESIZEDB hint, the first time a database is opened. */
    public void openDb(int db, long keys, long keysWithExpiry) {
        select(db);
        out.writeType(RdbType.OPCODE_RESIZEDB);
        out.writeLength(keys);
        out.writeLength(keysWithExpiry);
    }

    /** SELECTDB, unless the stream is in that database already. */
    public void select(int db) {
        if (selected != db) {
            out.writeType(RdbType.OPCODE_SELECTDB);
            out.writeLength(db);
            selected = db;
        }
    }

    /** One key of the selected database; {@code expireAtMillis} is an absolute unix time, or negative for none. */
    public void entry(byte[] key, RdbValue value, long expireAtMillis) {
        if (expireAtMillis >= 0) {
            out.writeExpireMillis(expireAtMillis);
        }
        values.write(out, key, value);
    }

    /**
     * A string key written straight from the bytes key and value live in (a packed keyspace entry), so the
     * snapshot's walk copies nothing out first.
     */
    public void stringEntry(byte[] packed, int keyOffset, int keyLength, int valueOffset, int valueLength,
            long expireAtMillis) {
        if (expireAtMillis >= 0) {
            out.writeExpireMillis(expireAtMillis);
        }
        out.writeType(RdbType.STRING);
        out.writeString(packed, keyOffset, keyLength);
        out.writeString(packed, valueOffset, valueLength);
    }

    /** The EOF opcode; the trailer follows it. */
    public void endOfFile() {
        out.writeType(RdbType.OPCODE_EOF);
    }

    /** True when nothing was written since the last hand-over. */
    public boolean isEmpty() {
        return out.isEmpty();
    }

    /** Bytes written and not yet taken (framing included, for a file deferring compression). */
    public int pending() {
        return out.isEmpty() ? 0 : out.size();
    }

    /** The bytes written since the last take, now the caller's. */
    public byte[] takeBytes() {
        return out.drain();
    }

    /**
     * The buffer holding the {@link #pending} bytes, now the caller's, without a copy; writing goes on
     * into {@code replacement}.
     */
    public byte[] handOver(byte[] replacement) {
        return out.handOver(replacement);
    }

    /** The 8 bytes after EOF: the little-endian CRC-64 of all before them, or zeros when rdbchecksum is off. */
    public static byte[] trailer(long crc) {
        byte[] t = new byte[8];
        for (int i = 0; i < 8; i++) {
            t[i] = (byte) (crc >>> (8 * i));
        }
        return t;
    }
}
