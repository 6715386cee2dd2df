package io.nioredis.command;

import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.SkipList;
import io.nioredis.store.SortedSetValue;
import java.util.List;

/**
 * The SORTED SET family's table rows, with arity, flags and key positions as Redis 7.0's COMMAND INFO, and
 * the steps its commands share.
 */
final class SortedSetCommands {
    private SortedSetCommands() {}

    static void register(List<CommandSpec> rows) {
        rows.add(BuiltinCommands.row("zadd", -4, "write denyoom fast", 1, 1, 1, "sorted-set", "1.2.0",
                "Add one or more members to a sorted set, or update its score if it already exists",
                new ZaddCommand(false)));
        rows.add(BuiltinCommands.row("zincrby", 4, "write denyoom fast", 1, 1, 1, "sorted-set", "1.2.0",
                "Increment the score of a member in a sorted set", new ZaddCommand(true)));
        rows.add(BuiltinCommands.row("zrem", -3, "write fast", 1, 1, 1, "sorted-set", "1.2.0",
                "Remove one or more members from a sorted set", new ZremCommand()));
        rows.add(BuiltinCommands.row("zscore", 3, "readonly fast", 1, 1, 1, "sorted-set", "1.2.0",
                "Get the score associated with the given member in a sorted set", new ZscoreCommand(false)));
        rows.add(BuiltinCommands.row("zmscore", -3, "readonly fast", 1, 1, 1, "sorted-set", "6.2.0",
                "Get the score associated with the given members in a sorted set", new ZscoreCommand(true)));
        rows.add(BuiltinCommands.row("zcard", 2, "readonly fast", 1, 1, 1, "sorted-set", "1.2.0",
                "Get the number of members in a sorted set", new ZcardCommand()));
        rows.add(BuiltinCommands.row("zcount", 4, "readonly fast", 1, 1, 1, "sorted-set", "2.0.0",
                "Count the members in a sorted set with scores within the given values", new ZcountCommand(false)));
        rows.add(BuiltinCommands.row("zlexcount", 4, "readonly fast", 1, 1, 1, "sorted-set", "2.8.9",
                "Count the number of members in a sorted set between a given lexicographical range",
                new ZcountCommand(true)));
        rows.add(BuiltinCommands.row("zrank", 3, "readonly fast", 1, 1, 1, "sorted-set", "2.0.0",
                "Determine the index of a member in a sorted set", new ZrankCommand(false)));
        rows.add(BuiltinCommands.row("zrevrank", 3, "readonly fast", 1, 1, 1, "sorted-set", "2.0.0",
                "Determine the index of a member in a sorted set, with scores ordered from high to low",
                new ZrankCommand(true)));
        rows.add(BuiltinCommands.row("zrange", -4, "readonly", 1, 1, 1, "sorted-set", "1.2.0",
                "Return a range of members in a sorted set", new ZrangeCommand(ZrangeCommand.AUTO, false)));
        rows.add(BuiltinCommands.row("zrevrange", -4, "readonly", 1, 1, 1, "sorted-set", "1.2.0",
                "Return a range of members in a sorted set, by index, with scores ordered from high to low",
                new ZrangeCommand(ZrangeCommand.RANK, true)));
        rows.add(BuiltinCommands.row("zrangebyscore", -4, "readonly", 1, 1, 1, "sorted-set", "1.0.5",
                "Return a range of members in a sorted set, by score", new ZrangeCommand(ZrangeCommand.SCORE, false)));
        rows.add(BuiltinCommands.row("zrevrangebyscore", -4, "readonly", 1, 1, 1, "sorted-set", "2.2.0",
                "Return a range of members in a sorted set, by score, with scores ordered from high to low",
                new ZrangeCommand(ZrangeCommand.SCORE, true)));
        rows.add(BuiltinCommands.row("zrangebylex", -4, "readonly", 1, 1, 1, "sorted-set", "2.8.9",
                "Return a range of members in a sorted set, by lexicographical range",
                new ZrangeCommand(ZrangeCommand.LEX, false)));
        rows.add(BuiltinCommands.row("zrevrangebylex", -4, "readonly", 1, 1, 1, "sorted-set", "2.8.9",
                "Return a range of members in a sorted set, by lexicographical range, ordered from higher to "
                        + "lower strings.", new ZrangeCommand(ZrangeCommand.LEX, true)));
        rows.add(BuiltinCommands.row("zpopmin", -2, "write fast", 1, 1, 1, "sorted-set", "5.0.0",
                "Remove and return members with the lowest scores in a sorted set", new ZpopCommand(false)));
        rows.add(BuiltinCommands.row("zpopmax", -2, "write fast", 1, 1, 1, "sorted-set", "5.0.0",
                "Remove and return members with the highest scores in a sorted set", new ZpopCommand(true)));
        rows.add(BuiltinCommands.row("zremrangebyrank", 4, "write", 1, 1, 1, "sorted-set", "2.0.0",
                "Remove all members in a sorted set within the given indexes",
                new ZremrangeCommand(ZremrangeCommand.RANK)));
        rows.add(BuiltinCommands.row("zremrangebyscore", 4, "write", 1, 1, 1, "sorted-set", "1.2.0",
                "Remove all members in a sorted set within the given scores",
                new ZremrangeCommand(ZremrangeCommand.SCORE)));
        rows.add(BuiltinCommands.row("zremrangebylex", 4, "write", 1, 1, 1, "sorted-set", "2.8.9",
                "Remove all members in a sorted set between the given lexicographical range",
                new ZremrangeCommand(ZremrangeCommand.LEX)));
        rows.add(BuiltinCommands.row("zscan", -3, "readonly", 1, 1, 1, "sorted-set", "2.8.0",
                "Incrementally iterate sorted sets elements and associated scores", new ZscanCommand()));
    }

    /** The sorted set at a live slot, or null if the key holds another type. */
    static SortedSetValue asZset(Keyspace keyspace, int slot) {
        Object e = keyspace.entry(slot);
        return e instanceof SortedSetValue ? (SortedSetValue) e : null;
    }

    /**
     * The header of a reply of {@code count} members: WITHSCORES is a flat array in RESP2 and an array of
     * [member, score] pairs in RESP3, as Redis 7.0.
     */
    static void rangeHeader(long count, boolean withScores, RespWriter out) {
        out.arrayHeader(withScores && out.protocol() != 3 ? count * 2 : count);
    }

    static void writeNode(SkipList.Node node, boolean withScores, RespWriter out) {
        if (withScores && out.protocol() == 3) {
            out.arrayHeader(2);
        }
        out.bulk(node.key());
        if (withScores) {
            out.doubleValue(node.score());
        }
    }

    /**
     * After members were removed: notifies {@code event}, and deletes the key with a "del" notification
     * if the sorted set is now empty, as Redis's ZREM and ZPOP* do.
     */
    static void changedAndDeleteIfEmpty(Keyspace keyspace, int slot, SortedSetValue zset, String event,
                                        byte[] b, int koff, int klen) {
        keyspace.changed(KeyspaceEvents.ZSET, event, b, koff, klen);
        if (zset.size() == 0) {
            keyspace.delete(slot);
            keyspace.notify(KeyspaceEvents.GENERIC, "del", b, koff, klen);
        }
    }
}
