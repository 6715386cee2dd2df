package io.nioredis.tx;

import io.nioredis.store.Keyspace;
import io.nioredis.text.BytesKey;
import java.util.ArrayList;
import java.util.List;

/** One client's watched keys and its CLIENT_DIRTY_CAS flag: set when one of them is touched. */
public final class WatchedKeys {
    final List<Keyspace> dbs = new ArrayList<>();
    final List<BytesKey> keys = new ArrayList<>();
    boolean dirty;

    public boolean isEmpty() {
        return keys.isEmpty();
    }
}
