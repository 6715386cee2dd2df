package io.nioredis.command;

import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records keyspace notifications as "event key" strings, to compare with what Redis publishes. */
public final class EventRecorder implements KeyspaceEvents {
    public final List<String> events = new ArrayList<>();

    @Override
    public void modified(Keyspace keyspace, byte[] key, int off, int len) {
    }

    @Override
    public void notify(int type, String event, Keyspace keyspace, byte[] key, int off, int len) {
        events.add(event + " " + new String(key, off, len, StandardCharsets.ISO_8859_1));
    }

    @Override
    public void flushed(Keyspace keyspace) {
    }
}
