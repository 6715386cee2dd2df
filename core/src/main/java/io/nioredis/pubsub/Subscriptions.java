package io.nioredis.pubsub;

import io.nioredis.text.BytesKey;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The channels, patterns and shard channels one client is subscribed to, in the order it subscribed. Shard
 * channels (SSUBSCRIBE) are a namespace of their own, counted apart in the confirmations.
 */
public final class Subscriptions {
    public final Set<BytesKey> channels = new LinkedHashSet<>();
    public final Set<BytesKey> patterns = new LinkedHashSet<>();
    public final Set<BytesKey> shardChannels = new LinkedHashSet<>();

    /** Channels plus patterns: the count SUBSCRIBE and UNSUBSCRIBE replies carry. */
    public int count() {
        return channels.size() + patterns.size();
    }

    /** Shard channels: the count SSUBSCRIBE and SUNSUBSCRIBE replies carry. */
    public int shardCount() {
        return shardChannels.size();
    }

    /** Every subscription of any kind: while there is one, a RESP2 client is in the subscribed context. */
    public int total() {
        return channels.size() + patterns.size() + shardChannels.size();
    }

    public int channelCount() {
        return channels.size();
    }

    public int patternCount() {
        return patterns.size();
    }
}
