package io.nioredis.server.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Plays a sequence of steps on Redis and on nioredis from an empty dataset, compares each pair of replies
 * as the step's {@link Match} says, and shrinks a failing sequence to a shortest one that still fails
 * (deleting chunks, then single commands, while a mismatch remains).
 */
final class DifferentialRunner {
    /** A step whose replies disagree: its position in the sequence and both outcomes. */
    static final class Mismatch {
        final int index;
        final Outcome redis;
        final Outcome nioredis;

        Mismatch(int index, Outcome redis, Outcome nioredis) {
            this.index = index;
            this.redis = redis;
            this.nioredis = nioredis;
        }
    }

    private static final int MAX_SCAN_CALLS = 10_000;

    private final RespConnection redis;
    private final RespConnection nioredis;

    DifferentialRunner(RespConnection redis, RespConnection nioredis) {
        this.redis = redis;
        this.nioredis = nioredis;
    }

    /** The first disagreement, or null if every reply agreed. */
    Mismatch run(List<Step> steps) throws IOException {
        // A sequence may have left the connection in MULTI, in another database or with a name.
        for (RespConnection c : new RespConnection[] {redis, nioredis}) {
            c.call("RESET");
            c.call("FLUSHALL");
            c.call("SCRIPT", "FLUSH");
            c.call("FUNCTION", "FLUSH");
        }
        boolean queuing = false;
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            // Inside MULTI the reset would be queued too and add a reply to EXEC's.
            if (step.name().startsWith("sort") && !queuing) {
                clearErrno();
            }
            // Only the bare command opens or ends a transaction: MULTI x fails its arity check and opens none.
            boolean bare = step.args.length == 1;
            if (step.name().equals("multi") && bare) {
                queuing = true;
            } else if ((step.name().equals("exec") || step.name().equals("discard") || step.name().equals("reset"))
                    && bare) {
                queuing = false;
            }
            Outcome a = execute(redis, step, "redis");
            Outcome b = execute(nioredis, step, "nioredis");
            if (!a.agrees(b)) {
                return new Mismatch(i, a, b);
            }
        }
        return null;
    }

    /**
     * Redis's SORT reads errno after strtod without clearing it first (sort.c), so a range error left by an
     * earlier command (ZADD 5e-324, INCRBYFLOAT 1.1e4932) makes it refuse any non-integer element. A ZADD XX
     * of a valid score on a missing key clears errno in getDoubleFromObject and changes nothing.
     */
    private void clearErrno() throws IOException {
        redis.call("ZADD", "differential-errno-reset", "XX", "0", "m");
    }

    /**
     * A shortest sequence found that still ends in a mismatch, trying for at most {@code budgetMillis}.
     * Greedy delta debugging: remove chunks of halving size, keeping every removal that keeps a mismatch.
     */
    List<Step> shrink(List<Step> steps, Mismatch first, long budgetMillis) throws IOException {
        long deadline = System.currentTimeMillis() + budgetMillis;
        List<Step> current = new ArrayList<>(steps.subList(0, first.index + 1));
        for (int chunk = Math.max(1, current.size() / 2); chunk >= 1; chunk /= 2) {
            int i = 0;
            while (i < current.size() && System.currentTimeMillis() < deadline) {
                List<Step> candidate = new ArrayList<>(current.subList(0, i));
                candidate.addAll(current.subList(Math.min(current.size(), i + chunk), current.size()));
                Mismatch m = candidate.isEmpty() ? null : run(candidate);
                if (m != null) {
                    current = new ArrayList<>(candidate.subList(0, m.index + 1));
                } else {
                    i += chunk;
                }
            }
        }
        return current;
    }

    private Outcome execute(RespConnection c, Step step, String server) throws IOException {
        try {
            return execute(c, step);
        } catch (IOException e) {
            throw new IOException(server + " failed on " + step, e);
        }
    }

    private Outcome execute(RespConnection c, Step step) throws IOException {
        switch (step.match) {
            case SCAN_ALL:
            case SCAN_ALL_PAIRS:
                return scanAll(c, step);
            case RECLAIM_THEN_EXACT:
                reclaimExpired(c);
                break;
            case SET_ORDER:
                return setInItsOrder(c, step);
            default:
                break;
        }
        Reply reply = c.call(step.args);
        String raw = reply.toString();
        switch (step.match) {
            case EXACT:
            case RECLAIM_THEN_EXACT:
                return new Outcome(raw, raw);
            case UNORDERED:
                return new Outcome(reply.elements == null ? raw : "unordered " + sorted(reply.elements, 1), raw);
            case UNORDERED_PAIRS:
                return new Outcome(reply.elements == null || reply.elements.size() % 2 != 0 ? raw
                        : "unordered pairs " + sorted(reply.elements, 2), raw);
            case SHAPE_THEN_DELETE_KEY:
                c.call(new byte[][] {"DEL".getBytes(StandardCharsets.US_ASCII), step.args[step.specialArg]});
                return new Outcome(shape(reply), raw);
            case SCAN_SHAPE:
                return new Outcome(reply.isError() ? raw : scanShape(reply), raw);
            case DEADLINE:
                return new Outcome(reply.type == ':' && Long.parseLong(reply.text()) > 0 ? "a deadline" : raw, raw);
            case CLOSE:
                // -1 and -2 (no TTL, no key) are exact; real times only close.
                return reply.type == ':' && Long.parseLong(reply.text()) >= 0
                        ? Outcome.near(Long.parseLong(reply.text()), raw) : new Outcome(raw, raw);
            case COMMAND_INFO:
                return new Outcome(commandInfo(reply), raw);
            case COMMAND_DOCS:
                return new Outcome(commandDocs(reply), raw);
            case GEO_TIES:
                return new Outcome(reply.elements == null ? raw : geoTies(reply.elements), raw);
            default:
                return new Outcome(shape(reply), raw);
        }
    }

    private static Outcome setInItsOrder(RespConnection c, Step step) throws IOException {
        Reply encoding = c.call(new byte[][] {"OBJECT".getBytes(StandardCharsets.US_ASCII),
                "ENCODING".getBytes(StandardCharsets.US_ASCII), step.args[step.specialArg]});
        Reply reply = c.call(step.args);
        String raw = reply.toString();
        boolean intset = "intset".equals(encoding.text());
        String compared = reply.elements == null || intset ? raw : "unordered " + sorted(reply.elements, 1);
        // Only a set's encoding is compared: the key may hold another type (OBJECT has known differences).
        boolean set = intset || "hashtable".equals(encoding.text());
        return new Outcome(set ? encoding + " " + compared : compared, raw);
    }

    /** Follows the cursor from 0 to the end; the outcome is the set of elements (or pairs) seen. */
    private Outcome scanAll(RespConnection c, Step step) throws IOException {
        byte[][] args = step.args.clone();
        int group = step.match == Match.SCAN_ALL_PAIRS ? 2 : 1;
        TreeSet<String> seen = new TreeSet<>();
        String cursor = "0";
        for (int calls = 0; calls < MAX_SCAN_CALLS; calls++) {
            args[step.specialArg] = cursor.getBytes(StandardCharsets.US_ASCII);
            Reply reply = c.call(args);
            if (reply.isError() || reply.elements == null || reply.elements.size() != 2
                    || reply.elements.get(1).elements == null) {
                String raw = reply.toString();
                return new Outcome(calls == 0 ? raw : "malformed scan reply " + raw, raw);
            }
            List<Reply> items = reply.elements.get(1).elements;
            for (int i = 0; i + group <= items.size(); i += group) {
                StringBuilder b = new StringBuilder();
                for (int j = 0; j < group; j++) {
                    b.append(j == 0 ? "" : " => ").append(items.get(i + j));
                }
                seen.add(b.toString());
            }
            cursor = reply.elements.get(0).text();
            if ("0".equals(cursor)) {
                String shown = "full iteration saw " + seen;
                return new Outcome(shown, shown);
            }
        }
        return new Outcome("scan did not finish", "scan did not finish after " + MAX_SCAN_CALLS + " calls");
    }

    /** A full SCAN of the selected database, which deletes the expired keys it meets, as in Redis. */
    private static void reclaimExpired(RespConnection c) throws IOException {
        String cursor = "0";
        for (int calls = 0; calls < MAX_SCAN_CALLS; calls++) {
            Reply reply = c.call("SCAN", cursor, "COUNT", "1000");
            if (reply.elements == null || reply.elements.size() != 2) {
                return; // inside MULTI (queued) or refused: DBSIZE will be queued or refused alike
            }
            cursor = reply.elements.get(0).text();
            if ("0".equals(cursor)) {
                return;
            }
        }
    }

    private static String sorted(List<Reply> elements, int group) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i + group <= elements.size(); i += group) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < group; j++) {
                b.append(j == 0 ? "" : " => ").append(elements.get(i + j));
            }
            items.add(b.toString());
        }
        items.sort(null);
        return items.toString();
    }

    /** COMMAND INFO without tips (element 8 of an entry) and with subcommands (element 10) as a sorted set. */
    private static String commandInfo(Reply reply) {
        if (reply.elements == null) {
            return reply.toString();
        }
        List<String> entries = new ArrayList<>();
        for (Reply entry : reply.elements) {
            entries.add(infoEntry(entry));
        }
        return entries.toString();
    }

    private static String infoEntry(Reply entry) {
        if (entry.elements == null) {
            return entry.toString();
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < entry.elements.size(); i++) {
            Reply e = entry.elements.get(i);
            if (i == 7) {
                continue;
            }
            if (i == 9 && e.elements != null) {
                TreeSet<String> subcommands = new TreeSet<>();
                for (Reply sub : e.elements) {
                    subcommands.add(infoEntry(sub));
                }
                parts.add(subcommands.toString());
            } else {
                parts.add(e.toString());
            }
        }
        return parts.toString();
    }

    /** COMMAND DOCS as a sorted map of name to docs, each without its summary, subcommands likewise. */
    private static String commandDocs(Reply reply) {
        if (reply.elements == null || reply.elements.size() % 2 != 0) {
            return reply.toString();
        }
        TreeSet<String> commands = new TreeSet<>();
        for (int i = 0; i < reply.elements.size(); i += 2) {
            commands.add(reply.elements.get(i) + " => " + docsBody(reply.elements.get(i + 1)));
        }
        return commands.toString();
    }

    private static String docsBody(Reply docs) {
        if (docs.elements == null || docs.elements.size() % 2 != 0) {
            return docs.toString();
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < docs.elements.size(); i += 2) {
            String key = docs.elements.get(i).text();
            Reply value = docs.elements.get(i + 1);
            if ("summary".equals(key)) {
                continue;
            }
            parts.add(key + "=" + ("subcommands".equals(key) ? commandDocs(value) : value.toString()));
        }
        return parts.toString();
    }

    /** See {@link Match#GEO_TIES}: each element is [member, distance, ...]. */
    private static String geoTies(List<Reply> elements) {
        StringBuilder b = new StringBuilder("by distance:");
        int i = 0;
        while (i < elements.size()) {
            Reply first = elements.get(i);
            if (first.elements == null || first.elements.size() < 2) {
                return "malformed " + first;
            }
            String distance = first.elements.get(1).text();
            List<String> run = new ArrayList<>();
            while (i < elements.size() && elements.get(i).elements != null && elements.get(i).elements.size() > 1
                    && distance.equals(elements.get(i).elements.get(1).text())) {
                run.add(elements.get(i).toString());
                i++;
            }
            run.sort(null);
            b.append(' ').append(distance).append(i == elements.size() ? " x" + run.size() : " " + run);
        }
        return b.toString();
    }

    private static String shape(Reply reply) {
        if (reply.isError()) {
            return reply.toString();
        }
        if (reply.type == '*') {
            return reply.elements == null ? "nil array" : "array of " + reply.elements.size();
        }
        return reply.type + (reply.isNil() ? " nil" : "");
    }

    private static String scanShape(Reply reply) {
        boolean wellFormed = reply.elements != null && reply.elements.size() == 2
                && reply.elements.get(0).type == '$' && reply.elements.get(1).elements != null;
        return wellFormed ? "cursor and array" : "malformed " + reply;
    }
}
