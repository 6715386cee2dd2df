package io.nioredis.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class CommandFlagsTest {
    /** Two flags sharing a bit make one gate act on the other's commands (EXEC refused as DEBUG is). */
    @Test
    void everyFlagIsItsOwnBit() throws IllegalAccessException {
        long seen = 0;
        int flags = 0;
        for (Field f : CommandFlags.class.getFields()) {
            if (f.getType() == long.class && Modifier.isStatic(f.getModifiers())) {
                long bit = f.getLong(null);
                assertThat(Long.bitCount(bit)).as(f.getName()).isEqualTo(1);
                assertThat(seen & bit).as(f.getName() + " shares its bit").isZero();
                seen |= bit;
                flags++;
            }
        }
        assertThat(flags).isGreaterThan(20);
    }

    @Test
    void namesFollowRedisOrder() {
        assertThat(CommandFlags.names(CommandFlags.FAST | CommandFlags.WRITE | CommandFlags.DENYOOM))
                .containsExactly("write", "denyoom", "fast");
    }
}
