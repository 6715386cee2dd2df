package io.nioredis.server.differential;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One generated command, with how its replies are compared and which argument holds the key. */
final class Step {
    final byte[][] args;
    final Match match;
    /** Argument index of the SCAN cursor, or of the key SPOP removes; -1 if neither applies. */
    final int specialArg;

    Step(byte[][] args, Match match, int specialArg) {
        this.args = args;
        this.match = match;
        this.specialArg = specialArg;
    }

    String name() {
        return new String(args[0], StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
    }

    /** As a redis-cli style line with escapes, for reports. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (byte[] a : args) {
            parts.add('"' + Reply.escape(a).replace("\"", "\\\"") + '"');
        }
        return String.join(" ", parts) + (match == Match.EXACT ? "" : "   [" + match + "]");
    }
}
