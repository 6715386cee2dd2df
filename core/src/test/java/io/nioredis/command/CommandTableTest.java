package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nioredis.command.builtin.BuiltinCommands;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTableTest {
    private static CommandSpec command(String name) {
        return Group.GENERIC.command(name, 1, 0).run(() -> (c, r, out) -> { });
    }

    private static CommandSpec lookup(CommandTable table, String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        return table.lookup(b, 0, b.length);
    }

    /** Every family's NAMES lists exactly what it declares: declaring them all would throw otherwise. */
    @Test
    void theBuiltinFamiliesNameWhatTheyDeclare() {
        CommandTable table = BuiltinCommands.table();
        List<CommandSpec> all = table.all();
        assertThat(all).hasSize(table.size()).hasSize(240);
        for (CommandSpec spec : all) {
            assertThat(lookup(table, spec.name.toUpperCase(java.util.Locale.ROOT))).isSameAs(spec);
        }
    }

    @Test
    void aFamilyIsDeclaredWhenOneOfItsCommandsIsFirstLookedUp() {
        List<Integer> declared = new ArrayList<>();
        CommandTable table = CommandTable.declaredByFamily(List.of("ping echo", "get set"), (family, rows, t) -> {
            declared.add(family);
            for (String name : family == 0 ? new String[] {"ping", "echo"} : new String[] {"get", "set"}) {
                rows.add(command(name));
            }
        });
        assertThat(table.size()).isEqualTo(4);
        assertThat(declared).isEmpty();
        assertThat(lookup(table, "nosuch")).isNull();
        assertThat(declared).isEmpty();
        CommandSpec ping = lookup(table, "PING");
        assertThat(ping.name).isEqualTo("ping");
        assertThat(lookup(table, "echo").name).isEqualTo("echo");
        assertThat(declared).containsExactly(0);
        assertThat(table.all()).extracting(s -> s.name).containsExactly("ping", "echo", "get", "set");
        assertThat(declared).containsExactly(0, 1);
        assertThat(lookup(table, "ping")).isSameAs(ping);
    }

    @Test
    void aFamilyThatDeclaresOtherNamesThanItListsIsAnError() {
        CommandTable missing = CommandTable.declaredByFamily(List.of("ping echo"),
                (family, rows, t) -> rows.add(command("ping")));
        assertThatThrownBy(() -> lookup(missing, "ping")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("names echo but does not declare it");
        CommandTable extra = CommandTable.declaredByFamily(List.of("ping"), (family, rows, t) -> {
            rows.add(command("ping"));
            rows.add(command("echo"));
        });
        assertThatThrownBy(extra::all).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("declares echo, which is not among its names");
        assertThatThrownBy(() -> CommandTable.declaredByFamily(List.of("ping", "PING"), (f, r, t) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate command");
    }
}
