package io.nioredis.command.scripting;

import static io.nioredis.command.CommandHarness.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.client.Client;
import io.nioredis.command.CommandHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The busy-script rules without sockets: the harness's state stands in for the event loop, whose busy
 * step runs other clients' commands from inside the script. Expected texts are redis-server 7.0.15's.
 */
class BusyScriptTest {
    private static final String BUSY_EVAL =
            "BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.";
    private static final String BUSY_FUNCTION =
            "BUSY Redis is busy running a script. You can only call FUNCTION KILL or SHUTDOWN NOSAVE.";
    private static final String SPIN = "local i = 0 while true do i = i + 1 end";

    private final CommandHarness h = new CommandHarness();
    private final Client other = new Client(2, h.state);
    private final List<String> seen = new ArrayList<>();

    /** Each time the script lets others in, {@code other} sends the next of these commands. */
    private void othersSend(String[]... commands) {
        int[] next = {0};
        h.state.scripting.running.busyEvents(() -> {
            if (next[0] < commands.length) {
                seen.add(h.runAs(other, commands[next[0]++]));
            }
        });
    }

    @Test
    void pastTheThresholdOthersGetBusyAndMayKill() {
        h.state.config.set("busy-reply-threshold", "0");
        othersSend(new String[] {"PING"}, new String[] {"SHUTDOWN"}, new String[] {"FUNCTION", "KILL"},
                new String[] {"FUNCTION", "STATS"}, new String[] {"SCRIPT", "KILL"});
        String reply = h.run("EVAL", SPIN, "0");
        assertThat(reply).isEqualTo(error("ERR Script killed by user with SCRIPT KILL... script: "
                + "3fcf51a9b854b8f66cb8685600b0d7df968f4398, on @user_script:1."));
        assertThat(seen).containsExactly(error(BUSY_EVAL), error(BUSY_EVAL), error(BUSY_EVAL), error(BUSY_EVAL), "+OK\r\n");
        assertThat(h.state.shutdownRequested).isFalse();
        assertThat(h.run("PING")).isEqualTo("+PONG\r\n");
        assertThat(h.run("SCRIPT", "KILL")).isEqualTo(error("NOTBUSY No scripts in execution right now."));
    }

    @Test
    void aScriptThatWroteCannotBeKilled() {
        h.state.config.set("busy-reply-threshold", "0");
        int[] calls = {0};
        h.state.scripting.running.busyEvents(() -> {
            calls[0]++;
            if (calls[0] == 1) {
                seen.add(h.runAs(other, "SCRIPT", "KILL"));
            } else if (calls[0] == 2) {
                seen.add(h.runAs(other, "SHUTDOWN", "NOSAVE"));
            }
        });
        String reply = h.run("EVAL", "redis.call('set','x','y') " + SPIN, "0");
        assertThat(seen.get(0)).isEqualTo(error("UNKILLABLE Sorry the script already executed write commands against "
                + "the dataset. You can either wait the script termination or kill the server in a hard way using the "
                + "SHUTDOWN NOSAVE command."));
        assertThat(h.state.shutdownRequested).isTrue();
        assertThat(reply).startsWith("-ERR Script killed by user with SCRIPT KILL...");
    }

    @Test
    void functionsAreKilledByFunctionKill() {
        h.state.config.set("busy-reply-threshold", "0");
        h.run("FUNCTION", "LOAD", "#!lua name=busy\nredis.register_function('spin', function() " + SPIN + " end)");
        othersSend(new String[] {"SCRIPT", "KILL"}, new String[] {"PING"}, new String[] {"FUNCTION", "KILL"});
        String reply = h.run("FCALL", "spin", "0");
        assertThat(seen).containsExactly(error(BUSY_FUNCTION), error(BUSY_FUNCTION), "+OK\r\n");
        assertThat(reply).isEqualTo(error("ERR Script killed by user with SCRIPT KILL... script: spin, on "
                + "@user_function:2."));
    }
}
