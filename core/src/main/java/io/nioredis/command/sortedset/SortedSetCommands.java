package io.nioredis.command.sortedset;

import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.store.Keyspace;
import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Group;
import io.nioredis.value.SortedSetValue;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.command.RemoveMembersCommand;
import io.nioredis.command.KeySpec;

import io.nioredis.command.CommandSpec;

import io.nioredis.resp.RespWriter;
import java.util.List;

/**
 * The SORTED SET family's table rows, with arity, flags and key positions as Redis 7.0's COMMAND INFO, and
 * the steps its commands share.
 */
public final class SortedSetCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "zadd zincrby zrem zscore zmscore zcard zcount zlexcount zrank zrevrank "
            + "zrange zrevrange zrangebyscore zrevrangebyscore zrangebylex zrevrangebylex zpopmin zpopmax bzpopmin "
            + "bzpopmax bzmpop zmpop zremrangebyrank zremrangebyscore zremrangebylex zscan zunion zinter zdiff "
            + "zunionstore zinterstore zdiffstore zintercard zrangestore zrandmember";

    private static final CommandFactory IMPLEMENTATIONS = SortedSetCommands::implementation;

    private SortedSetCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.SORTED_SET.command("zadd", -4, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("1.2.0")
                .history(
                        "2.4.0", "Accepts multiple elements.",
                        "3.0.2", "Added the `XX`, `NX`, `CH` and `INCR` options.",
                        "6.2.0", "Added the `GT` and `LT` options.")
                .complexity("O(log(N)) for each item added, where N is the number of elements in the sorted set.")
                .summary("Add members with scores to a sorted set, or update their scores")
                .args("key condition=[NX|XX]@3.0.2 comparison=[GT|LT]@6.2.0 [change=CH]@3.0.2 [increment=INCR]@3.0.2 score_member=(score member)...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zincrby", 4, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("1.2.0")
                .complexity("O(log(N)) where N is the number of elements in the sorted set.")
                .summary("Add to the score of a sorted set member")
                .args("key increment member")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrem", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("1.2.0")
                .history("2.4.0", "Accepts multiple elements.")
                .complexity("O(M*log(N)) with N being the number of elements in the sorted set and M the number of elements to be removed.")
                .summary("Remove members from a sorted set")
                .args("key member...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zscore", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.2.0")
                .complexity("O(1)")
                .summary("Reply with the score of a sorted set member")
                .args("key member")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zmscore", -3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(N) where N is the number of members being requested.")
                .summary("Reply with the scores of several sorted set members")
                .args("key member...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zcard", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("1.2.0")
                .complexity("O(1)")
                .summary("Reply with the number of members of a sorted set")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zcount", 4, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                .summary("Count the members of a sorted set within a score range")
                .args("key min#double max#double")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zlexcount", 4, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.9")
                .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                .summary("Count the members of a sorted set within a lexicographic range")
                .args("key min max")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrank", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(log(N))")
                .summary("Reply with a member's position in a sorted set, lowest score first")
                .args("key member")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrevrank", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(log(N))")
                .summary("Reply with a member's position in a sorted set, highest score first")
                .args("key member")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrange", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.2.0")
                .history("6.2.0", "Added the `REV`, `BYSCORE`, `BYLEX` and `LIMIT` options.")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.")
                .summary("Read members of a sorted set by position, score or lexicographic range")
                .args("key start#string stop#string sortby=[BYSCORE|BYLEX]@6.2.0 [REV]@6.2.0 offset_count=LIMIT:[offset count]@6.2.0 [WITHSCORES]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrevrange", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.2.0")
                .deprecated("6.2.0", "`ZRANGE` with the `REV` argument")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements returned.")
                .summary("Read members of a sorted set by position, highest score first")
                .args("key start stop [WITHSCORES]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrangebyscore", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.5")
                .deprecated("6.2.0", "`ZRANGE` with the `BYSCORE` argument")
                .history("2.0.0", "Added the `WITHSCORES` modifier.")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
                .summary("Read members of a sorted set within a score range")
                .args("key min#double max#double [WITHSCORES]@2.0.0 offset_count=LIMIT:[offset count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrevrangebyscore", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.2.0")
                .deprecated("6.2.0", "`ZRANGE` with the `REV` and `BYSCORE` arguments")
                .history("2.1.6", "`min` and `max` can be exclusive.")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
                .summary("Read members of a sorted set within a score range, highest first")
                .args("key max#double min#double [WITHSCORES] offset_count=LIMIT:[offset count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrangebylex", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.9")
                .deprecated("6.2.0", "`ZRANGE` with the `BYLEX` argument")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
                .summary("Read members of a sorted set within a lexicographic range")
                .args("key min max offset_count=LIMIT:[offset count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrevrangebylex", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.9")
                .deprecated("6.2.0", "`ZRANGE` with the `REV` and `BYLEX` arguments")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements being returned. If M is constant (e.g. always asking for the first 10 elements with LIMIT), you can consider it O(log(N)).")
                .summary("Read members of a sorted set within a lexicographic range, in reverse")
                .args("key max min offset_count=LIMIT:[offset count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zpopmin", -2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"))
                .since("5.0.0")
                .complexity("O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.")
                .summary("Remove and reply with the members with the lowest scores")
                .args("key [count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zpopmax", -2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"))
                .since("5.0.0")
                .complexity("O(log(N)*M) with N being the number of elements in the sorted set, and M being the number of elements popped.")
                .summary("Remove and reply with the members with the highest scores")
                .args("key [count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("bzpopmin", -3, WRITE | NOSCRIPT | BLOCKING | FAST)
                .keys(KeySpec.range(1, -2, 1, "RW", "access", "delete"))
                .since("5.0.0")
                .history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
                .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                .summary("Remove the lowest-scored member of the first non-empty sorted set, waiting if all are empty")
                .args("key... timeout")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("bzpopmax", -3, WRITE | NOSCRIPT | BLOCKING | FAST)
                .keys(KeySpec.range(1, -2, 1, "RW", "access", "delete"))
                .since("5.0.0")
                .history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
                .complexity("O(log(N)) with N being the number of elements in the sorted set.")
                .summary("Remove the highest-scored member of the first non-empty sorted set, waiting if all are empty")
                .args("key... timeout")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("bzmpop", -5, WRITE | BLOCKING)
                .keys(KeySpec.keynum(2, 0, 1, 1, "RW", "access", "delete"))
                .since("7.0.0")
                .complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.")
                .summary("Remove members from the first non-empty sorted set of several, waiting if all are empty")
                .args("timeout numkeys key... where=(MIN|MAX) [COUNT:count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zmpop", -4, WRITE)
                .keys(KeySpec.keynum(1, 0, 1, 1, "RW", "access", "delete"))
                .since("7.0.0")
                .complexity("O(K) + O(M*log(N)) where K is the number of provided keys, N being the number of elements in the sorted set, and M being the number of elements popped.")
                .summary("Remove members with the lowest or highest scores from the first non-empty sorted set of several")
                .args("numkeys key... where=(MIN|MAX) [COUNT:count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zremrangebyrank", 4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("2.0.0")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")
                .summary("Remove the members of a sorted set within a range of positions")
                .args("key start stop")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zremrangebyscore", 4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("1.2.0")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")
                .summary("Remove the members of a sorted set within a score range")
                .args("key min#double max#double")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zremrangebylex", 4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("2.8.9")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements removed by the operation.")
                .summary("Remove the members of a sorted set within a lexicographic range")
                .args("key min max")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zscan", -3, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.0")
                .complexity("O(1) for every call. O(N) for a complete iteration, including enough command calls for the cursor to return back to 0. N is the number of elements inside the collection..")
                .summary("Walk a sorted set a few members at a time with a cursor")
                .args("key cursor [MATCH:pattern] [COUNT:count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zunion", -3, READONLY)
                .keys(KeySpec.keynum(1, 0, 1, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(N)+O(M*log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.")
                .summary("Reply with the union of sorted sets, scores combined")
                .args("numkeys key... [WEIGHTS:weight#integer...] AGGREGATE:[SUM|MIN|MAX] [WITHSCORES]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zinter", -3, READONLY)
                .keys(KeySpec.keynum(1, 0, 1, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.")
                .summary("Reply with the intersection of sorted sets, scores combined")
                .args("numkeys key... [WEIGHTS:weight#integer...] AGGREGATE:[SUM|MIN|MAX] [WITHSCORES]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zdiff", -3, READONLY)
                .keys(KeySpec.keynum(1, 0, 1, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.")
                .summary("Reply with the members of the first sorted set not in the others")
                .args("numkeys key... [WITHSCORES]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zunionstore", -4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"), KeySpec.keynum(2, 0, 1, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(N)+O(M log(M)) with N being the sum of the sizes of the input sorted sets, and M being the number of elements in the resulting sorted set.")
                .summary("Store the union of sorted sets under a key")
                .args("destination numkeys key... [WEIGHTS:weight#integer...] AGGREGATE:[SUM|MIN|MAX]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zinterstore", -4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"), KeySpec.keynum(2, 0, 1, 1, "RO", "access"))
                .since("2.0.0")
                .complexity("O(N*K)+O(M*log(M)) worst case with N being the smallest input sorted set, K being the number of input sorted sets and M being the number of elements in the resulting sorted set.")
                .summary("Store the intersection of sorted sets under a key")
                .args("destination numkeys key... [WEIGHTS:weight#integer...] AGGREGATE:[SUM|MIN|MAX]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zdiffstore", -4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"), KeySpec.keynum(2, 0, 1, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(L + (N-K)log(N)) worst case where L is the total number of elements in all the sets, N is the size of the first set, and K is the size of the result set.")
                .summary("Store the difference of sorted sets under a key")
                .args("destination numkeys key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zintercard", -3, READONLY)
                .keys(KeySpec.keynum(1, 0, 1, 1, "RO", "access"))
                .since("7.0.0")
                .complexity("O(N*K) worst case with N being the smallest input sorted set, K being the number of input sorted sets.")
                .summary("Count the members common to every given sorted set")
                .args("numkeys key... [LIMIT:limit]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrangestore", -5, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "OW", "update"), KeySpec.range(2, 0, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(log(N)+M) with N being the number of elements in the sorted set and M the number of elements stored into the destination key.")
                .summary("Store a range of a sorted set under another key")
                .args("dst#key src#key min max sortby=[BYSCORE|BYLEX] [REV] [offset_count=LIMIT:(offset count)]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.SORTED_SET.command("zrandmember", -2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("6.2.0")
                .complexity("O(N) where N is the number of elements returned")
                .summary("Pick members of a sorted set at random")
                .args("key options=[count [WITHSCORES]]")
                .run(IMPLEMENTATIONS));
    }

    /**
     * A ZADD for another family to hand its arguments to, as Redis's GEOADD rewrites itself into ZADD key [NX|XX]
     * [CH] score member... and calls zaddCommand.
     */
    public static io.nioredis.command.Command zadd() {
        return new ZaddCommand(false);
    }

    /**
     * The header of a reply of {@code count} members: WITHSCORES is a flat array in RESP2 and an array of
     * [member, score] pairs in RESP3, as Redis 7.0.
     */
    static void rangeHeader(long count, boolean withScores, RespWriter out) {
        out.arrayHeader(withScores && out.protocol() != 3 ? count * 2 : count);
    }

    /** One member of a range reply, by its rank in the set. */
    static void writeMember(SortedSetValue zset, long rank, boolean withScores, RespWriter out) {
        if (withScores && out.protocol() == 3) {
            out.arrayHeader(2);
        }
        out.bulk(zset.memberArray(rank), zset.memberOffset(rank), zset.memberLength(rank));
        if (withScores) {
            out.doubleValue(zset.score(rank));
        }
    }

    /**
     * The end of a STORE form (ZUNIONSTORE, ZRANGESTORE...): a non-empty result replaces the destination
     * whatever it held, dropping its TTL, as Redis's setKey; an empty one deletes the destination. Replies
     * with the result's size.
     */
    static void storeResult(Keyspace keyspace, byte[] b, int doff, int dlen, SortedSetValue result, String event,
                            RespWriter out) {
        int slot = keyspace.lookup(b, doff, dlen);
        if (result.size() == 0) {
            if (slot >= 0) {
                keyspace.delete(slot);
                keyspace.changed(KeyspaceEvents.GENERIC, "del", b, doff, dlen);
            }
            out.integer(0);
            return;
        }
        if (slot >= 0) {
            keyspace.delete(slot);
        }
        keyspace.add(result);
        keyspace.changed(KeyspaceEvents.ZSET, event, b, doff, dlen);
        out.integer(result.size());
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

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "zadd" -> new ZaddCommand(false);
            case "zincrby" -> new ZaddCommand(true);
            case "zrem" -> new RemoveMembersCommand<>(SortedSetValue.class, KeyspaceEvents.ZSET, "zrem");
            case "zscore" -> new ZscoreCommand(false);
            case "zmscore" -> new ZscoreCommand(true);
            case "zcard" -> new ZcardCommand();
            case "zcount" -> new ZcountCommand(false);
            case "zlexcount" -> new ZcountCommand(true);
            case "zrank" -> new ZrankCommand(false);
            case "zrevrank" -> new ZrankCommand(true);
            case "zrange" -> new ZrangeCommand(ZrangeCommand.AUTO, false);
            case "zrevrange" -> new ZrangeCommand(ZrangeCommand.RANK, true);
            case "zrangebyscore" -> new ZrangeCommand(ZrangeCommand.SCORE, false);
            case "zrevrangebyscore" -> new ZrangeCommand(ZrangeCommand.SCORE, true);
            case "zrangebylex" -> new ZrangeCommand(ZrangeCommand.LEX, false);
            case "zrevrangebylex" -> new ZrangeCommand(ZrangeCommand.LEX, true);
            case "zpopmin" -> new ZpopCommand(false);
            case "zpopmax" -> new ZpopCommand(true);
            case "bzpopmin" -> new BzpopCommand(false);
            case "bzpopmax" -> new BzpopCommand(true);
            case "bzmpop" -> new ZmpopCommand(true);
            case "zmpop" -> new ZmpopCommand(false);
            case "zremrangebyrank" -> new ZremrangeCommand(ZremrangeCommand.RANK);
            case "zremrangebyscore" -> new ZremrangeCommand(ZremrangeCommand.SCORE);
            case "zremrangebylex" -> new ZremrangeCommand(ZremrangeCommand.LEX);
            case "zscan" -> new ZscanCommand();
            case "zunion" -> new ZsetAlgebraCommand(ZsetAlgebraCommand.UNION, false, "zunion");
            case "zinter" -> new ZsetAlgebraCommand(ZsetAlgebraCommand.INTER, false, "zinter");
            case "zdiff" -> new ZsetAlgebraCommand(ZsetAlgebraCommand.DIFF, false, "zdiff");
            case "zunionstore" -> new ZsetAlgebraCommand(ZsetAlgebraCommand.UNION, true, "zunionstore");
            case "zinterstore" -> new ZsetAlgebraCommand(ZsetAlgebraCommand.INTER, true, "zinterstore");
            case "zdiffstore" -> new ZsetAlgebraCommand(ZsetAlgebraCommand.DIFF, true, "zdiffstore");
            case "zintercard" -> new ZsetAlgebraCommand(ZsetAlgebraCommand.INTER_CARD, false, "zintercard");
            case "zrangestore" -> new ZrangeCommand(ZrangeCommand.AUTO, false, true);
            case "zrandmember" -> new ZrandmemberCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
