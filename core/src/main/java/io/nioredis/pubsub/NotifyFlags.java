package io.nioredis.pubsub;

import io.nioredis.store.KeyspaceEvents;

/**
 * The {@code notify-keyspace-events} letters as Redis's keyspaceEventsStringToFlags and
 * keyspaceEventsFlagsToString: {@code A} is {@code g$lshzxetd}, {@code K}/{@code E} pick the channel kinds,
 * and the canonical text lists the classes in Redis's order.
 */
public final class NotifyFlags {
    /** Module events; no module can raise them here, but the letter is accepted as Redis accepts it. */
    static final int MODULE = 1 << 12;
    static final int ALL = KeyspaceEvents.GENERIC | KeyspaceEvents.STRING | KeyspaceEvents.LIST
            | KeyspaceEvents.SET | KeyspaceEvents.HASH | KeyspaceEvents.ZSET | KeyspaceEvents.EXPIRED
            | KeyspaceEvents.EVICTED | KeyspaceEvents.STREAM | MODULE;
    public static final String INVALID = "Invalid event class character. Use 'Ag$lshzxeKEtmdn'.";

    private NotifyFlags() {}

    /** The flag bits of the letters, or -1 if one is not a known letter. */
    public static int parse(String text) {
        int flags = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case 'A': flags |= ALL; break;
                case 'g': flags |= KeyspaceEvents.GENERIC; break;
                case '$': flags |= KeyspaceEvents.STRING; break;
                case 'l': flags |= KeyspaceEvents.LIST; break;
                case 's': flags |= KeyspaceEvents.SET; break;
                case 'h': flags |= KeyspaceEvents.HASH; break;
                case 'z': flags |= KeyspaceEvents.ZSET; break;
                case 'x': flags |= KeyspaceEvents.EXPIRED; break;
                case 'e': flags |= KeyspaceEvents.EVICTED; break;
                case 'K': flags |= KeyspaceEvents.KEYSPACE; break;
                case 'E': flags |= KeyspaceEvents.KEYEVENT; break;
                case 't': flags |= KeyspaceEvents.STREAM; break;
                case 'm': flags |= KeyspaceEvents.KEY_MISS; break;
                case 'd': flags |= MODULE; break;
                case 'n': flags |= KeyspaceEvents.NEW; break;
                default: return -1;
            }
        }
        return flags;
    }

    public static String format(int flags) {
        StringBuilder b = new StringBuilder();
        if ((flags & ALL) == ALL) {
            b.append('A');
        } else {
            letter(b, flags, KeyspaceEvents.GENERIC, 'g');
            letter(b, flags, KeyspaceEvents.STRING, '$');
            letter(b, flags, KeyspaceEvents.LIST, 'l');
            letter(b, flags, KeyspaceEvents.SET, 's');
            letter(b, flags, KeyspaceEvents.HASH, 'h');
            letter(b, flags, KeyspaceEvents.ZSET, 'z');
            letter(b, flags, KeyspaceEvents.EXPIRED, 'x');
            letter(b, flags, KeyspaceEvents.EVICTED, 'e');
            letter(b, flags, KeyspaceEvents.STREAM, 't');
            letter(b, flags, MODULE, 'd');
            letter(b, flags, KeyspaceEvents.NEW, 'n');
        }
        letter(b, flags, KeyspaceEvents.KEYSPACE, 'K');
        letter(b, flags, KeyspaceEvents.KEYEVENT, 'E');
        letter(b, flags, KeyspaceEvents.KEY_MISS, 'm');
        return b.toString();
    }

    private static void letter(StringBuilder b, int flags, int flag, char c) {
        if ((flags & flag) != 0) {
            b.append(c);
        }
    }
}
