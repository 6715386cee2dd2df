package io.nioredis.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** MONITOR and SLOWLOG over real connections, in Redis 7.0.15's formats. */
class DiagnosticsIT {
    @Test
    void monitorStreamsAnotherClientsCommandsWithItsAddress() throws Exception {
        try (TestServer server = TestServer.start();
             RawConnection monitor = server.raw();
             RawConnection client = server.raw()) {
            monitor.command("MONITOR");
            assertThat(monitor.readReply()).isEqualTo("+OK\r\n");
            client.command("CLIENT", "ID");
            client.readReply();
            client.command("set", "k", "v\"\n");
            assertThat(client.readReply()).isEqualTo("+OK\r\n");
            client.command("auth", "secret");
            client.readReply();
            String first = monitor.readReply();
            assertThat(first).matches("\\+\\d{10}\\.\\d{6} \\[0 127\\.0\\.0\\.1:\\d+\\] \"CLIENT\" \"ID\"\r\n");
            String addr = first.substring(first.indexOf(' ') + 4, first.indexOf(']'));
            assertThat(monitor.readReply()).endsWith(" [0 " + addr + "] \"set\" \"k\" \"v\\\"\\n\"\r\n");
            assertThat(monitor.readReply()).endsWith(" [0 " + addr + "] \"auth\" \"(redacted)\"\r\n");
            monitor.command("GET", "k");
            assertThat(monitor.readReply()).isEqualTo("-ERR Replica can't interact with the keyspace\r\n");
            monitor.command("RESET");
            assertThat(monitor.readReply()).isEqualTo("+RESET\r\n");
            client.command("PING");
            client.readReply();
            monitor.command("PING");
            assertThat(monitor.readReply()).isEqualTo("+PONG\r\n");
        }
    }

    @Test
    void slowlogWithThresholdZeroLogsEveryCommand() throws Exception {
        try (TestServer server = TestServer.start("slowlog-log-slower-than", "0");
             RawConnection a = server.raw();
             RawConnection b = server.raw()) {
            a.command("CLIENT", "SETNAME", "writer");
            a.readReply();
            a.command("SET", "k", "x".repeat(130));
            a.readReply();
            b.command("SLOWLOG", "GET", "1");
            String entry = b.readReply();
            assertThat(entry).matches("(?s)\\*1\r\n\\*6\r\n:1\r\n:\\d+\r\n:\\d+\r\n\\*3\r\n\\$3\r\nSET\r\n\\$1\r\nk\r\n"
                    + "\\$146\r\nx{128}\\.\\.\\. \\(2 more bytes\\)\r\n\\$15\r\n127\\.0\\.0\\.1:\\d+\r\n\\$6\r\nwriter\r\n");
            b.command("SLOWLOG", "LEN");
            assertThat(b.readReply()).isEqualTo(":3\r\n");
        }
    }
}
