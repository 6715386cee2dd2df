package io.nioredis.pubsub;

import io.nioredis.tx.Watches;

import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import java.nio.charset.StandardCharsets;

/**
 * The server's listener on every database: touched keys go to WATCH, notifications to pub/sub as
 * {@code __keyspace@<db>__:<key>} and {@code __keyevent@<db>__:<event>} messages (Redis's notify.c). With
 * notifications off, {@link #notify} is one flag check.
 */
public final class KeyspaceNotifier implements KeyspaceEvents {
    private final Watches watches;
    private final PubSub pubsub;
    private int flags;

    public KeyspaceNotifier(Watches watches, PubSub pubsub) {
        this.watches = watches;
        this.pubsub = pubsub;
    }

    /** Applies a new {@code notify-keyspace-events} value (already validated). */
    public void flags(int flags) {
        this.flags = flags;
    }

    @Override
    public void modified(Keyspace keyspace, byte[] key, int off, int len) {
        watches.touched(keyspace, key, off, len);
    }

    @Override
    public void notify(int type, String event, Keyspace keyspace, byte[] key, int off, int len) {
        if ((flags & type) == 0) {
            return;
        }
        if ((flags & KeyspaceEvents.KEYSPACE) != 0) {
            byte[] channel = concat("__keyspace@" + keyspace.index() + "__:", key, off, len);
            byte[] message = event.getBytes(StandardCharsets.US_ASCII);
            pubsub.publish(channel, 0, channel.length, message, 0, message.length);
        }
        if ((flags & KeyspaceEvents.KEYEVENT) != 0) {
            byte[] channel = ("__keyevent@" + keyspace.index() + "__:" + event).getBytes(StandardCharsets.US_ASCII);
            pubsub.publish(channel, 0, channel.length, key, off, len);
        }
    }

    @Override
    public void flushed(Keyspace keyspace) {
        watches.flushed(keyspace);
    }

    private static byte[] concat(String prefix, byte[] b, int off, int len) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[p.length + len];
        System.arraycopy(p, 0, out, 0, p.length);
        System.arraycopy(b, off, out, p.length, len);
        return out;
    }
}
