package io.nioredis.command;

import static io.nioredis.command.BuiltinCommands.row;

import io.nioredis.resp.RespWriter;
import io.nioredis.store.Keyspace;
import io.nioredis.store.KeyspaceEvents;
import io.nioredis.store.ListValue;
import java.util.List;

/** The list commands' table rows, as Redis 7.0's COMMAND INFO shows them, and what they share. */
final class ListCommands {
    private ListCommands() {}

    static final byte[] LEFT = {'l', 'e', 'f', 't'};
    static final byte[] RIGHT = {'r', 'i', 'g', 'h', 't'};

    static void register(List<CommandSpec> rows) {
        rows.add(row("lpush", -3, "write denyoom fast", 1, 1, 1, "list", "1.0.0",
                "Prepend one or multiple elements to a list", new PushCommand(true, false)));
        rows.add(row("rpush", -3, "write denyoom fast", 1, 1, 1, "list", "1.0.0",
                "Append one or multiple elements to a list", new PushCommand(false, false)));
        rows.add(row("lpushx", -3, "write denyoom fast", 1, 1, 1, "list", "2.2.0",
                "Prepend an element to a list, only if the list exists", new PushCommand(true, true)));
        rows.add(row("rpushx", -3, "write denyoom fast", 1, 1, 1, "list", "2.2.0",
                "Append an element to a list, only if the list exists", new PushCommand(false, true)));
        rows.add(row("lpop", -2, "write fast", 1, 1, 1, "list", "1.0.0",
                "Remove and get the first elements in a list", new PopCommand(true)));
        rows.add(row("rpop", -2, "write fast", 1, 1, 1, "list", "1.0.0",
                "Remove and get the last elements in a list", new PopCommand(false)));
        rows.add(row("llen", 2, "readonly fast", 1, 1, 1, "list", "1.0.0", "Get the length of a list",
                new LlenCommand()));
        rows.add(row("lrange", 4, "readonly", 1, 1, 1, "list", "1.0.0", "Get a range of elements from a list",
                new LrangeCommand()));
        rows.add(row("lindex", 3, "readonly", 1, 1, 1, "list", "1.0.0", "Get an element from a list by its index",
                new LindexCommand()));
        rows.add(row("lset", 4, "write denyoom", 1, 1, 1, "list", "1.0.0",
                "Set the value of an element in a list by its index", new LsetCommand()));
        rows.add(row("lrem", 4, "write", 1, 1, 1, "list", "1.0.0", "Remove elements from a list",
                new LremCommand()));
        rows.add(row("ltrim", 4, "write", 1, 1, 1, "list", "1.0.0", "Trim a list to the specified range",
                new LtrimCommand()));
        rows.add(row("linsert", 5, "write denyoom", 1, 1, 1, "list", "2.2.0",
                "Insert an element before or after another element in a list", new LinsertCommand()));
        rows.add(row("lpos", -3, "readonly", 1, 1, 1, "list", "6.0.6",
                "Return the index of matching elements on a list", new LposCommand()));
        rows.add(row("lmove", 5, "write denyoom", 1, 2, 1, "list", "6.2.0",
                "Pop an element from a list, push it to another list and return it", new LmoveCommand(false)));
        rows.add(row("rpoplpush", 3, "write denyoom", 1, 2, 1, "list", "1.2.0",
                "Remove the last element in a list, prepend it to another list and return it",
                new LmoveCommand(true)));
    }

    /** The list in {@code slot}, or null after replying WRONGTYPE if the key holds another type. */
    static ListValue listOrReply(Keyspace keyspace, int slot, RespWriter out) {
        Object entry = keyspace.entry(slot);
        if (entry instanceof ListValue) {
            return (ListValue) entry;
        }
        out.raw(Errors.WRONG_TYPE);
        return null;
    }

    /** Deletes a list that a command emptied, with the "del" event Redis sends then. */
    static void deleteIfEmpty(Keyspace keyspace, ListValue list, byte[] b, int off, int len) {
        if (list.isEmpty()) {
            int slot = keyspace.lookup(b, off, len);
            keyspace.delete(slot);
            keyspace.notify(KeyspaceEvents.GENERIC, "del", b, off, len);
        }
    }

    /** Redis's start/end normalisation for LRANGE and LTRIM: negative counts from the end. */
    static long clampStart(long start, int size) {
        if (start < 0) {
            start += size;
        }
        return start < 0 ? 0 : start;
    }

    static long clampEnd(long end, int size) {
        return end < 0 ? end + size : end;
    }
}
