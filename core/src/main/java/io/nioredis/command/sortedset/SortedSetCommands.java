package io.nioredis.command.sortedset;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;

import io.nioredis.command.CommandSpec;

import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.value.SkipList;
import io.nioredis.value.SortedSetValue;
import java.util.List;

/**
 * The SORTED SET family's table rows, with arity, flags and key positions as Redis 7.0's COMMAND INFO, and
 * the steps its commands share.
 */
public final class SortedSetCommands {
    private SortedSetCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.SORTED_SET.command("zadd", -4, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("1.2.0")
                .complexity("O(log(N)) for each item added, where N is the number of elements in the sorted set.")
                .summary("Add one or more members to a sorted set, or update its score if it already exists")
                .args("key condition=[NX|XX] comparison=[GT|LT] [change=CH] [increment=INCR] score_member=(score member)...")
                .run(new ZaddCommand(false)));
        rows.add(Group.SORTED_SET.command("zincrby", 4, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.2.0")
                .complexity("O(log(N)) where N is the number of elements in the sorted set.")
                .summary("Increment the score of a member in a sorted set")
                .args("key increment member")
                .run(new ZaddCommand(true)));
        rows.add(Group.SORTED_SET.command("zrem", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("1.2.0")
                .complexity("O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.")
                .summary("Remove one or more members from a sorted set")
                .args("key member...")
                .run(new ZremCommand()));
        rows.add(Group.SORTED_SET.command("zscore", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.2.0")
                .complexity("O(1)")
                .summary("Get the score associated with the given member in a sorted set")
                .args("key member")
                .run(new ZscoreCommand(false)));
        rows.add(Group.SORTED_SET.command("zmscore", -3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(N) where N is the number of members being requested.")
                .summary("Get the score associated with the given members in a sorted set")
                .args("key member...")
                .run(new ZscoreCommand(true)));
        rows.add(Group.SORTED_SET.command("zcard", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("1.2.0")
                .complexity("O(1)")
                .summary("Get the number of members in a sorted set")
                .args("key")
                .run(new ZcardCommand()));
        rows.add(Group.SORTED_SET.command("zcount", 4, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                .summary("Count the members in a sorted set with scores within the given values")
                .args("key min#double max#double")
                .run(new ZcountCommand(false)));
        rows.add(Group.SORTED_SET.command("zlexcount", 4, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.9")
                .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                .summary("Count the number of members in a sorted set between a given lexicographical range")
                .args("key min max")
                .run(new ZcountCommand(true)));
        rows.add(Group.SORTED_SET.command("zrank", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(log(N))")
                .summary("Determine the index of a member in a sorted set")
                .args("key member")
                .run(new ZrankCommand(false)));
        rows.add(Group.SORTED_SET.command("zrevrank", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(log(N))")
                .summary("Determine the index of a member in a sorted set, with scores ordered from high to low")
                .args("key member")
                .run(new ZrankCommand(true)));
        rows.add(Group.SORTED_SET.command("zrange", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.2.0")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.")
                .summary("Return a range of members in a sorted set")
                .args("key start#string stop#string sortby=[BYSCORE|BYLEX] [REV] LIMIT:[offset count] [WITHSCORES]")
                .run(new ZrangeCommand(ZrangeCommand.AUTO, false)));
        rows.add(Group.SORTED_SET.command("zrevrange", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.2.0")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.")
                .summary("Return a range of members in a sorted set, by index, with scores ordered from high to low")
                .args("key start stop [WITHSCORES]")
                .run(new ZrangeCommand(ZrangeCommand.RANK, true)));
        rows.add(Group.SORTED_SET.command("zrangebyscore", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.5")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
                .summary("Return a range of members in a sorted set, by score")
                .args("key min#double max#double [WITHSCORES] LIMIT:[offset count]")
                .run(new ZrangeCommand(ZrangeCommand.SCORE, false)));
        rows.add(Group.SORTED_SET.command("zrevrangebyscore", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.2.0")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
                .summary("Return a range of members in a sorted set, by score, with scores ordered from high to low")
                .args("key max#double min#double [WITHSCORES] LIMIT:[offset count]")
                .run(new ZrangeCommand(ZrangeCommand.SCORE, true)));
        rows.add(Group.SORTED_SET.command("zrangebylex", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.9")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
                .summary("Return a range of members in a sorted set, by lexicographical range")
                .args("key min max LIMIT:[offset count]")
                .run(new ZrangeCommand(ZrangeCommand.LEX, false)));
        rows.add(Group.SORTED_SET.command("zrevrangebylex", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.9")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
                .summary("Return a range of members in a sorted set, by lexicographical range, ordered from higher to lower strings.")
                .args("key max min LIMIT:[offset count]")
                .run(new ZrangeCommand(ZrangeCommand.LEX, true)));
        rows.add(Group.SORTED_SET.command("zpopmin", -2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"))
                .since("5.0.0")
                .complexity("O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.")
                .summary("Remove and return members with the lowest scores in a sorted set")
                .args("key [count]")
                .run(new ZpopCommand(false)));
        rows.add(Group.SORTED_SET.command("zpopmax", -2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"))
                .since("5.0.0")
                .complexity("O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.")
                .summary("Remove and return members with the highest scores in a sorted set")
                .args("key [count]")
                .run(new ZpopCommand(true)));
        rows.add(Group.SORTED_SET.command("bzpopmin", -3, WRITE | NOSCRIPT | BLOCKING | FAST)
                .keys(KeySpec.range(1, -2, 1, "RW", "access", "delete"))
                .since("5.0.0")
                .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                .summary("Remove and return the member with the lowest score from one or more sorted sets, or block until one is available")
                .args("key... timeout")
                .run(new BzpopCommand(false)));
        rows.add(Group.SORTED_SET.command("bzpopmax", -3, WRITE | NOSCRIPT | BLOCKING | FAST)
                .keys(KeySpec.range(1, -2, 1, "RW", "access", "delete"))
                .since("5.0.0")
                .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                .summary("Remove and return the member with the highest score from one or more sorted sets, or block until one is available")
                .args("key... timeout")
                .run(new BzpopCommand(true)));
        rows.add(Group.SORTED_SET.command("bzmpop", -5, WRITE | BLOCKING)
                .keys(KeySpec.keynum(2, 0, 1, 1, "RW", "access", "delete"))
                .since("7.0.0")
                .complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.")
                .summary("Remove and return members with scores in a sorted set or block until one is available")
                .args("timeout numkeys key... where=(MIN|MAX) [COUNT:count]")
                .run(new ZmpopCommand(true)));
        rows.add(Group.SORTED_SET.command("zmpop", -4, WRITE)
                .keys(KeySpec.keynum(1, 0, 1, 1, "RW", "access", "delete"))
                .since("7.0.0")
                .complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.")
                .summary("Remove and return members with scores in a sorted set")
                .args("numkeys key... where=(MIN|MAX) [COUNT:count]")
                .run(new ZmpopCommand(false)));
        rows.add(Group.SORTED_SET.command("zremrangebyrank", 4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("2.0.0")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")
                .summary("Remove all members in a sorted set within the given indexes")
                .args("key start stop")
                .run(new ZremrangeCommand(ZremrangeCommand.RANK)));
        rows.add(Group.SORTED_SET.command("zremrangebyscore", 4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("1.2.0")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")
                .summary("Remove all members in a sorted set within the given scores")
                .args("key min#double max#double")
                .run(new ZremrangeCommand(ZremrangeCommand.SCORE)));
        rows.add(Group.SORTED_SET.command("zremrangebylex", 4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("2.8.9")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")
                .summary("Remove all members in a sorted set between the given lexicographical range")
                .args("key min max")
                .run(new ZremrangeCommand(ZremrangeCommand.LEX)));
        rows.add(Group.SORTED_SET.command("zscan", -3, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.0")
                .complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")
                .summary("Incrementally iterate sorted sets elements and associated scores")
                .args("key cursor [MATCH:pattern] [COUNT:count]")
                .run(new ZscanCommand()));
    }

    /** The sorted set at a live slot, or null if the key holds another type. */
    /**
     * A ZADD for another family to hand its arguments to, as Redis's GEOADD rewrites itself into ZADD key [NX|XX]
     * [CH] score member... and calls zaddCommand.
     */
    public static io.nioredis.command.Command zadd() {
        return new ZaddCommand(false);
    }

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
