package io.nioredis.pubsub;

import io.nioredis.text.BytesKey;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The channels, patterns and shard channels one client is subscribed to, in the order it subscribed. Shard
 * channels (SSUBSCRIBE) are a namespace of their own, counted apart in the confirmations.
 *
 * <p>The sets change only through this class, which keeps their total in a field: every command of every
 * client asks it (a RESP2 client with a subscription is in the subscribed context), and with a thousand
 * connections a client's state is out of the cache, so summing the three sets' sizes cost six dependent
 * loads per request, 2.5 % of the server's CPU for PING at {@code -c 1000}.
 */
public final class Subscriptions {
    private final Set<BytesKey> channels = new LinkedHashSet<>();
    private final Set<BytesKey> patterns = new LinkedHashSet<>();
    private final Set<BytesKey> shardChannels = new LinkedHashSet<>();
    private int total;

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
        return total;
    }

    public int channelCount() {
        return channels.size();
    }

    public int patternCount() {
        return patterns.size();
    }

    /** The channels, in the order subscribed; read-only. */
    public Set<BytesKey> channels() {
        return Collections.unmodifiableSet(channels);
    }

    /** The patterns, in the order subscribed; read-only. */
    public Set<BytesKey> patterns() {
        return Collections.unmodifiableSet(patterns);
    }

    /** The shard channels, in the order subscribed; read-only. */
    public Set<BytesKey> shardChannels() {
        return Collections.unmodifiableSet(shardChannels);
    }

    /** True if the channel was not subscribed yet. */
    boolean addChannel(BytesKey channel) {
        return counted(channels.add(channel), 1);
    }

    /** True if the channel was subscribed. */
    boolean removeChannel(BytesKey channel) {
        return counted(channels.remove(channel), -1);
    }

    boolean addPattern(BytesKey pattern) {
        return counted(patterns.add(pattern), 1);
    }

    boolean removePattern(BytesKey pattern) {
        return counted(patterns.remove(pattern), -1);
    }

    boolean addShardChannel(BytesKey channel) {
        return counted(shardChannels.add(channel), 1);
    }

    boolean removeShardChannel(BytesKey channel) {
        return counted(shardChannels.remove(channel), -1);
    }

    /** Forgets every subscription. */
    void clear() {
        channels.clear();
        patterns.clear();
        shardChannels.clear();
        total = 0;
    }

    private boolean counted(boolean changed, int delta) {
        if (changed) {
            total += delta;
        }
        return changed;
    }
}
