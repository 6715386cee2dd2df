package io.nioredis.command.hash;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.command.Lookup.Missing;

import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.value.HashValue;

/**
 * HGETALL (a map: RESP3 {@code %}, RESP2 a flat array), HKEYS and HVALS (arrays), as Redis's
 * genericHgetallCommand. Small hashes come out in insertion order, as from Redis's listpack.
 */
final class HgetallCommand implements Command {
    private final boolean fields;
    private final boolean values;
    private final Missing missing;

    HgetallCommand(boolean fields, boolean values) {
        this.fields = fields;
        this.values = values;
        this.missing = fields && values ? Missing.EMPTY_MAP : Missing.EMPTY_ARRAY;
    }

    @Override
    public void execute(Client client, Request request, RespWriter out) {
        HashValue hash = Lookup.readOrReply(client.keyspace(), request, 1, HashValue.class, missing, out);
        if (hash == null) {
            return;
        }
        header(out, hash.size());
        for (int h = 0; h < hash.handleLimit(); h++) {
            if (!hash.has(h)) {
                continue;
            }
            if (fields) {
                out.bulk(hash.fieldArray(h), hash.fieldOffset(h), hash.fieldLength(h));
            }
            if (values) {
                out.bulk(hash.valueArray(h), hash.valueOffset(h), hash.valueLength(h));
            }
        }
    }

    private void header(RespWriter out, int size) {
        if (fields && values) {
            out.mapHeader(size);
        } else {
            out.arrayHeader(size);
        }
    }
}
