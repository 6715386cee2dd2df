package io.nioredis.command.generic;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.rdb.DumpPayload;
import io.nioredis.rdb.EncodingLimits;
import io.nioredis.rdb.RdbValue;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.KeyedValue;
import io.nioredis.store.Keyspace;
import io.nioredis.value.RdbConversion;

/**
 * DUMP key: the value in Redis 7.0's serialization (RDB version 10 with its CRC-64 footer), which RESTORE
 * here or on a real Redis turns back into the value; nil for a missing key.
 */
final class DumpCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.lookupRead(request.array(), request.offset(1), request.length(1));
        if (slot < 0) {
            out.nullValue();
            return;
        }
        RdbValue value = RdbConversion.toRdb(keyspace.entry(slot), keyspace.stringBase(slot));
        if (value == null) {
            // A type the codec does not carry yet: refuse rather than send a payload Redis could not load.
            Object entry = keyspace.entry(slot);
            out.error(Errors.dumpNotSupported(entry instanceof KeyedValue ? ((KeyedValue) entry).typeName() : "?"));
            return;
        }
        out.bulk(DumpPayload.create(value, EncodingLimits.DEFAULTS));
    }
}
