package io.nioredis.rdb;

/**
 * Reads a whole RDB file as Redis 7.0's rdbLoadRio does, handing each AUX field, database size hint and
 * entry to a {@link Visitor}: any version from 1 to 10, both expiry opcodes, LRU/LFU hints skipped, the
 * CRC-64 checked at EOF (a stored zero means the file was written with rdbchecksum off). Everything a
 * visitor was given is only trustworthy once {@link #read} returns: corruption found later (a bad
 * checksum, a truncated tail) throws {@link RdbFormatException} after entries were already visited, so a
 * loader must stage what it is given and apply it only on success.
 */
public final class RdbFileReader {
    /** What the file holds, in file order. */
    public interface Visitor {
        void aux(byte[] key, byte[] value);

        void resizeDb(int db, long keys, long keysWithExpiry);

        /** {@code expireAtMillis} is an absolute unix time, or -1 for none. */
        void entry(int db, byte[] key, RdbValue value, long expireAtMillis) throws RdbFormatException;

        /** The bytes of the file read so far, told after each key (a loader's progress figures). */
        default void bytesRead(int offset) {}
    }

    private RdbFileReader() {}

    /** The RDB version of a file, from its header. */
    public static int version(byte[] file) throws RdbFormatException {
        if (file.length < RdbFileFormat.MAGIC_LENGTH || file[0] != 'R' || file[1] != 'E' || file[2] != 'D'
                || file[3] != 'I' || file[4] != 'S') {
            throw new RdbFormatException("Wrong signature trying to load DB from file");
        }
        int version = 0;
        for (int i = 5; i < RdbFileFormat.MAGIC_LENGTH; i++) {
            if (file[i] < '0' || file[i] > '9') {
                throw new RdbFormatException("Wrong signature trying to load DB from file");
            }
            version = version * 10 + (file[i] - '0');
        }
        if (version < 1 || version > RdbType.RDB_VERSION) {
            throw new RdbFormatException("Can't handle RDB format version " + version);
        }
        return version;
    }

    /**
     * Reads the file up to its EOF opcode and checksum; returns where that is, since what follows it (an
     * old-style AOF's commands after its RDB preamble) is not the reader's.
     */
    public static int read(byte[] file, Visitor visitor) throws RdbFormatException {
        int version = version(file);
        RdbInput in = new RdbInput(file, RdbFileFormat.MAGIC_LENGTH, file.length - RdbFileFormat.MAGIC_LENGTH);
        int db = 0;
        long expireAt = -1;
        while (true) {
            int type = in.readType();
            switch (type) {
                case RdbType.OPCODE_EXPIRETIME:
                    expireAt = in.readSecondTime() * 1000L;
                    continue;
                case RdbType.OPCODE_EXPIRETIME_MS:
                    expireAt = in.readMillisecondTime();
                    continue;
                case RdbType.OPCODE_FREQ:
                    in.readUnsignedByte(); // an LFU hint; the loaded key starts fresh
                    continue;
                case RdbType.OPCODE_IDLE:
                    in.readLength(); // an LRU hint; likewise
                    continue;
                case RdbType.OPCODE_EOF:
                    verifyChecksum(file, in, version);
                    return in.position();
                case RdbType.OPCODE_SELECTDB:
                    long selected = in.readLength();
                    if (selected > Integer.MAX_VALUE) {
                        throw new RdbFormatException("Corrupt database number " + Long.toUnsignedString(selected));
                    }
                    db = (int) selected;
                    continue;
                case RdbType.OPCODE_RESIZEDB:
                    long keys = in.readLength();
                    long expires = in.readLength();
                    visitor.resizeDb(db, keys, expires);
                    continue;
                case RdbType.OPCODE_AUX:
                    visitor.aux(in.readString(), in.readString());
                    continue;
                case RdbType.OPCODE_MODULE_AUX:
                    throw new RdbFormatException("The RDB file contains AUX module data, but modules are not"
                            + " supported");
                case RdbType.OPCODE_FUNCTION2:
                case RdbType.OPCODE_FUNCTION_PRE_GA:
                    throw new RdbFormatException("The RDB file contains function libraries, which cannot be"
                            + " loaded yet");
                default:
                    if (!RdbType.isObjectType(type)) {
                        throw new RdbFormatException("Unknown RDB encoding type " + type + " at offset "
                                + (in.position() - 1));
                    }
                    byte[] key = in.readString();
                    RdbValue value = RdbValueReader.read(in, type);
                    visitor.entry(db, key, value, expireAt);
                    visitor.bytesRead(in.position());
                    expireAt = -1;
            }
        }
    }

    private static void verifyChecksum(byte[] file, RdbInput in, int version) throws RdbFormatException {
        if (version < 5) {
            return;
        }
        int end = in.position();
        long stored = in.readLittleEndian(8, "the checksum");
        if (stored == 0) {
            return; // saved with rdbchecksum no
        }
        long computed = Crc64.update(0, file, 0, end);
        if (computed != stored) {
            throw new RdbFormatException("Wrong RDB checksum expected: (" + Long.toHexString(stored) + ") got ("
                    + Long.toHexString(computed) + "). Aborting now.");
        }
    }
}
