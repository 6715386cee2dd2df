package io.nioredis.rdb;

import io.nioredis.rdb.RdbValue.HashValue;
import io.nioredis.rdb.RdbValue.ListValue;
import io.nioredis.rdb.RdbValue.SetValue;
import io.nioredis.rdb.RdbValue.SortedSetValue;
import io.nioredis.rdb.RdbValue.StringValue;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Test support: a value as comparable text, since the model's records hold byte arrays (identity
 * equality). Sets, hash-table hashes and sorted sets are compared as unordered content.
 */
final class ValueText {
    private ValueText() {}

    /** Content only: set members, hash pairs and scored members sorted. */
    static String content(RdbValue value) {
        return describe(value, false);
    }

    /** Keeps hash order too (listpack hashes are ordered). */
    static String ordered(RdbValue value) {
        return describe(value, true);
    }

    private static String describe(RdbValue value, boolean keepHashOrder) {
        if (value instanceof StringValue s) {
            return "string:" + hex(s.bytes());
        }
        if (value instanceof ListValue l) {
            return "list:" + join(l.elements(), false);
        }
        if (value instanceof SetValue s) {
            return "set:" + join(s.members(), true);
        }
        if (value instanceof HashValue h) {
            List<String> pairs = new ArrayList<>();
            h.entries().forEach(e -> pairs.add(hex(e.field()) + "=" + hex(e.value())));
            if (!keepHashOrder) {
                pairs.sort(null);
            }
            return "hash:" + String.join(",", pairs);
        }
        SortedSetValue z = (SortedSetValue) value;
        List<String> members = new ArrayList<>();
        // Scores by value, so that -0.0 and 0.0 (equal to Redis) do not differ here.
        z.members().forEach(m -> members.add(hex(m.member()) + "=" + (m.score() == 0 ? 0.0 : m.score())));
        members.sort(null);
        return "zset:" + String.join(",", members);
    }

    private static String join(List<byte[]> items, boolean sort) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(hex(i)));
        if (sort) {
            out.sort(null);
        }
        return String.join(",", out);
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
