package io.nioredis.rdb;

import io.nioredis.rdb.RdbValue.HashEntry;
import io.nioredis.rdb.RdbValue.HashValue;
import io.nioredis.rdb.RdbValue.ListValue;
import io.nioredis.rdb.RdbValue.ScoredMember;
import io.nioredis.rdb.RdbValue.SetValue;
import io.nioredis.rdb.RdbValue.SortedSetValue;
import io.nioredis.rdb.RdbValue.StringValue;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a value in any encoding Redis 7.0 writes or loads (rdbLoadObject): plain, ziplist, zipmap,
 * intset, listpack and quicklist forms of every type but modules, and both stream types. Like Redis, it
 * refuses empty collections, duplicate set members, hash fields and sorted set members, and NaN scores.
 */
public final class RdbValueReader {
    private RdbValueReader() {}

    /** Reads a type byte and the value after it. */
    public static RdbValue read(RdbInput in) throws RdbFormatException {
        return read(in, in.readType());
    }

    /** Reads the value of an already read type byte. */
    public static RdbValue read(RdbInput in, int type) throws RdbFormatException {
        switch (type) {
            case RdbType.STRING:
                return new StringValue(in.readString());
            case RdbType.LIST:
                return new ListValue(nonEmpty(readStrings(in, "list"), type));
            case RdbType.SET:
                return new SetValue(distinct(nonEmpty(readStrings(in, "set"), type), "set members"));
            case RdbType.ZSET:
            case RdbType.ZSET_2:
                return readSkiplistZset(in, type);
            case RdbType.HASH:
                return readHashTable(in);
            case RdbType.HASH_ZIPMAP:
                return hashOf(ZipmapReader.decode(in.readString()), type);
            case RdbType.LIST_ZIPLIST:
                return new ListValue(nonEmpty(ZiplistReader.decode(in.readString()), type));
            case RdbType.SET_INTSET:
                return readIntset(in);
            case RdbType.ZSET_ZIPLIST:
                return sortedSetOf(ZiplistReader.decode(in.readString()), type);
            case RdbType.HASH_ZIPLIST:
                return hashOf(ZiplistReader.decode(in.readString()), type);
            case RdbType.LIST_QUICKLIST:
            case RdbType.LIST_QUICKLIST_2:
                return readQuicklist(in, type);
            case RdbType.HASH_LISTPACK:
                return hashOf(ListpackReader.decode(in.readString()), type);
            case RdbType.ZSET_LISTPACK:
                return sortedSetOf(ListpackReader.decode(in.readString()), type);
            case RdbType.STREAM_LISTPACKS:
            case RdbType.STREAM_LISTPACKS_2:
                return RdbStreamCodec.read(in, type);
            case RdbType.MODULE_PRE_GA:
            case RdbType.MODULE_2:
                throw new RdbFormatException("Unsupported RDB type " + type + " (module values are not supported)");
            case RdbType.SET_LISTPACK:
            case RdbType.STREAM_LISTPACKS_3:
                throw new RdbFormatException("Unsupported RDB type " + type + " (a Redis 7.2 encoding)");
            default:
                throw new RdbFormatException("Unknown RDB type " + type);
        }
    }

    private static List<byte[]> readStrings(RdbInput in, String what) throws RdbFormatException {
        int count = in.readCount(what, 1);
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(in.readString());
        }
        return out;
    }

    private static SortedSetValue readSkiplistZset(RdbInput in, int type) throws RdbFormatException {
        int count = in.readCount("sorted set", 2);
        List<ScoredMember> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] member = in.readString();
            double score = type == RdbType.ZSET_2 ? in.readBinaryDouble() : in.readStringDouble();
            members.add(new ScoredMember(member, score));
        }
        return checkedSortedSet(members, type);
    }

    private static HashValue readHashTable(RdbInput in) throws RdbFormatException {
        int count = in.readCount("hash", 2);
        List<HashEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] field = in.readString();
            entries.add(new HashEntry(field, in.readString()));
        }
        return checkedHash(entries, RdbType.HASH);
    }

    private static SetValue readIntset(RdbInput in) throws RdbFormatException {
        byte[] blob = in.readString();
        long[] values = Intset.decode(blob);
        List<byte[]> members = new ArrayList<>(values.length);
        for (long v : values) {
            members.add(IntegerText.toBytes(v));
        }
        return new SetValue(members, Intset.width(blob));
    }

    private static ListValue readQuicklist(RdbInput in, int type) throws RdbFormatException {
        int nodes = in.readCount("quicklist node", 1);
        List<byte[]> elements = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            long container = RdbType.QUICKLIST_NODE_PACKED;
            if (type == RdbType.LIST_QUICKLIST_2) {
                container = in.readLength();
                if (container != RdbType.QUICKLIST_NODE_PACKED && container != RdbType.QUICKLIST_NODE_PLAIN) {
                    throw new RdbFormatException("Quicklist integrity check failed: unknown container " + container);
                }
            }
            byte[] data = in.readString();
            if (data.length == 0) {
                throw new RdbFormatException("Quicklist integrity check failed: empty node");
            }
            if (container == RdbType.QUICKLIST_NODE_PLAIN) {
                elements.add(data);
            } else if (type == RdbType.LIST_QUICKLIST_2) {
                elements.addAll(ListpackReader.decode(data)); // Redis skips empty nodes silently
            } else {
                elements.addAll(ZiplistReader.decode(data));
            }
        }
        return new ListValue(nonEmpty(elements, type));
    }

    private static HashValue hashOf(List<byte[]> flat, int type) throws RdbFormatException {
        if (flat.size() % 2 != 0) {
            throw new RdbFormatException("Hash of type " + type + " has an odd number of entries");
        }
        List<HashEntry> entries = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i < flat.size(); i += 2) {
            entries.add(new HashEntry(flat.get(i), flat.get(i + 1)));
        }
        return checkedHash(entries, type);
    }

    private static SortedSetValue sortedSetOf(List<byte[]> flat, int type) throws RdbFormatException {
        if (flat.size() % 2 != 0) {
            throw new RdbFormatException("Sorted set of type " + type + " has an odd number of entries");
        }
        List<ScoredMember> members = new ArrayList<>(flat.size() / 2);
        for (int i = 0; i < flat.size(); i += 2) {
            double score;
            try {
                score = DoubleText.parse(flat.get(i + 1));
            } catch (NumberFormatException e) {
                throw new RdbFormatException("Sorted set of type " + type + " has a score that is not a number");
            }
            members.add(new ScoredMember(flat.get(i), score));
        }
        return checkedSortedSet(members, type);
    }

    private static HashValue checkedHash(List<HashEntry> entries, int type) throws RdbFormatException {
        nonEmpty(entries, type);
        Set<ByteBuffer> seen = new HashSet<>();
        for (HashEntry e : entries) {
            if (!seen.add(ByteBuffer.wrap(e.field()))) {
                throw new RdbFormatException("Duplicate hash fields detected");
            }
        }
        return new HashValue(entries, type != RdbType.HASH);
    }

    private static SortedSetValue checkedSortedSet(List<ScoredMember> members, int type) throws RdbFormatException {
        nonEmpty(members, type);
        Set<ByteBuffer> seen = new HashSet<>();
        for (ScoredMember m : members) {
            if (Double.isNaN(m.score())) {
                throw new RdbFormatException("Zset with NAN score detected");
            }
            if (!seen.add(ByteBuffer.wrap(m.member()))) {
                throw new RdbFormatException("Duplicate zset fields detected");
            }
        }
        return new SortedSetValue(members, type != RdbType.ZSET && type != RdbType.ZSET_2);
    }

    private static List<byte[]> distinct(List<byte[]> members, String what) throws RdbFormatException {
        Set<ByteBuffer> seen = new HashSet<>();
        for (byte[] m : members) {
            if (!seen.add(ByteBuffer.wrap(m))) {
                throw new RdbFormatException("Duplicate " + what + " detected");
            }
        }
        return members;
    }

    private static <T> List<T> nonEmpty(List<T> list, int type) throws RdbFormatException {
        if (list.isEmpty()) {
            throw new RdbFormatException("Empty value of RDB type " + type + " (empty keys are not allowed)");
        }
        return list;
    }
}
