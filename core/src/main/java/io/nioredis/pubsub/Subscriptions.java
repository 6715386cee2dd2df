package io.nioredis.pubsub;

import io.nioredis.text.BytesKey;

import java.util.LinkedHashSet;
import java.util.Set;

/** The channels and patterns one client is subscribed to, in the order it subscribed. */
public final class Subscriptions {
    public final Set<BytesKey> channels = new LinkedHashSet<>();
    public final Set<BytesKey> patterns = new LinkedHashSet<>();

    /** Channels plus patterns: the count SUBSCRIBE and UNSUBSCRIBE replies carry. */
    public int count() {
        return channels.size() + patterns.size();
    }

    public int channelCount() {
        return channels.size();
    }

    public int patternCount() {
        return patterns.size();
    }
}
