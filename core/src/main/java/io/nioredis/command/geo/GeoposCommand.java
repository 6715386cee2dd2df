package io.nioredis.command.geo;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Lookup;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.value.SortedSetValue;
import io.nioredis.value.geo.GeoFormat;

/** GEOPOS key [member ...]: each member's position (its cell's centre), or a null array for a missing one. */
final class GeoposCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        byte[] b = request.array();
        int slot = keyspace.lookupRead(b, request.offset(1), request.length(1));
        if (Lookup.checkType(keyspace, slot, SortedSetValue.class, out)) {
            return;
        }
        SortedSetValue zset = slot < 0 ? null : (SortedSetValue) keyspace.entry(slot);
        out.arrayHeader(request.argc() - 2);
        for (int j = 2; j < request.argc(); j++) {
            double score = zset == null ? Double.NaN : zset.score(b, request.offset(j), request.length(j));
            if (Double.isNaN(score)) {
                out.nullArrayValue();
                continue;
            }
            out.arrayHeader(2);
            out.formattedDouble(GeoFormat.coordinate(GeoScores.longitude(score)));
            out.formattedDouble(GeoFormat.coordinate(GeoScores.latitude(score)));
        }
    }
}
