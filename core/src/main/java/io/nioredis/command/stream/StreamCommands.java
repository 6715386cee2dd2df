package io.nioredis.command.stream;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;

import java.util.List;

/**
 * The stream commands' table rows, as Redis 7.0's COMMAND INFO shows them. The "=", "~" and "*" tokens of
 * the documented arguments are named in upper case (EQUAL, APPROXIMATELY, AUTOID) because the argument
 * syntax only reads word tokens.
 */
public final class StreamCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "xadd xrange xrevrange xlen xdel xtrim xread xreadgroup xack xpending xclaim "
            + "xautoclaim xsetid xgroup xinfo";

    private static final CommandFactory IMPLEMENTATIONS = StreamCommands::implementation;

    private StreamCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.STREAM.command("xadd", -5, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update")
                        .notes("UPDATE instead of INSERT because of the optional trimming feature"))
                .since("5.0.0")
                .history(
                        "6.2.0", "Added the `NOMKSTREAM` option, `MINID` trimming strategy and the `LIMIT` option.",
                        "7.0.0", "Added support for the `<ms>-*` explicit ID form.")
                .complexity("O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.")
                .summary("Appends a new entry to a stream")
                .args("key [NOMKSTREAM]@6.2.0 trim=[strategy=(MAXLEN|MINID@6.2.0) operator=[equal='='|approximately='~'] "
                        + "threshold [LIMIT:count]@6.2.0] id_or_auto=(auto_id='*'|id#string) field_value=(field value)...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xrange", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("5.0.0")
                .history("6.2.0", "Added exclusive ranges.")
                .complexity("O(N) with N being the number of elements being returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).")
                .summary("Return a range of elements in a stream, with IDs matching the specified IDs interval")
                .args("key start#string end#string [COUNT:count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xrevrange", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("5.0.0")
                .history("6.2.0", "Added exclusive ranges.")
                .complexity("O(N) with N being the number of elements returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).")
                .summary("Return a range of elements in a stream, with IDs matching the specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE")
                .args("key end#string start#string [COUNT:count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xlen", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("5.0.0")
                .complexity("O(1)")
                .summary("Return the number of entries in a stream")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xdel", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("5.0.0")
                .complexity("O(1) for each single item to delete in the stream, regardless of the stream size.")
                .summary("Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.")
                .args("key id#string...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xtrim", -4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("5.0.0")
                .history("6.2.0", "Added the `MINID` trimming strategy and the `LIMIT` option.")
                .complexity("O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.")
                .summary("Trims the stream to (approximately if '~' is passed) a certain size")
                .args("key trim=(strategy=(MAXLEN|MINID@6.2.0) operator=[equal='='|approximately='~'] threshold "
                        + "[LIMIT:count]@6.2.0)")
                .run(IMPLEMENTATIONS));

        rows.add(Group.STREAM.command("xread", -4, READONLY | BLOCKING)
                .keys(KeySpec.keyword("STREAMS", 1, -1, 1, 2, "RO", "access"))
                .since("5.0.0")
                .complexity("For each stream mentioned: O(N) with N being the number of elements being returned, it means that XREAD-ing with a fixed COUNT is O(1). Note that when the BLOCK option is used, XADD will pay O(M) time in order to serve the M clients blocked on the stream getting new data.")
                .summary("Return never seen elements in multiple streams, with IDs greater than the ones reported by the caller for each stream. Can block.")
                .args("[COUNT:count] [BLOCK:milliseconds] STREAMS:(key... id#string...)")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xreadgroup", -7, WRITE | BLOCKING)
                .keys(KeySpec.keyword("STREAMS", 4, -1, 1, 2, "RO", "access"))
                .since("5.0.0")
                .complexity("For each stream mentioned: O(M) with M being the number of elements returned. If M is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1). On the other side when XREADGROUP blocks, XADD will pay the O(N) time in order to serve the N clients blocked on the stream getting new data.")
                .summary("Return new entries from a stream using a consumer group, or access the history of the pending entries for a given consumer. Can block.")
                .args("group_consumer=GROUP:(group consumer) [COUNT:count] [BLOCK:milliseconds] [NOACK] STREAMS:(key... id#string...)")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xack", -4, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("5.0.0")
                .complexity("O(1) for each message ID processed.")
                .summary("Marks a pending message as correctly processed, effectively removing it from the pending entries list of the consumer group. Return value of the command is the number of messages successfully acknowledged, that is, the IDs we were actually able to resolve in the PEL.")
                .args("key group id#string...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xpending", -3, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("5.0.0")
                .history("6.2.0", "Added the `IDLE` option and exclusive range intervals.")
                .complexity("O(N) with N being the number of elements returned, so asking for a small fixed number of entries per call is O(1). O(M), where M is the total number of entries scanned when used with the IDLE filter. When the command returns just the summary and the list of consumers is small, it runs in O(1) time; otherwise, an additional O(N) time for iterating every consumer.")
                .summary("Return information and entries from a stream consumer group pending entries list, that are messages fetched but never acknowledged.")
                .args("key group filters=[[IDLE:min-idle-time#integer]@6.2.0 start#string end#string count [consumer]]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xclaim", -6, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("5.0.0")
                .complexity("O(log N) with N being the number of messages in the PEL of the consumer group.")
                .summary("Changes (or acquires) ownership of a message in a consumer group, as if the message was delivered to the specified consumer.")
                .args("key group consumer min-idle-time id#string... [IDLE:ms#integer] [TIME:unix-time-milliseconds] [RETRYCOUNT:count] [FORCE] [JUSTID] [LASTID:id#string]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xautoclaim", -6, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("6.2.0")
                .history("7.0.0", "Added an element to the reply array, containing deleted entries the command cleared from the PEL")
                .complexity("O(1) if COUNT is small.")
                .summary("Changes (or acquires) ownership of messages in a consumer group, as if the messages were delivered to the specified consumer.")
                .args("key group consumer min-idle-time start#string [COUNT:count] [JUSTID]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xsetid", -3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("5.0.0")
                .history("7.0.0", "Added the `entries_added` and `max_deleted_entry_id` arguments.")
                .complexity("O(1)")
                .summary("An internal command for replicating stream values")
                .args("key last-id [ENTRIESADDED:entries_added#integer]@7.0.0 [MAXDELETEDID:max_deleted_entry_id]@7.0.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.STREAM.command("xgroup", -2, 0)
                .since("5.0.0")
                .complexity("Depends on subcommand.")
                .summary("A container for consumer groups commands")
                .subcommand(Group.STREAM.command("create", -5, WRITE | DENYOOM)
                        .keys(KeySpec.range(2, 0, 1, "RW", "insert"))
                        .since("5.0.0")
                        .history("7.0.0", "Added the `entries_read` named argument.")
                        .complexity("O(1)")
                        .summary("Create a consumer group.")
                        .args("key groupname id=(id#string|new_id='$') [MKSTREAM] [ENTRIESREAD:entries_read#integer]")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.STREAM.command("createconsumer", 5, WRITE | DENYOOM)
                        .keys(KeySpec.range(2, 0, 1, "RW", "insert"))
                        .since("6.2.0")
                        .complexity("O(1)")
                        .summary("Create a consumer in a consumer group.")
                        .args("key groupname consumername")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.STREAM.command("delconsumer", 5, WRITE)
                        .keys(KeySpec.range(2, 0, 1, "RW", "delete"))
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("Delete a consumer from a consumer group.")
                        .args("key groupname consumername")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.STREAM.command("destroy", 4, WRITE)
                        .keys(KeySpec.range(2, 0, 1, "RW", "delete"))
                        .since("5.0.0")
                        .complexity("O(N) where N is the number of entries in the group's pending entries list (PEL).")
                        .summary("Destroy a consumer group.")
                        .args("key groupname")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.STREAM.command("help", 2, LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("Show helpful text about the different subcommands")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.STREAM.command("setid", -5, WRITE)
                        .keys(KeySpec.range(2, 0, 1, "RW", "update"))
                        .since("5.0.0")
                        .history("7.0.0", "Added the optional `entries_read` argument.")
                        .complexity("O(1)")
                        .summary("Set a consumer group to an arbitrary last delivered ID value.")
                        .args("key groupname id=(id#string|new_id='$') [ENTRIESREAD:entries_read#integer]")
                        .runs(IMPLEMENTATIONS))
                .container());
        rows.add(Group.STREAM.command("xinfo", -2, 0)
                .since("5.0.0")
                .complexity("Depends on subcommand.")
                .summary("A container for stream introspection commands")
                .subcommand(Group.STREAM.command("consumers", 4, READONLY)
                        .keys(KeySpec.range(2, 0, 1, "RO", "access"))
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("List the consumers in a consumer group")
                        .args("key groupname")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.STREAM.command("groups", 3, READONLY)
                        .keys(KeySpec.range(2, 0, 1, "RO", "access"))
                        .since("5.0.0")
                        .history("7.0.0", "Added the `entries-read` and `lag` fields")
                        .complexity("O(1)")
                        .summary("List the consumer groups of a stream")
                        .args("key")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.STREAM.command("help", 2, LOADING | STALE)
                        .since("5.0.0")
                        .complexity("O(1)")
                        .summary("Show helpful text about the different subcommands")
                        .runs(IMPLEMENTATIONS))
                .subcommand(Group.STREAM.command("stream", -3, READONLY)
                        .keys(KeySpec.range(2, 0, 1, "RO", "access"))
                        .since("5.0.0")
                        .history(
                                "6.0.0", "Added the `FULL` modifier.",
                                "7.0.0", "Added the `max-deleted-entry-id`, `entries-added`, `recorded-first-entry-id`, "
                                        + "`entries-read` and `lag` fields")
                        .complexity("O(1)")
                        .summary("Get information about a stream")
                        .args("key [full=FULL:([COUNT:count])]")
                        .runs(IMPLEMENTATIONS))
                .container());
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "xadd" -> new XaddCommand();
            case "xrange" -> new XrangeCommand(false);
            case "xrevrange" -> new XrangeCommand(true);
            case "xlen" -> new XlenCommand();
            case "xdel" -> new XdelCommand();
            case "xtrim" -> new XtrimCommand();
            case "xread" -> new XreadCommand(false);
            case "xreadgroup" -> new XreadCommand(true);
            case "xack" -> new XackCommand();
            case "xpending" -> new XpendingCommand();
            case "xclaim" -> new XclaimCommand();
            case "xautoclaim" -> new XautoclaimCommand();
            case "xsetid" -> new XsetidCommand();
            case "xgroup|create" -> XgroupCommand::create;
            case "xgroup|createconsumer" -> XgroupCommand::createConsumer;
            case "xgroup|delconsumer" -> XgroupCommand::delConsumer;
            case "xgroup|destroy" -> XgroupCommand::destroy;
            case "xgroup|help" -> XgroupCommand::help;
            case "xgroup|setid" -> XgroupCommand::setId;
            case "xinfo|consumers" -> XinfoCommand::consumers;
            case "xinfo|groups" -> XinfoCommand::groups;
            case "xinfo|help" -> XinfoCommand::help;
            case "xinfo|stream" -> XinfoCommand::stream;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
