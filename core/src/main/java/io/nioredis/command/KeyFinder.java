package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.text.Ascii;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the key arguments of a request from its command's key specs, as Redis's getKeysUsingKeySpecs: for
 * COMMAND GETKEYS, and for whatever must know the keys before running a command (cluster slots, ACLs).
 */
public final class KeyFinder {
    private KeyFinder() {}

    /**
     * Pairs of (argument index, key spec index) for {@code request} whose command name is argument
     * {@code base}, or null when a key count is not a number that fits the arguments (Redis's "Invalid
     * arguments specified for command").
     */
    public static List<int[]> find(CommandSpec spec, Request request, int base) {
        List<int[]> keys = new ArrayList<>();
        int argc = request.argc() - base;
        for (int s = 0; s < spec.keySpecs.size(); s++) {
            KeySpec k = spec.keySpecs.get(s);
            if (k.isUnknown()) {
                continue;
            }
            int first = k.beginIndex();
            if (first >= argc) {
                continue;
            }
            int last;
            if (k.isKeynum()) {
                int countArg = first + k.keynumIndex();
                if (countArg >= argc) {
                    continue;
                }
                byte[] b = request.array();
                int off = request.offset(base + countArg);
                int len = request.length(base + countArg);
                if (!Ascii.isLong(b, off, len)) {
                    return null;
                }
                long count = Ascii.parseLong(b, off, len);
                first += k.firstKey();
                if (count == 0) {
                    continue;
                }
                if (count < 0 || count > argc || first + (count - 1) * k.step() >= argc) {
                    return null;
                }
                last = (int) (first + (count - 1) * k.step());
            } else {
                last = k.lastKey() >= 0 ? first + k.lastKey() : argc + k.lastKey();
            }
            for (int i = first; i <= last && i < argc; i += k.step()) {
                keys.add(new int[] {base + i, s});
            }
        }
        return keys;
    }
}
