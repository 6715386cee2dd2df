package io.nioredis.command.string;

import io.nioredis.command.CommandHarness;

import static org.assertj.core.api.Assertions.assertThat;

import io.nioredis.resp.RespWriter;
import org.junit.jupiter.api.Test;

class StringLimitTest {
    private final CommandHarness h = new CommandHarness();
    private final RespWriter out = new RespWriter();

    @Test
    void allowsUpToProtoMaxBulkLenAndCatchesOverflow() {
        long max = 512L * 1024 * 1024;
        assertThat(StringLimit.checkOrReply(h.client, max - 1, 1, out)).isTrue();
        assertThat(out.size()).isZero();
        assertThat(StringLimit.checkOrReply(h.client, max, 1, out)).isFalse();
        assertThat(StringLimit.checkOrReply(h.client, Long.MAX_VALUE, 1, out)).isFalse();
        assertThat(new String(out.array(), 0, out.size()))
                .startsWith("-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n");
    }

    @Test
    void appendAndSetrangeFollowProtoMaxBulkLenAsItChanges() {
        assertThat(h.run("CONFIG", "SET", "proto-max-bulk-len", "1mb")).isEqualTo("+OK\r\n");
        assertThat(h.run("SET", "s", "x")).isEqualTo("+OK\r\n");
        assertThat(h.run("SETRANGE", "s", "1048575", "y")).isEqualTo(":1048576\r\n");
        assertThat(h.run("APPEND", "s", "z"))
                .isEqualTo("-ERR string exceeds maximum allowed size (proto-max-bulk-len)\r\n");
        assertThat(h.run("CONFIG", "SET", "proto-max-bulk-len", "2mb")).isEqualTo("+OK\r\n");
        assertThat(h.run("APPEND", "s", "z")).isEqualTo(":1048577\r\n");
    }
}
