package io.nioredis.command.list;

import static io.nioredis.command.CommandFlags.*;
import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;

import io.nioredis.command.CommandSpec;

import java.util.List;

/** The list commands' table rows, as Redis 7.0's COMMAND INFO shows them, and what they share. */
public final class ListCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "lpush rpush lpushx rpushx lpop rpop llen lrange lindex lset lrem ltrim "
            + "linsert lpos lmove rpoplpush blpop brpop blmpop lmpop blmove brpoplpush";

    private static final CommandFactory IMPLEMENTATIONS = ListCommands::implementation;

    private ListCommands() {}

    static final byte[] LEFT = {'l', 'e', 'f', 't'};
    static final byte[] RIGHT = {'r', 'i', 'g', 'h', 't'};

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.LIST.command("lpush", -3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("1.0.0")
                .history("2.4.0", "Accepts multiple `element` arguments.")
                .complexity("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")
                .summary("Add elements to the head of a list")
                .args("key element...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("rpush", -3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("1.0.0")
                .history("2.4.0", "Accepts multiple `element` arguments.")
                .complexity("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")
                .summary("Add elements to the tail of a list")
                .args("key element...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("lpushx", -3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("2.2.0")
                .history("4.0.0", "Accepts multiple `element` arguments.")
                .complexity("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")
                .summary("Add elements to the head of a list that already exists")
                .args("key element...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("rpushx", -3, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("2.2.0")
                .history("4.0.0", "Accepts multiple `element` arguments.")
                .complexity("O(1) for each element added, so O(N) to add N elements when the command is called with multiple arguments.")
                .summary("Add elements to the tail of a list that already exists")
                .args("key element...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("lpop", -2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"))
                .since("1.0.0")
                .history("6.2.0", "Added the `count` argument.")
                .complexity("O(N) where N is the number of elements returned")
                .summary("Remove and reply with elements from the head of a list")
                .args("key [count]@6.2.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("rpop", -2, WRITE | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"))
                .since("1.0.0")
                .history("6.2.0", "Added the `count` argument.")
                .complexity("O(N) where N is the number of elements returned")
                .summary("Remove and reply with elements from the tail of a list")
                .args("key [count]@6.2.0")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("llen", 2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO"))
                .since("1.0.0")
                .complexity("O(1)")
                .summary("Reply with the number of elements in a list")
                .args("key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("lrange", 4, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(S+N) where S is the distance of start offset from HEAD for small lists, from nearest end (HEAD or TAIL) for large lists; and N is the number of elements in the specified range.")
                .summary("Read a range of elements of a list by index")
                .args("key start stop")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("lindex", 3, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("1.0.0")
                .complexity("O(N) where N is the number of elements to traverse to get to the element at index. This makes asking for the first or the last element of the list O(1).")
                .summary("Read the element at an index of a list")
                .args("key index")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("lset", 4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "update"))
                .since("1.0.0")
                .complexity("O(N) where N is the length of the list. Setting either the first or the last element of the list is O(1).")
                .summary("Replace the element at an index of a list")
                .args("key index element")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("lrem", 4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("1.0.0")
                .complexity("O(N+M) where N is the length of the list and M is the number of elements removed.")
                .summary("Remove occurrences of an element from a list")
                .args("key count element")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("ltrim", 4, WRITE)
                .keys(KeySpec.range(1, 0, 1, "RW", "delete"))
                .since("1.0.0")
                .complexity("O(N) where N is the number of elements to be removed by the operation.")
                .summary("Keep only a range of a list's elements")
                .args("key start stop")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("linsert", 5, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("2.2.0")
                .complexity("O(N) where N is the number of elements to traverse before seeing the value pivot. This means that inserting somewhere on the left end on the list (head) can be considered O(1) and inserting somewhere on the right end (tail) is O(N).")
                .summary("Insert an element before or after another element of a list")
                .args("key where=(BEFORE|AFTER) pivot element")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("lpos", -3, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("6.0.6")
                .complexity("O(N) where N is the number of elements in the list, for the average case. When searching for elements near the head or the tail of the list, or when the MAXLEN option is provided, the command may run in constant time.")
                .summary("Find the positions of an element in a list")
                .args("key element [RANK:rank] [COUNT:num-matches] [MAXLEN:len]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("lmove", 5, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"), KeySpec.range(2, 0, 1, "RW", "insert"))
                .since("6.2.0")
                .complexity("O(1)")
                .summary("Move an element from one end of a list to an end of another")
                .args("source destination wherefrom=(LEFT|RIGHT) whereto=(LEFT|RIGHT)")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("rpoplpush", 3, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"), KeySpec.range(2, 0, 1, "RW", "insert"))
                .since("1.2.0")
                .deprecated("6.2.0", "`LMOVE` with the `RIGHT` and `LEFT` arguments")
                .complexity("O(1)")
                .summary("Move the tail element of a list to the head of another")
                .args("source destination")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("blpop", -3, WRITE | NOSCRIPT | BLOCKING)
                .keys(KeySpec.range(1, -2, 1, "RW", "access", "delete"))
                .since("2.0.0")
                .history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
                .complexity("O(N) where N is the number of provided keys.")
                .summary("Remove the head element of the first non-empty list, waiting for one if all are empty")
                .args("key... timeout")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("brpop", -3, WRITE | NOSCRIPT | BLOCKING)
                .keys(KeySpec.range(1, -2, 1, "RW", "access", "delete"))
                .since("2.0.0")
                .history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
                .complexity("O(N) where N is the number of provided keys.")
                .summary("Remove the tail element of the first non-empty list, waiting for one if all are empty")
                .args("key... timeout")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("blmpop", -5, WRITE | BLOCKING)
                .keys(KeySpec.keynum(2, 0, 1, 1, "RW", "access", "delete"))
                .since("7.0.0")
                .complexity("O(N+M) where N is the number of provided keys and M is the number of elements returned.")
                .summary("Remove elements from the first non-empty list of several, waiting if all are empty")
                .args("timeout numkeys key... where=(LEFT|RIGHT) [COUNT:count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("lmpop", -4, WRITE)
                .keys(KeySpec.keynum(1, 0, 1, 1, "RW", "access", "delete"))
                .since("7.0.0")
                .complexity("O(N+M) where N is the number of provided keys and M is the number of elements returned.")
                .summary("Remove and reply with elements from the first non-empty list of several")
                .args("numkeys key... where=(LEFT|RIGHT) [COUNT:count]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("blmove", 6, WRITE | DENYOOM | NOSCRIPT | BLOCKING)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"), KeySpec.range(2, 0, 1, "RW", "insert"))
                .since("6.2.0")
                .complexity("O(1)")
                .summary("Move an element between lists, waiting for one if the source is empty")
                .args("source destination wherefrom=(LEFT|RIGHT) whereto=(LEFT|RIGHT) timeout")
                .run(IMPLEMENTATIONS));
        rows.add(Group.LIST.command("brpoplpush", 4, WRITE | DENYOOM | NOSCRIPT | BLOCKING)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "delete"), KeySpec.range(2, 0, 1, "RW", "insert"))
                .since("2.2.0")
                .deprecated("6.2.0", "`BLMOVE` with the `RIGHT` and `LEFT` arguments")
                .history("6.0.0", "`timeout` is interpreted as a double instead of an integer.")
                .complexity("O(1)")
                .summary("Move the tail element of a list to the head of another, waiting for one if needed")
                .args("source destination timeout")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "lpush" -> new PushCommand(true, false);
            case "rpush" -> new PushCommand(false, false);
            case "lpushx" -> new PushCommand(true, true);
            case "rpushx" -> new PushCommand(false, true);
            case "lpop" -> new PopCommand(true);
            case "rpop" -> new PopCommand(false);
            case "llen" -> new LlenCommand();
            case "lrange" -> new LrangeCommand();
            case "lindex" -> new LindexCommand();
            case "lset" -> new LsetCommand();
            case "lrem" -> new LremCommand();
            case "ltrim" -> new LtrimCommand();
            case "linsert" -> new LinsertCommand();
            case "lpos" -> new LposCommand();
            case "lmove" -> new LmoveCommand(false);
            case "rpoplpush" -> new LmoveCommand(true);
            case "blpop" -> new BlockingPopCommand(true);
            case "brpop" -> new BlockingPopCommand(false);
            case "blmpop" -> new LmpopCommand(true);
            case "lmpop" -> new LmpopCommand(false);
            case "blmove" -> new BlmoveCommand(false);
            case "brpoplpush" -> new BlmoveCommand(true);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
