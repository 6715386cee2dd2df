package io.nioredis.command.stream;

import static io.nioredis.command.CommandFlags.*;

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
    private StreamCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.STREAM.command("xadd", -5, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("5.0.0")
                .complexity("O(1) when adding a new entry, O(N) when trimming where N being the number of entries evicted.")
                .summary("Appends a new entry to a stream")
                .args("key [NOMKSTREAM] trim=[strategy=(MAXLEN|MINID) operator=[EQUAL|APPROXIMATELY] threshold [LIMIT:count]] id_or_auto=(auto_id=AUTOID|id#string) field_value=(field value)...")
                .run(new XaddCommand()));
        rows.add(Group.STREAM.command("xrange", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("5.0.0")
                .complexity("O(N) with N being the number of elements being returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).")
                .summary("Return a range of elements in a stream, with IDs matching the specified IDs interval")
                .args("key start#string end#string [COUNT:count]")
                .run(new XrangeCommand(false)));
        rows.add(Group.STREAM.command("xrevrange", -4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("5.0.0")
                .complexity("O(N) with N being the number of elements returned. If N is constant (e.g. always asking for the first 10 elements with COUNT), you can consider it O(1).")
                .summary("Return a range of elements in a stream, with IDs matching the specified IDs interval, in reverse order (from greater to smaller IDs) compared to XRANGE")
                .args("key end#string start#string [COUNT:count]")
                .run(new XrangeCommand(true)));
        rows.add(Group.STREAM.command("xlen", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("5.0.0")
                .complexity("O(1)")
                .summary("Return the number of entries in a stream")
                .args("key")
                .run(new XlenCommand()));
        rows.add(Group.STREAM.command("xdel", -3, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("5.0.0")
                .complexity("O(1) for each single item to delete in the stream, regardless of the stream size.")
                .summary("Removes the specified entries from the stream. Returns the number of items actually deleted, that may be different from the number of IDs passed in case certain IDs do not exist.")
                .args("key id#string...")
                .run(new XdelCommand()));
        rows.add(Group.STREAM.command("xtrim", -4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("5.0.0")
                .complexity("O(N), with N being the number of evicted entries. Constant times are very small however, since entries are organized in macro nodes containing multiple entries that can be released with a single deallocation.")
                .summary("Trims the stream to (approximately if '~' is passed) a certain size")
                .args("key trim=(strategy=(MAXLEN|MINID) operator=[EQUAL|APPROXIMATELY] threshold [LIMIT:count])")
                .run(new XtrimCommand()));

    }
}
