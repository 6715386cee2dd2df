package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * A long script over real sockets: other clients are answered -BUSY once busy-reply-threshold has passed,
 * SCRIPT KILL stops it, the caller's pipelined requests follow its reply in order, SHUTDOWN NOSAVE stops
 * the server. (That a server running no script never loads the Lua engine is {@link ClassLoadingIT}'s.)
 */
class BusyScriptIT {
    private static final String SPIN = "local i = 0 while true do i = i + 1 end";
    private static final String BUSY =
            "-BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSAVE.\r\n";

    @Test
    void othersGetBusyUntilScriptKill() throws Exception {
        try (TestServer server = TestServer.start("busy-reply-threshold", "100");
             RawConnection caller = server.raw(); RawConnection other = server.raw()) {
            caller.command("EVAL", SPIN, "0");
            caller.command("PING"); // pipelined behind the script: answered after it
            Thread.sleep(300);
            assertThat(other.command("PING").readReply()).isEqualTo(BUSY);
            assertThat(other.command("SHUTDOWN").readReply()).isEqualTo(BUSY);
            assertThat(other.command("CLIENT", "LIST").readReply()).isEqualTo(BUSY);
            assertThat(other.command("SCRIPT", "KILL").readReply()).isEqualTo("+OK\r\n");
            assertThat(caller.readReply()).isEqualTo("-ERR Script killed by user with SCRIPT KILL... script: "
                    + "3fcf51a9b854b8f66cb8685600b0d7df968f4398, on @user_script:1.\r\n");
            assertThat(caller.readReply()).isEqualTo("+PONG\r\n");
            assertThat(other.command("PING").readReply()).isEqualTo("+PONG\r\n");
            assertThat(other.command("SCRIPT", "KILL").readReply())
                    .isEqualTo("-NOTBUSY No scripts in execution right now.\r\n");
        }
    }

    @Test
    void blockedClientsAreServedAfterTheScript() throws Exception {
        try (TestServer server = TestServer.start(); RawConnection blocked = server.raw();
             RawConnection scripted = server.raw()) {
            blocked.command("BLPOP", "q", "0");
            Thread.sleep(200);
            // As redis-server 7.0.15: the script sees both elements; the waiter gets the first after it.
            assertThat(scripted.command("EVAL", "redis.call('rpush','q','a'); redis.call('rpush','q','b'); "
                    + "return redis.call('llen','q')", "0").readReply()).isEqualTo(":2\r\n");
            assertThat(blocked.readReply()).isEqualTo("*2\r\n$1\r\nq\r\n$1\r\na\r\n");
            assertThat(scripted.command("LLEN", "q").readReply()).isEqualTo(":1\r\n");
            assertThat(scripted.command("EVAL", "return redis.call('blpop','q',0)", "0").readReply())
                    .startsWith("-ERR This Redis command is not allowed from script");
        }
    }

    @Test
    void aScriptThatWroteRunsOnButShutdownNosaveStopsTheServer() throws Exception {
        try (TestServer server = TestServer.start("busy-reply-threshold", "100");
             RawConnection caller = server.raw(); RawConnection other = server.raw()) {
            caller.command("EVAL", "redis.call('set', 'k', 'v') " + SPIN, "0");
            Thread.sleep(300);
            assertThat(other.command("SCRIPT", "KILL").readReply()).startsWith("-UNKILLABLE Sorry the script already "
                    + "executed write commands against the dataset.");
            other.command("SHUTDOWN", "NOSAVE");
            long deadline = System.currentTimeMillis() + 10_000;
            boolean refused = false;
            while (!refused && System.currentTimeMillis() < deadline) {
                try (RawConnection probe = server.raw()) {
                    probe.command("PING").readReply();
                    Thread.sleep(50);
                } catch (IOException e) {
                    refused = true;
                }
            }
            assertThat(refused).as("server stopped").isTrue();
        }
    }
}
