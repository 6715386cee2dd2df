package io.nioredis.persistence;

import io.nioredis.rdb.EncodingLimits;
import io.nioredis.rdb.RdbFileWriter;
import io.nioredis.store.Databases;
import io.nioredis.store.Dict;
import io.nioredis.store.Keyspace;

/**
 * Serializes every database into an RDB file image, on the calling thread, all at once: the image is a
 * point-in-time copy because nothing else runs on the loop meanwhile. Keys past their deadline but not yet
 * reclaimed are written with it, as Redis's rdbSaveRio writes them; a loader drops them.
 */
final class RdbSnapshot {
    private RdbSnapshot() {}

    /** The whole file; {@code usedMemory}, {@code nowMillis} and whether it is an AOF base go into the AUX fields. */
    static RdbFileWriter take(Databases databases, EncodingLimits limits, boolean compression, boolean checksum,
            long nowMillis, long usedMemory, String redisVersion, boolean aofBase) {
        return take(databases, limits, compression, checksum, nowMillis, usedMemory, redisVersion, aofBase, null);
    }

    /**
     * As above; a snapshot for a replica carries {@code replication}: the stream's database, replication id and
     * offset, in the AUX fields Redis's rdbSaveInfoAuxFields writes before aof-base.
     */
    static RdbFileWriter take(Databases databases, EncodingLimits limits, boolean compression, boolean checksum,
            long nowMillis, long usedMemory, String redisVersion, boolean aofBase, ReplicationAux replication) {
        RdbFileWriter file = new RdbFileWriter(limits, compression, checksum);
        file.aux("redis-ver", redisVersion)
                .aux("redis-bits", 64)
                .aux("ctime", nowMillis / 1000)
                .aux("used-mem", usedMemory);
        if (replication != null) {
            file.aux("repl-stream-db", replication.streamDb())
                    .aux("repl-id", replication.replid())
                    .aux("repl-offset", replication.offset());
        }
        file.aux("aof-base", aofBase ? 1 : 0);
        for (int i = 0; i < databases.count(); i++) {
            Keyspace db = databases.get(i);
            if (db.size() == 0) {
                continue;
            }
            file.selectDb(i, db.size(), db.expiresCount());
            Dict dict = db.dict();
            for (int slot = 0; slot < dict.slotLimit(); slot++) {
                Object entry = dict.get(slot);
                if (entry == null) {
                    continue;
                }
                long deadline = db.deadline(slot);
                int base = dict.base(slot);
                file.entry(KeyspaceValues.key(entry, base), KeyspaceValues.toRdb(entry, base), deadline);
            }
        }
        file.finish();
        return file;
    }

    /** What a snapshot sent to a replica says of the replication stream it is followed by. */
    record ReplicationAux(int streamDb, String replid, long offset) {}
}
