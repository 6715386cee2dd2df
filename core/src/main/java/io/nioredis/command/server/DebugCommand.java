package io.nioredis.command.server;

import io.nioredis.client.Client;
import io.nioredis.command.Command;
import io.nioredis.command.Errors;
import io.nioredis.command.Help;
import io.nioredis.command.Replies;
import io.nioredis.inspect.DatasetDigest;
import io.nioredis.inspect.ObjectEncoding;
import io.nioredis.persistence.Persistence;
import io.nioredis.resp.Request;
import io.nioredis.resp.RespWriter;
import io.nioredis.store.AccessTracker;
import io.nioredis.store.Keyspace;
import io.nioredis.value.ListValue;
import java.util.Locale;

/**
 * DEBUG HELP | SLEEP | SET-ACTIVE-EXPIRE | OBJECT | DIGEST | DIGEST-VALUE | RELOAD, as Redis 7.0's
 * debugCommand parses them (by name and exact argument count, anything else a syntax error). The
 * dispatcher lets DEBUG through only as {@code enable-debug-command} allows. Keys are found as Redis's
 * dictFind finds them: even if their deadline has passed, and without counting or touching them.
 */
final class DebugCommand implements Command {
    @Override
    public void execute(Client client, Request request, RespWriter out) {
        String sub = request.string(1).toLowerCase(Locale.ROOT);
        int argc = request.argc();
        if (sub.equals("help") && argc == 2) {
            help(out);
        } else if (sub.equals("sleep") && argc == 3) {
            sleep(request.string(2));
            out.raw(Replies.OK);
        } else if (sub.equals("set-active-expire") && argc == 3) {
            client.server().activeExpireEnabled = atoi(request.string(2)) != 0;
            out.raw(Replies.OK);
        } else if (sub.equals("object") && argc == 3) {
            object(client, request, out);
        } else if (sub.equals("digest") && argc == 2) {
            out.simpleString(DatasetDigest.hex(new DatasetDigest().ofDataset(client.server().databases)));
        } else if (sub.equals("digest-value") && argc >= 2) {
            digestValues(client, request, out);
        } else if (sub.equals("reload")) {
            reload(client, request, out);
        } else {
            out.error(Errors.subcommandSyntax(request.string(1), "DEBUG"));
        }
    }

    /**
     * DEBUG RELOAD [NOSAVE]: save, then load the file back in place of the dataset. MERGE and NOFLUSH
     * (loading on top of the current data) are refused rather than ignored.
     */
    private static void reload(Client client, Request request, RespWriter out) {
        boolean save = true;
        for (int i = 2; i < request.argc(); i++) {
            String option = request.string(i).toLowerCase(Locale.ROOT);
            if (option.equals("nosave")) {
                save = false;
            } else if (option.equals("merge") || option.equals("noflush")) {
                out.raw(Errors.DEBUG_RELOAD_UNSUPPORTED);
                return;
            } else {
                out.raw(Errors.DEBUG_RELOAD_OPTIONS);
                return;
            }
        }
        Persistence persistence = client.server().persistence;
        if (save && !persistence.save()) {
            out.raw(Errors.SAVE_FAILED);
            return;
        }
        try {
            if (!persistence.load()) {
                client.server().log.warning("Fatal error loading the DB: No such file or directory.");
                out.raw(Errors.DEBUG_RELOAD_LOAD_FAILED);
                return;
            }
        } catch (Persistence.LoadFailure e) {
            client.server().log.warning(e.getMessage());
            out.raw(Errors.DEBUG_RELOAD_LOAD_FAILED);
            return;
        }
        client.server().log.warning("DB reloaded by DEBUG RELOAD");
        out.raw(Replies.OK);
    }

    /** As Redis's DEBUG OBJECT, less what a JVM has no notion of (the value's address) or is not kept. */
    private static void object(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        int slot = keyspace.peek(request.array(), request.offset(2), request.length(2));
        if (slot < 0) {
            out.raw(Errors.NO_SUCH_KEY);
            return;
        }
        Object entry = keyspace.entry(slot);
        AccessTracker access = keyspace.access();
        String line = "refcount:" + ObjectEncoding.refcount(entry, keyspace.stringBase(slot),
                client.server().evictor.sharedIntegersDisabled())
                + " encoding:" + ObjectEncoding.of(entry, keyspace.stringBase(slot))
                + " lru:" + access.rawValue(slot);
        if (access.mode() == AccessTracker.LRU) { // under LFU the field holds counters, not a time
            line += " lru_seconds_idle:" + access.idleMillis(slot, keyspace.now()) / 1000;
        }
        if (entry instanceof ListValue list) {
            // Redis's quicklist fields; nodes are never LZF-compressed here (list-compress-depth is not applied).
            // %.2f as C's printf: the double's exact value rounded (Java's Formatter would round 2.425 up).
            String average = new java.math.BigDecimal((double) list.size() / list.nodeCount())
                    .setScale(2, java.math.RoundingMode.HALF_EVEN).toPlainString();
            line += " ql_nodes:" + list.nodeCount() + " ql_avg_node:" + average + " ql_listpack_max:" + list.fill()
                    + " ql_compressed:0 ql_uncompressed_size:" + list.listpackBytes();
        }
        out.simpleString(line);
    }

    private static void digestValues(Client client, Request request, RespWriter out) {
        Keyspace keyspace = client.keyspace();
        DatasetDigest digest = new DatasetDigest();
        out.arrayHeader(request.argc() - 2);
        for (int i = 2; i < request.argc(); i++) {
            int slot = keyspace.peek(request.array(), request.offset(i), request.length(i));
            Object entry = slot < 0 ? null : keyspace.entry(slot);
            out.simpleString(DatasetDigest.hex(digest.ofValue(entry, slot < 0 ? 0 : keyspace.stringBase(slot),
                    slot >= 0 && keyspace.deadline(slot) >= 0)));
        }
    }

    /** DEBUG SLEEP stops the whole server, as in Redis: the event loop thread is the one sleeping. */
    private static void sleep(String seconds) {
        long micros = (long) (strtod(seconds) * 1_000_000);
        if (micros <= 0) {
            return;
        }
        try {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** C's strtod as Redis uses it here: the longest leading number, 0 if there is none. */
    static double strtod(String s) {
        String t = s.strip();
        for (int end = t.length(); end > 0; end--) {
            try {
                return Double.parseDouble(t.substring(0, end));
            } catch (NumberFormatException e) {
                // try a shorter prefix
            }
        }
        return 0;
    }

    /** C's atoi: optional sign and leading digits, 0 if none. */
    static int atoi(String s) {
        String t = s.stripLeading();
        int i = 0;
        boolean negative = false;
        if (i < t.length() && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        long v = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i)) && v < Integer.MAX_VALUE) {
            v = v * 10 + (t.charAt(i++) - '0');
        }
        return (int) (negative ? -v : v);
    }

    private static void help(RespWriter out) {
        Help.reply(out, "DEBUG",
                "DIGEST",
                "    Output a hex signature representing the current DB content.",
                "DIGEST-VALUE <key> [<key> ...]",
                "    Output a hex signature of the values of all the specified keys.",
                "OBJECT <key>",
                "    Show low level info about `key` and associated value.",
                "SET-ACTIVE-EXPIRE <0|1>",
                "    Setting it to 0 disables expiring keys in background when they are not",
                "    accessed (otherwise the Redis behavior). Setting it to 1 reenables back the",
                "    default.",
                "SLEEP <seconds>",
                "    Stop the server for <seconds>. Decimals allowed.");
    }
}
