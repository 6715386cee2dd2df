package io.nioredis.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Redis's ACL command categories, in the order COMMAND INFO prints them. Most are implied, as Redis's
 * setImplicitACLCategories does: by the flags (write, readonly, admin, pubsub, fast, blocking) and by the
 * command's group; a declaration adds the rest (dangerous, and a second data type where one applies).
 */
public enum AclCategory {
    KEYSPACE, READ, WRITE, SET, SORTEDSET, LIST, HASH, STRING, BITMAP, HYPERLOGLOG, GEO, STREAM, PUBSUB, ADMIN,
    FAST, SLOW, BLOCKING, DANGEROUS, CONNECTION, TRANSACTION, SCRIPTING;

    public long bit() {
        return 1L << ordinal();
    }

    /** As COMMAND INFO and ACL CAT spell it: {@code @sortedset}. */
    public String label() {
        return "@" + name().toLowerCase(Locale.ROOT);
    }

    /** The categories a command has: those its flags and group (if any; null for none) imply, plus the declared ones. */
    public static long of(long flags, Group group, long declared) {
        long cats = declared;
        if ((flags & CommandFlags.WRITE) != 0) {
            cats |= WRITE.bit();
        }
        if ((flags & CommandFlags.READONLY) != 0 && (declared & SCRIPTING.bit()) == 0) {
            cats |= READ.bit();
        }
        if ((flags & CommandFlags.ADMIN) != 0) {
            cats |= ADMIN.bit() | DANGEROUS.bit();
        }
        if ((flags & CommandFlags.PUBSUB) != 0) {
            cats |= PUBSUB.bit();
        }
        if ((flags & CommandFlags.BLOCKING) != 0) {
            cats |= BLOCKING.bit();
        }
        cats |= (flags & CommandFlags.FAST) != 0 ? FAST.bit() : SLOW.bit();
        if (group != null && group.category != null) {
            cats |= group.category.bit();
        }
        return cats;
    }

    public static List<String> labels(long cats) {
        List<String> labels = new ArrayList<>();
        for (AclCategory c : values()) {
            if ((cats & c.bit()) != 0) {
                labels.add(c.label());
            }
        }
        return labels;
    }

    /** The category named {@code name} (with or without the {@code @}), or null. */
    public static AclCategory byName(String name) {
        String bare = name.startsWith("@") ? name.substring(1) : name;
        for (AclCategory c : values()) {
            if (c.name().equalsIgnoreCase(bare)) {
                return c;
            }
        }
        return null;
    }
}
