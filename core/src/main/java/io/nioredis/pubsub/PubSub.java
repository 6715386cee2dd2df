package io.nioredis.pubsub;

import io.nioredis.text.BytesKey;
import io.nioredis.text.GlobPattern;

import io.nioredis.resp.RespWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's channels and patterns and who listens to them, as Redis's pubsub.c. A message is encoded
 * once per protocol in use and the same bytes are queued to every receiver through its {@link Subscriber}.
 */
public final class PubSub {
    private static final byte[] MESSAGE = "message".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PMESSAGE = "pmessage".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SMESSAGE = "smessage".getBytes(StandardCharsets.US_ASCII);

    private final Map<BytesKey, Set<Subscriber>> channels = new HashMap<>();
    private final Map<BytesKey, Set<Subscriber>> patterns = new LinkedHashMap<>();
    /** Shard channels (SSUBSCRIBE/SPUBLISH): without a cluster, a second namespace of plain channels. */
    private final Map<BytesKey, Set<Subscriber>> shardChannels = new HashMap<>();
    private final BytesKey probe = BytesKey.probe();
    private final RespWriter scratch = new RespWriter(256);

    /** True if the client was not yet subscribed to the channel. */
    public boolean subscribe(Subscriber client, byte[] channel) {
        BytesKey key = BytesKey.copyOf(channel, 0, channel.length);
        if (!client.subscriptions().addChannel(key)) {
            return false;
        }
        channels.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(client);
        return true;
    }

    public boolean unsubscribe(Subscriber client, byte[] channel) {
        BytesKey key = probe.point(channel, 0, channel.length);
        if (!client.subscriptions().removeChannel(key)) {
            return false;
        }
        remove(channels, key, client);
        return true;
    }

    public boolean psubscribe(Subscriber client, byte[] pattern) {
        BytesKey key = BytesKey.copyOf(pattern, 0, pattern.length);
        if (!client.subscriptions().addPattern(key)) {
            return false;
        }
        patterns.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(client);
        return true;
    }

    public boolean punsubscribe(Subscriber client, byte[] pattern) {
        BytesKey key = probe.point(pattern, 0, pattern.length);
        if (!client.subscriptions().removePattern(key)) {
            return false;
        }
        remove(patterns, key, client);
        return true;
    }

    /** SSUBSCRIBE: true if the client was not yet subscribed to the shard channel. */
    public boolean ssubscribe(Subscriber client, byte[] channel) {
        BytesKey key = BytesKey.copyOf(channel, 0, channel.length);
        if (!client.subscriptions().addShardChannel(key)) {
            return false;
        }
        shardChannels.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(client);
        return true;
    }

    public boolean sunsubscribe(Subscriber client, byte[] channel) {
        BytesKey key = probe.point(channel, 0, channel.length);
        if (!client.subscriptions().removeShardChannel(key)) {
            return false;
        }
        remove(shardChannels, key, client);
        return true;
    }

    private static void remove(Map<BytesKey, Set<Subscriber>> map, BytesKey key, Subscriber client) {
        Set<Subscriber> clients = map.get(key);
        clients.remove(client);
        if (clients.isEmpty()) {
            map.remove(key);
        }
    }

    /** Drops every subscription of a client that disconnects, without replies. */
    public void forget(Subscriber client) {
        for (BytesKey k : client.subscriptions().channels()) {
            remove(channels, k, client);
        }
        for (BytesKey k : client.subscriptions().patterns()) {
            remove(patterns, k, client);
        }
        for (BytesKey k : client.subscriptions().shardChannels()) {
            remove(shardChannels, k, client);
        }
        client.subscriptions().clear();
    }

    /** PUBLISH: delivers to channel subscribers and matching patterns; returns how many received it. */
    public int publish(byte[] ch, int choff, int chlen, byte[] msg, int moff, int mlen) {
        int receivers = 0;
        Set<Subscriber> direct = channels.isEmpty() ? null : channels.get(probe.point(ch, choff, chlen));
        if (direct != null) {
            byte[][] frames = new byte[2][];
            for (Subscriber c : direct) {
                c.push(frame(frames, c.protocol(), MESSAGE, null, ch, choff, chlen, msg, moff, mlen));
                receivers++;
            }
        }
        if (!patterns.isEmpty()) {
            for (Map.Entry<BytesKey, Set<Subscriber>> e : patterns.entrySet()) {
                byte[] p = e.getKey().bytes();
                if (!GlobPattern.matches(p, 0, p.length, ch, choff, chlen, false)) {
                    continue;
                }
                byte[][] frames = new byte[2][];
                for (Subscriber c : e.getValue()) {
                    c.push(frame(frames, c.protocol(), PMESSAGE, p, ch, choff, chlen, msg, moff, mlen));
                    receivers++;
                }
            }
        }
        return receivers;
    }

    /** SPUBLISH: delivers to the shard channel's subscribers (patterns do not see it); how many received it. */
    public int spublish(byte[] ch, int choff, int chlen, byte[] msg, int moff, int mlen) {
        Set<Subscriber> direct = shardChannels.isEmpty() ? null : shardChannels.get(probe.point(ch, choff, chlen));
        if (direct == null) {
            return 0;
        }
        byte[][] frames = new byte[2][];
        for (Subscriber c : direct) {
            c.push(frame(frames, c.protocol(), SMESSAGE, null, ch, choff, chlen, msg, moff, mlen));
        }
        return direct.size();
    }

    /** The message frame for a protocol, encoded the first time a receiver of that protocol needs it. */
    private byte[] frame(byte[][] frames, int protocol, byte[] kind, byte[] pattern, byte[] ch, int choff,
                         int chlen, byte[] msg, int moff, int mlen) {
        int i = protocol == 3 ? 1 : 0;
        if (frames[i] == null) {
            scratch.reset();
            scratch.protocol(protocol);
            scratch.pushHeader(pattern == null ? 3 : 4);
            scratch.bulk(kind);
            if (pattern != null) {
                scratch.bulk(pattern);
            }
            scratch.bulk(ch, choff, chlen);
            scratch.bulk(msg, moff, mlen);
            frames[i] = Arrays.copyOf(scratch.array(), scratch.size());
        }
        return frames[i];
    }

    /** PUBSUB CHANNELS [pattern]: active channels (with at least one subscriber). */
    public List<byte[]> channels(byte[] pattern) {
        return matching(channels, pattern);
    }

    /** PUBSUB SHARDCHANNELS [pattern]: active shard channels. */
    public List<byte[]> shardChannels(byte[] pattern) {
        return matching(shardChannels, pattern);
    }

    private static List<byte[]> matching(Map<BytesKey, Set<Subscriber>> map, byte[] pattern) {
        List<byte[]> out = new ArrayList<>();
        for (BytesKey k : map.keySet()) {
            byte[] c = k.bytes();
            if (pattern == null || GlobPattern.matches(pattern, 0, pattern.length, c, 0, c.length, false)) {
                out.add(c);
            }
        }
        return out;
    }

    public int subscribers(byte[] channel) {
        Set<Subscriber> s = channels.get(probe.point(channel, 0, channel.length));
        return s == null ? 0 : s.size();
    }

    /** PUBSUB SHARDNUMSUB: subscribers of one shard channel. */
    public int shardSubscribers(byte[] channel) {
        Set<Subscriber> s = shardChannels.get(probe.point(channel, 0, channel.length));
        return s == null ? 0 : s.size();
    }

    /** PUBSUB NUMPAT: the number of distinct patterns (Redis 7.0 counts unique patterns). */
    public int patternCount() {
        return patterns.size();
    }

    public int shardChannelCount() {
        return shardChannels.size();
    }

    public int channelCount() {
        return channels.size();
    }
}
