package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.command.builtin.BuiltinCommands;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommandSpecTest {
    @Test
    void theImplementationIsMadeOnceAtTheFirstCall() {
        AtomicInteger made = new AtomicInteger();
        CommandSpec spec = Group.CONNECTION.command("ping", -1, CommandFlags.FAST)
                .run(() -> {
                    made.incrementAndGet();
                    return (c, r, out) -> out.simpleString("PONG");
                });

        assertThat(made).hasValue(0);
        assertThat(spec.resolved()).isFalse();
        Command first = spec.command();
        assertThat(spec.command()).isSameAs(first);
        assertThat(made).hasValue(1);
        assertThat(spec.resolved()).isTrue();
    }

    @Test
    void buildingTheTableMakesNoImplementation() {
        for (CommandSpec spec : BuiltinCommands.table().all()) {
            assertThat(spec.resolved()).as(spec.fullName).isFalse();
            for (CommandSpec sub : spec.subcommands) {
                assertThat(sub.resolved()).as(sub.fullName).isFalse();
            }
        }
    }

    @Test
    void theArgumentStructureIsParsedWhenAskedFor() {
        CommandSpec spec = Group.STRING.command("get", 2, CommandFlags.READONLY).args("key")
                .run(() -> (c, r, out) -> out.nullBulk());
        CommandSpec none = Group.SERVER.command("dbsize", 1, CommandFlags.READONLY)
                .run(() -> (c, r, out) -> out.integer(0));

        assertThat(spec.arguments()).hasSize(1);
        assertThat(spec.arguments().get(0).name).isEqualTo("key");
        assertThat(spec.arguments()).isSameAs(spec.arguments());
        assertThat(none.arguments()).isEmpty();
    }
}
