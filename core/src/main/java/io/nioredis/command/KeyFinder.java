package io.nioredis.command;

import io.nioredis.resp.Request;
import io.nioredis.text.Ascii;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the key arguments of a request from its command's key specs, as Redis's getKeysUsingKeySpecs: for
 * COMMAND GETKEYS, and for whatever must know the keys before running a command (cluster slots, ACLs).
 * Specs flagged not_key (sharded channels) are skipped, as Redis's GET_KEYSPEC_DEFAULT search does.
 */
public final class KeyFinder {
    private KeyFinder() {}

    /**
     * Pairs of (argument index, key spec index) for {@code request} whose command name is argument
     * {@code base}, or null when a key count is not a number that fits the arguments (Redis's "Invalid
     * arguments specified for command").
     */
    public static List<int[]> find(CommandSpec spec, Request request, int base) {
        return find(spec, request, base, false);
    }

    /**
     * As {@link #find(CommandSpec, Request, int)}, also counting the not_key specs when {@code notKeys}: the
     * shard channels of SSUBSCRIBE, SUNSUBSCRIBE and SPUBLISH, which cluster mode routes as keys.
     */
    public static List<int[]> find(CommandSpec spec, Request request, int base, boolean notKeys) {
        return find(spec, request, base, notKeys, false);
    }

    /**
     * As {@link #find(CommandSpec, Request, int)} for COMMAND GETKEYS, which Redis answers without
     * GET_KEYSPEC_RETURN_PARTIAL: a spec that begins past the last argument (PFMERGE's sources in
     * {@code PFMERGE dest}) makes the request invalid, where the routing and the snapshot's hold only find
     * no keys in that spec.
     */
    public static List<int[]> findStrictly(CommandSpec spec, Request request, int base) {
        return find(spec, request, base, false, true);
    }

    private static List<int[]> find(CommandSpec spec, Request request, int base, boolean notKeys, boolean strict) {
        List<int[]> keys = new ArrayList<>();
        boolean valid = visit(spec, request, base, notKeys, strict,
                (argument, keySpec) -> keys.add(new int[] {argument, keySpec}));
        return valid ? keys : null;
    }

    /** Receives the keys a request names, in the order {@link #find} lists them. */
    public interface KeyVisitor {
        void key(int argument, int keySpec);
    }

    /**
     * Gives {@code visitor} each key {@link #find(CommandSpec, Request, int)} would list, allocating nothing;
     * false, with maybe some keys given already, where find returns null.
     */
    public static boolean visit(CommandSpec spec, Request request, int base, KeyVisitor visitor) {
        return visit(spec, request, base, false, false, visitor);
    }

    private static boolean visit(CommandSpec spec, Request request, int base, boolean notKeys, boolean strict,
            KeyVisitor visitor) {
        int argc = request.argc() - base;
        for (int s = 0; s < spec.keySpecs.size(); s++) {
            KeySpec k = spec.keySpecs.get(s);
            if (k.isUnknown() || (k.isNotKey() && !notKeys)) {
                continue;
            }
            int first;
            if (k.isKeyword()) {
                first = afterKeyword(k, request, base, argc);
                if (first == 0) {
                    continue; // keyword not found: this spec has no keys here
                }
            } else {
                first = k.beginIndex();
                if (first >= argc) {
                    if (strict) {
                        return false;
                    }
                    continue;
                }
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
                    return false;
                }
                long count = Ascii.parseLong(b, off, len);
                first += k.firstKey();
                if (count == 0) {
                    continue;
                }
                if (count < 0 || count > argc || first + (count - 1) * k.step() >= argc) {
                    return false;
                }
                last = (int) (first + (count - 1) * k.step());
            } else if (k.lastKey() >= 0) {
                last = first + k.lastKey();
            } else if (k.limit() == 0) {
                last = argc + k.lastKey();
            } else {
                last = first + (argc - first) / k.limit() + k.lastKey();
            }
            if (k.isKeyword() && (last >= argc || last < first)) {
                return false; // Redis's invalid spec; its fallback (xreadGetKeys) finds no keys either then
            }
            for (int i = first; i <= last && i < argc; i += k.step()) {
                visitor.key(base + i, s);
            }
        }
        return true;
    }

    /**
     * The argument index after the spec's keyword, or 0 if absent. As Redis: from startfrom towards the end
     * (the last argument is never looked at: no key could follow it), or from argc + startfrom back towards
     * argument 1 when startfrom is negative.
     */
    private static int afterKeyword(KeySpec k, Request request, int base, int argc) {
        int start = k.beginIndex() > 0 ? k.beginIndex() : argc + k.beginIndex();
        int end = k.beginIndex() > 0 ? argc - 1 : 0;
        byte[] keyword = k.keywordBytes();
        for (int i = start; i != end; i = start <= end ? i + 1 : i - 1) {
            if (i >= argc || i < 1) {
                break;
            }
            if (Ascii.equalsIgnoreCase(request.array(), request.offset(base + i), request.length(base + i), keyword)) {
                return i + 1;
            }
        }
        return 0;
    }
}
