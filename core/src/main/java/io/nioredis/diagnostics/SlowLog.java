package io.nioredis.diagnostics;

import io.nioredis.resp.Request;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Redis's slowlog.c: commands that ran for at least {@code slowlog-log-slower-than} microseconds, newest
 * first, at most {@code slowlog-max-len} of them. Entries keep a trimmed copy of the arguments (at most 32,
 * each at most 128 bytes) so that a log of huge commands stays small. Ids keep counting across RESET.
 */
public final class SlowLog {
    static final int MAX_ARGC = 32;
    static final int MAX_STRING = 128;
    /** What AUTH and HELLO leave in place of credentials, in the log and for MONITOR. */
    public static final byte[] REDACTED = "(redacted)".getBytes(StandardCharsets.US_ASCII);

    private final ArrayDeque<SlowLogEntry> entries = new ArrayDeque<>();
    private long nextId;
    private long slowerThanMicros = 10_000;
    private long maxLen = 128;

    /** slowlog-log-slower-than: negative turns the log off, 0 logs every command. */
    public void slowerThan(long micros) {
        slowerThanMicros = micros;
    }

    /** slowlog-max-len; lowering it drops the oldest entries at the next command logged, as Redis. */
    public void maxLen(long max) {
        maxLen = max;
    }

    /** True if a command that ran this long is to be logged; cheap, for the request path. */
    public boolean wants(long micros) {
        return slowerThanMicros >= 0 && maxLen > 0 && micros >= slowerThanMicros;
    }

    /**
     * Logs a command known to be slow ({@link #wants}): {@code redacted} has bit i set when argument i is
     * a credential to be shown as "(redacted)".
     */
    public void add(Request request, long redacted, long micros, long unixSeconds, String peer, byte[] name) {
        entries.addFirst(new SlowLogEntry(nextId++, unixSeconds, micros, trimmedArgs(request, redacted), peer,
                name == null ? new byte[0] : name));
        while (entries.size() > maxLen) {
            entries.removeLast();
        }
    }

    /** Redis's slowlogCreateEntry: past 32 arguments the last slot says how many more there were. */
    static byte[][] trimmedArgs(Request request, long redacted) {
        int argc = request.argc();
        int kept = Math.min(argc, MAX_ARGC);
        byte[][] args = new byte[kept][];
        for (int i = 0; i < kept; i++) {
            if (kept != argc && i == kept - 1) {
                args[i] = ("... (" + (argc - kept + 1) + " more arguments)").getBytes(StandardCharsets.US_ASCII);
            } else if (i < 64 && (redacted & (1L << i)) != 0) {
                args[i] = REDACTED;
            } else if (request.length(i) > MAX_STRING) {
                byte[] cut = ("... (" + (request.length(i) - MAX_STRING) + " more bytes)")
                        .getBytes(StandardCharsets.US_ASCII);
                byte[] arg = new byte[MAX_STRING + cut.length];
                System.arraycopy(request.array(), request.offset(i), arg, 0, MAX_STRING);
                System.arraycopy(cut, 0, arg, MAX_STRING, cut.length);
                args[i] = arg;
            } else {
                args[i] = request.copy(i);
            }
        }
        return args;
    }

    /** The newest {@code count} entries, newest first. */
    public List<SlowLogEntry> newest(long count) {
        List<SlowLogEntry> list = new ArrayList<>((int) Math.min(count, entries.size()));
        Iterator<SlowLogEntry> it = entries.iterator();
        while (list.size() < count && it.hasNext()) {
            list.add(it.next());
        }
        return list;
    }

    public int size() {
        return entries.size();
    }

    public void reset() {
        entries.clear();
    }
}
