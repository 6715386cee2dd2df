package io.nioredis.command.scripting;

import io.nioredis.rdb.Crc64;
import io.nioredis.rdb.DumpPayload;
import io.nioredis.rdb.DumpPayloadException;
import io.nioredis.rdb.RdbFormatException;
import io.nioredis.rdb.RdbInput;
import io.nioredis.rdb.RdbOutput;
import io.nioredis.rdb.RdbType;
import io.nioredis.scripting.FunctionLibrary;
import io.nioredis.scripting.ScriptException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The FUNCTION DUMP payload, as Redis 7.0 writes it (functionDumpCommand, rdbSaveFunctions): for each
 * library the RDB_OPCODE_FUNCTION2 byte and its code as an RDB string, then the RDB version (2 bytes) and
 * the CRC-64 of everything before (8 bytes), both little endian; and its reading for FUNCTION RESTORE.
 */
final class FunctionPayload {
    private FunctionPayload() {}

    static byte[] dump(Collection<FunctionLibrary> libraries) {
        RdbOutput out = new RdbOutput();
        for (FunctionLibrary library : libraries) {
            out.writeType(RdbType.OPCODE_FUNCTION2);
            out.writeString(library.code());
        }
        out.writeByte(RdbType.RDB_VERSION & 0xff);
        out.writeByte((RdbType.RDB_VERSION >> 8) & 0xff);
        long crc = Crc64.of(out.toByteArray());
        for (int i = 0; i < 8; i++) {
            out.writeByte((int) (crc >>> (8 * i)) & 0xff);
        }
        return out.toByteArray();
    }

    /** The library codes of a payload, with functionRestoreCommand's errors. */
    static List<byte[]> codes(byte[] payload) {
        RdbInput in;
        try {
            in = DumpPayload.verifyAndOpen(payload);
        } catch (DumpPayloadException e) {
            throw new ScriptException(DumpPayload.VERSION_OR_CHECKSUM_WRONG);
        }
        List<byte[]> codes = new ArrayList<>();
        while (!in.atEnd()) {
            int type;
            try {
                type = in.readType();
            } catch (RdbFormatException e) {
                throw new ScriptException("ERR can not read data type");
            }
            if (type == RdbType.OPCODE_FUNCTION_PRE_GA) {
                throw new ScriptException("ERR Pre-GA function format not supported");
            }
            if (type != RdbType.OPCODE_FUNCTION2) {
                throw new ScriptException("ERR given type is not a function");
            }
            try {
                codes.add(in.readString());
            } catch (RdbFormatException e) {
                throw new ScriptException("ERR Failed loading library payload");
            }
        }
        return codes;
    }
}
