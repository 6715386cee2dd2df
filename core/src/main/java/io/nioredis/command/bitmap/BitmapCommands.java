package io.nioredis.command.bitmap;

import static io.nioredis.command.CommandFlags.*;

import io.nioredis.command.Command;
import io.nioredis.command.CommandFactory;
import io.nioredis.command.CommandSpec;
import io.nioredis.command.Group;
import io.nioredis.command.KeySpec;
import java.util.List;

/**
 * The BITMAP family (Redis's bitops.c): bit commands on string values, with arity, flags and key specs as Redis
 * 7.0's COMMAND INFO. The bit arithmetic lives in the value package; these commands look keys up, check types,
 * grow strings in place and reply.
 */
public final class BitmapCommands {
    /**
     * The commands declared here, by name: a compile-time constant, so the command table knows them without
     * loading this class (see CommandTable); CommandTableTest checks the list against the declarations.
     */
    public static final String NAMES = "setbit getbit bitcount bitpos bitop bitfield bitfield_ro";

    private static final CommandFactory IMPLEMENTATIONS = BitmapCommands::implementation;

    private BitmapCommands() {}

    public static void register(List<CommandSpec> rows) {
        rows.add(Group.BITMAP.command("setbit", 4, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update"))
                .since("2.2.0")
                .complexity("O(1)")
                .summary("Set or clear one bit of a string")
                .args("key offset value#integer")
                .run(IMPLEMENTATIONS));
        rows.add(Group.BITMAP.command("getbit", 3, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.2.0")
                .complexity("O(1)")
                .summary("Read one bit of a string")
                .args("key offset")
                .run(IMPLEMENTATIONS));
        rows.add(Group.BITMAP.command("bitcount", -2, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.6.0")
                .history("7.0.0", "Added the `BYTE|BIT` option.")
                .complexity("O(N)")
                .summary("Count the set bits of a string or a range of it")
                .args("key index=[start end index_unit=[BYTE|BIT]@7.0.0]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.BITMAP.command("bitpos", -3, READONLY)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("2.8.7")
                .history("7.0.0", "Added the `BYTE|BIT` option.")
                .complexity("O(N)")
                .summary("Find the first set or clear bit of a string")
                .args("key bit index=[start end_index=[end index_unit=[BYTE|BIT]@7.0.0]]")
                .run(IMPLEMENTATIONS));
        rows.add(Group.BITMAP.command("bitop", -4, WRITE | DENYOOM)
                .keys(KeySpec.range(2, 0, 1, "OW", "update"), KeySpec.range(3, -1, 1, "RO", "access"))
                .since("2.6.0")
                .complexity("O(N)")
                .summary("Combine strings bit by bit (AND, OR, XOR, NOT) into a key")
                .args("operation destkey key...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.BITMAP.command("bitfield", -2, WRITE | DENYOOM)
                .keys(KeySpec.range(1, 0, 1, "RW", "access", "update", "variable_flags")
                        .notes("This command allows both access and modification of the key")
                        .flagsBy(BitfieldCommand::keyFlags))
                .since("3.2.0")
                .complexity("O(1) for each subcommand specified")
                .summary("Read, write and increment integers of any width inside a string")
                .args("key operation=[encoding_offset=GET:(encoding offset)|write=(wrap_sat_fail=OVERFLOW:[WRAP|SAT|FAIL] write_operation=(encoding_offset_value=SET:(encoding offset value#integer)|encoding_offset_increment=INCRBY:(encoding offset increment)))]...")
                .run(IMPLEMENTATIONS));
        rows.add(Group.BITMAP.command("bitfield_ro", -2, READONLY | FAST)
                .keys(KeySpec.range(1, 0, 1, "RO", "access"))
                .since("6.0.0")
                .complexity("O(1) for each subcommand specified")
                .summary("Read integers of any width inside a string")
                .args("key [encoding_offset=GET::(encoding offset)...]")
                .run(IMPLEMENTATIONS));
    }

    /** Makes the implementation of a command declared here, at its first dispatch (see CommandFactory). */
    private static Command implementation(String name) {
        return switch (name) {
            case "setbit" -> new SetbitCommand();
            case "getbit" -> new GetbitCommand();
            case "bitcount" -> new BitcountCommand();
            case "bitpos" -> new BitposCommand();
            case "bitop" -> new BitopCommand();
            case "bitfield" -> new BitfieldCommand(false);
            case "bitfield_ro" -> new BitfieldCommand(true);
            default -> throw new IllegalArgumentException(name);
        };
    }
}
