package io.nioredis.command.hyperloglog;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;
import java.util.List;

/**
 * The HYPERLOGLOG family (Redis's hyperloglog.c): HLLs kept as string values in Redis's exact bytes, with arity,
 * flags and key specs as Redis 7.0's COMMAND INFO.
 */
public final class HyperLogLogCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "pfadd pfcount pfmerge pfdebug pfselftest";

    private static final CommandFactory IMPLEMENTATIONS = HyperLogLogCommands::implementation;

    private HyperLogLogCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.HYPERLOGLOG.command("pfadd", -2, WRITE | DENYOOM | FAST)
                .keys(KeySpec.range(1, 0, 1, "RW", "insert"))
                .since("2.8.9")
                .complexity("O(1) to add every element.")
                .summary("Add elements to a HyperLogLog counter")
                .args("key [element...]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HYPERLOGLOG.command("pfcount", -2, READONLY)
                .keys(KeySpec.range(1, -1, 1, "RW", "access").notes("RW because it may change the internal representation of "
                        + "the key, and propagate to replicas"))
                .since("2.8.9")
                .complexity("O(1) with a very small average constant time when called with a single key. O(N) with N being the number of keys, and much bigger constant times, when called with multiple keys.")
                .summary("Estimate the number of distinct elements added to HyperLogLog counters")
                .args("key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HYPERLOGLOG.command("pfmerge", -2, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "insert"), KeySpec.range(2, -1, 1, "RO", "access"))
                .since("2.8.9")
                .complexity("O(N) to merge N HyperLogLogs, but with high constant times.")
                .summary("Merge HyperLogLog counters into one")
                .args("destkey sourcekey...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HYPERLOGLOG.command("pfdebug", 3, WRITE | DENYOOM | ADMIN)
                .keys(KeySpec.range(2, 0, 1, "RW", "access"))
                .since("2.8.9")
                .systemCommand()
                .complexity("N/A")
                .summary("Inspect a HyperLogLog's internal representation")
                .args("subcommand key")
                .run(IMPLEMENTATIONS));
        rows.add(Group.HYPERLOGLOG.command("pfselftest", 1, ADMIN)
                .since("2.8.9")
                .systemCommand()
                .complexity("N/A")
                .summary("Run the HyperLogLog implementation's self test")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "pfadd" -> new PfaddCommand();
            case "pfcount" -> new PfcountCommand();
            case "pfmerge" -> new PfmergeCommand();
            case "pfdebug" -> new PfdebugCommand();
            case "pfselftest" -> new PfselftestCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }
}
