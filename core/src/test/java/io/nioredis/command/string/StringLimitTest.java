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
}
