package io.nioredis.command.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.CommandSpec;
import io.nioredis.command.CommandTable;
import org.junit.jupiter.api.Test;

/**
 * Implementations and argument structures are made on first use, so a declaration whose factory or syntax is
 * wrong would only fail when that command is first called: this makes every one of them now.
 */
class BuiltinCommandsTest {
    @Test
    void everyDeclarationMakesItsImplementationAndParsesItsArguments() {
        CommandTable table = BuiltinCommands.table();
        assertThat(table.size()).isGreaterThan(200);
        for (CommandSpec spec : table.all()) {
            check(spec);
            for (CommandSpec sub : spec.subcommands) {
                check(sub);
            }
        }
    }

    private static void check(CommandSpec spec) {
        assertThat(spec.command()).as(spec.fullName).isNotNull();
        assertThat(spec.arguments()).as(spec.fullName).isNotNull();
    }
}
