package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CLIENT PAUSE holds commands (it never drops them) and runs them, in order, when the pause ends. */
class ClientPauseIT {
    @Test
    void writePauseHoldsWritesAndLetsReadsThrough() throws Exception {
        try (TestServer server = TestServer.start();
             RawConnection admin = server.raw();
             RawConnection writer = server.raw();
             RawConnection reader = server.raw()) {
            admin.command("CLIENT", "PAUSE", "60000", "WRITE");
            assertThat(admin.readReply()).isEqualTo("+OK\r\n");
            writer.command("SET", "k", "v");
            writer.command("GET", "k");
            reader.command("GET", "k");
            assertThat(reader.readReply()).isEqualTo("$-1\r\n");
            writer.setTimeout(300);
            assertThat(writer.closedByServer()).isFalse(); // nothing arrives while held
            admin.command("CLIENT", "LIST");
            String list = admin.readReply();
            assertThat(list).containsPattern("flags=b db=0 .* cmd=set ");
            admin.command("CLIENT", "UNPAUSE");
            assertThat(admin.readReply()).isEqualTo("+OK\r\n");
            writer.setTimeout(5000);
            assertThat(writer.readReply()).isEqualTo("+OK\r\n");
            assertThat(writer.readReply()).isEqualTo("$1\r\nv\r\n");
        }
    }

    @Test
    void allPauseHoldsEveryoneUntilItsTimeout() throws Exception {
        try (TestServer server = TestServer.start();
             RawConnection admin = server.raw();
             RawConnection other = server.raw()) {
            admin.command("CLIENT", "PAUSE", "300");
            assertThat(admin.readReply()).isEqualTo("+OK\r\n");
            long start = System.nanoTime();
            other.command("PING");
            admin.command("CLIENT", "UNPAUSE"); // held as well, as in Redis
            assertThat(other.readReply()).isEqualTo("+PONG\r\n");
            assertThat(admin.readReply()).isEqualTo("+OK\r\n");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(250);
        }
    }
}
