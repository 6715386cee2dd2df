package io.nioredis;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;

/**
 * ACL LOG: the denied attempts, newest first, as Redis 7.0's ACLLog. With only the default user, which may
 * run everything, the one denial there is is a failed AUTH or HELLO AUTH. A denial like one logged less
 * than a minute before (same reason, context, object and user) adds to that entry's count and moves it to
 * the front instead of making a new one; past acllog-max-len entries the oldest go.
 */
public final class AclLog {
    /** Redis's ACL_LOG_GROUPING_MAX_TIME_DELTA. */
    private static final long GROUPING_MILLIS = 60_000;

    /** One entry; {@code millis} is the time of its latest denial, {@code clientInfo} that client's. */
    public static final class Entry {
        private long count;
        public final String reason;
        public final String context;
        public final String object;
        public final String username;
        private long millis;
        private String clientInfo;

        Entry(String reason, String context, String object, String username, long millis, String clientInfo) {
            this.count = 1;
            this.reason = reason;
            this.context = context;
            this.object = object;
            this.username = username;
            this.millis = millis;
            this.clientInfo = clientInfo;
        }

        public long count() {
            return count;
        }

        public long millis() {
            return millis;
        }

        public String clientInfo() {
            return clientInfo;
        }

        private boolean sameAs(Entry other) {
            return reason.equals(other.reason) && context.equals(other.context) && object.equals(other.object)
                    && username.equals(other.username) && Math.abs(other.millis - millis) <= GROUPING_MILLIS;
        }
    }

    private final LinkedList<Entry> entries = new LinkedList<>();

    /**
     * A failed authentication of {@code username} in {@code context} ("toplevel", or "multi" inside EXEC),
     * by the client {@code clientInfo} describes (its CLIENT INFO line); keeps at most {@code maxLen} entries.
     */
    public void authFailed(String username, String context, String clientInfo, long nowMillis, long maxLen) {
        Entry denial = new Entry("auth", context, "AUTH", username, nowMillis, clientInfo);
        Entry match = null;
        for (Entry e : entries) {
            if (e.sameAs(denial)) {
                match = e;
                break;
            }
        }
        if (match != null) {
            entries.remove(match);
            match.count++;
            match.millis = nowMillis;
            match.clientInfo = clientInfo;
            denial = match;
        }
        entries.addFirst(denial);
        while (entries.size() > maxLen) {
            entries.removeLast();
        }
    }

    /** The newest {@code count} entries, newest first. */
    public List<Entry> newest(long count) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (out.size() >= count) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    public void reset() {
        entries.clear();
    }
}
